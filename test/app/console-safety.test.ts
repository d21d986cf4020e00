/** Who may change the org through the Admin Console: a signed-in admin, from the org's own pages, with the session's CSRF token. */
import { describe, expect, it } from 'vitest';
import { createTestOrg, TOKEN, type TestOrg } from '../support/org.js';
import { browser, signIn } from '../support/session-flow.js';
import { consoleBrowser, postForm } from '../support/console.js';
import { CONSOLE_PAGES } from '../../src/console/paths.js';
import { trustedOriginsTabChanges, trustedOriginsTabPages } from '../../src/console/trusted-origins-paths.js';

/** A seeded record (fixtures/trusted-origins.json) for the pages and changes that name one. */
const SEEDED_ID = 'tosue7JvguwJ7U6kz0g3';
const PAGES = [...new Set([...CONSOLE_PAGES.map((p) => p.path), ...trustedOriginsTabPages(SEEDED_ID)])];
const CHANGES = trustedOriginsTabChanges(SEEDED_ID);
/** What each change would post: a valid form, so only the safety rule can stop it. */
const VALID_FORM = { name: 'Would-be change', origin: 'http://localhost:8080', scope_CORS: 'on' };

const snapshot = (org: TestOrg) => structuredClone(org.store.trustedOrigins.all());

const NOT_ADMIN = { id: '00unotadmin000000001', profile: { login: 'reader@example.com' }, password: 'reader-pass' };

async function signInAs(org: TestOrg, username: string, password: string): Promise<string> {
  const res = await org.request('/login/login.htm', { method: 'POST', auth: false, body: new URLSearchParams({ username, password }) });
  const sid = /sid=([^;]+)/.exec(res.headers.get('Set-Cookie') ?? '')?.[1];
  expect(sid).toBeDefined();
  return `sid=${sid}`;
}

describe('the Admin Console\'s safety rules', () => {
  it.each(PAGES)('sends a visitor without a session from %s to the sign-in page', async (path) => {
    const org = await createTestOrg();
    const res = await browser(org, path, undefined);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/login/login.htm?fromURI=${encodeURIComponent(path)}`);
  });

  it.each(CHANGES)('refuses POST %s without a session, sending it to sign in, and changes nothing', async (path) => {
    const org = await createTestOrg();
    const before = snapshot(org);
    const res = await postForm(org, path, { cookie: undefined }, VALID_FORM);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toMatch(/^\/login\/login\.htm\?fromURI=/);
    expect(snapshot(org)).toEqual(before);
  });

  it.each(CHANGES)('refuses POST %s without the CSRF token with 403 and changes nothing', async (path) => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    const before = snapshot(org);
    const res = await postForm(org, path, as, VALID_FORM, { csrfToken: null });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('CSRF token');
    expect(snapshot(org)).toEqual(before);
  });

  it.each(CHANGES)('refuses POST %s with another session\'s CSRF token with 403 and changes nothing', async (path) => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    const other = await consoleBrowser(org, await signIn(org));
    expect(other.csrfToken).not.toBe(as.csrfToken);
    const before = snapshot(org);
    expect((await postForm(org, path, as, VALID_FORM, { csrfToken: other.csrfToken })).status).toBe(403);
    expect(snapshot(org)).toEqual(before);
  });

  it.each(CHANGES)('refuses POST %s from a foreign Origin with 403 even with the right token, and changes nothing', async (path) => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    const before = snapshot(org);
    const res = await postForm(org, path, as, VALID_FORM, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('https://evil.example');
    expect(snapshot(org)).toEqual(before);
  });

  it.each(CHANGES)('refuses POST %s that a browser marks cross-site (Sec-Fetch-Site, no Origin) and changes nothing', async (path) => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    const before = snapshot(org);
    const res = await postForm(org, path, as, VALID_FORM, { origin: null, headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(res.status).toBe(403);
    expect(snapshot(org)).toEqual(before);
  });

  it('lets a signed-in user who owns no API token neither see nor change anything', async () => {
    const fixtures = { users: [{ id: '00ut5t92p6IEOi4bu0g3', profile: { login: 'admin@example.com' }, password: 'okta-mock', apiTokens: [TOKEN] }, NOT_ADMIN] };
    const org = await createTestOrg({ fixtures });
    const cookie = await signInAs(org, NOT_ADMIN.profile.login, NOT_ADMIN.password);
    for (const path of PAGES) expect((await browser(org, path, cookie)).status, path).toBe(403);
    const before = snapshot(org);
    for (const path of CHANGES) {
      const res = await postForm(org, path, { cookie }, VALID_FORM);
      expect(res.status, path).toBe(403);
      expect(await res.text()).toContain('only an administrator');
    }
    expect(snapshot(org)).toEqual(before);
  });

  it('carries no API token and no session id in any page, form or confirmation of the console', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    const sid = as.cookie.slice('sid='.length);
    for (const path of PAGES) {
      const res = await browser(org, path, as.cookie);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toContain(TOKEN);
      expect(html, path).not.toContain(sid);
    }
    const refused = await postForm(org, CHANGES[0]!, as, { name: '', origin: 'example.com' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).not.toContain(TOKEN);
    expect(html).not.toContain(sid);
  });
});
