/** The Admin Console's door: who gets in, where everyone else goes, and what every console page sends. */
import { describe, expect, it } from 'vitest';
import { createTestOrg, TOKEN } from '../support/org.js';
import { browser, signIn } from '../support/session-flow.js';
import { CONSOLE_PAGES } from '../../src/console/paths.js';
import { trustedOriginsTabPaths, trustedOriginsTabPages } from '../../src/console/trusted-origins-paths.js';
import { consoleBrowser, postForm } from '../support/console.js';

const TAB = '/admin/access/api/trusted_origins';
const NOT_ADMIN = { id: '00unotadmin000000001', profile: { login: 'reader@example.com' }, password: 'reader-pass' };

describe('the Admin Console', () => {
  it('sends a visitor without a session to the sign-in page, which brings them back to the page asked for', async () => {
    const org = await createTestOrg();
    const res = await browser(org, `${TAB}?q=x`, undefined);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/login/login.htm?fromURI=${encodeURIComponent(`${TAB}?q=x`)}`);

    const signedIn = await org.request('/login/login.htm', {
      method: 'POST',
      auth: false,
      body: new URLSearchParams({ username: 'admin@example.com', password: 'okta-mock', fromURI: TAB }),
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get('Location')).toBe(TAB);
  });

  it('sends a signed-in visitor of the sign-in page straight back to an org page named by fromURI, but never to another host', async () => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const back = await browser(org, `/login/login.htm?fromURI=${encodeURIComponent(TAB)}`, cookie);
    expect(back.status).toBe(302);
    expect(back.headers.get('Location')).toBe(TAB);
    for (const elsewhere of ['//evil.example', '/\\evil.example', 'https://evil.example/']) {
      const res = await browser(org, `/login/login.htm?fromURI=${encodeURIComponent(elsewhere)}`, cookie);
      expect(res.status, elsewhere).toBe(200);
    }
  });

  it('leads from /admin to the Trusted Origins tab', async () => {
    const org = await createTestOrg();
    const res = await browser(org, '/admin', await signIn(org));
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(TAB);
  });

  it('refuses a signed-in user who owns no API token: only administrators use the console', async () => {
    const fixtures = { users: [{ id: '00ut5t92p6IEOi4bu0g3', profile: { login: 'admin@example.com' }, password: 'okta-mock', apiTokens: [TOKEN] }, NOT_ADMIN] };
    const org = await createTestOrg({ fixtures });
    const signedIn = await org.request('/login/login.htm', { method: 'POST', auth: false, body: new URLSearchParams({ username: 'reader@example.com', password: 'reader-pass' }) });
    const sid = /sid=([^;]+)/.exec(signedIn.headers.get('Set-Cookie') ?? '')?.[1];
    expect(sid).toBeDefined();
    const res = await browser(org, TAB, `sid=${sid}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('only an administrator');
  });

  it.each(CONSOLE_PAGES.map((page) => [page.title, page.path]))('serves %s with framing for the org itself only, nosniff, and no API token', async (_title, path) => {
    const org = await createTestOrg();
    await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      json: { name: 'embedder', origin: 'https://embed.example.com', scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] },
    });
    const res = await browser(org, path, await signIn(org));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'self'");
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const page = await res.text();
    expect(page).not.toContain(TOKEN);
    expect(page).toMatch(/<meta name="okta-mock-csrf" content="[A-Za-z0-9_-]{32}">/);
  });

  it('links every console page from its navigation, marking the current one', async () => {
    const org = await createTestOrg();
    const page = await (await browser(org, TAB, await signIn(org))).text();
    for (const { path } of CONSOLE_PAGES) expect(page).toContain(`href="${path}"`);
    expect(page).toContain(`href="${TAB}" aria-current="page"`);
  });

  it('sends the same framing and nosniff headers on every page of the Trusted Origins tab, a refused form and a missing record', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    const answers = [
      ...(await Promise.all(trustedOriginsTabPages('tosue7JvguwJ7U6kz0g3').map((path) => browser(org, path, as.cookie)))),
      await postForm(org, trustedOriginsTabPaths.create, as, { name: '', origin: 'example.com' }),
      await browser(org, trustedOriginsTabPaths.editForm('tos00000000000000000'), as.cookie),
    ];
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 400, 404]);
    for (const res of answers) {
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(res.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'self'");
      expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });
});
