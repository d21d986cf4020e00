/** The browser session flow through app.fetch: authn, the session-cookie redirect and /api/v1/sessions/me. */
import { createOrg } from '../../src/org.js';
import { describe, expect, it } from 'vitest';
import { expectOktaError, steppingClock } from '../support/okta-assertions.js';
import { ADMIN_ID, createTestOrg, FIXED_NOW, ORG_URL, type TestOrg } from '../support/org.js';
import {
  authn,
  browser,
  CORS_AND_REDIRECT_ORIGIN,
  CORS_ONLY_ORIGIN,
  cookieRedirect,
  SESSION_ID,
  SESSION_TOKEN,
  sessionToken,
  sidOf,
  signIn,
} from '../support/session-flow.js';
import { named } from '../unit/table.js';

const NOT_FOUND_ME = 'Not found: Resource not found: me (Session)';
const TARGET = `${CORS_AND_REDIRECT_ORIGIN}/app/callback?state=1`;

type SessionBody = { id: string; createdAt: string; expiresAt: string; _links: Record<string, { href: string }> };

async function createOrigin(org: TestOrg, origin: string, scopes: string[]): Promise<string> {
  const res = await org.request('/api/v1/trustedOrigins', {
    method: 'POST',
    json: { name: `origin ${origin}`, origin, scopes: scopes.map((type) => ({ type })) },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

describe('POST /api/v1/authn', () => {
  it('answers good credentials with SUCCESS, a one-time sessionToken expiring in 5 minutes, the user and a cancel link', async () => {
    const org = await createTestOrg();
    const res = await authn(org);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['expiresAt', 'status', 'sessionToken', '_embedded', '_links']);
    expect(body).toEqual({
      expiresAt: '2026-01-02T03:09:05.000Z',
      status: 'SUCCESS',
      sessionToken: expect.stringMatching(SESSION_TOKEN),
      _embedded: {
        user: {
          id: ADMIN_ID,
          passwordChanged: '2017-12-01T00:00:00.000Z',
          profile: { login: 'admin@example.com', firstName: 'Okta', lastName: 'Admin', locale: 'en_US', timeZone: 'America/Los_Angeles' },
        },
      },
      _links: { cancel: { href: `${ORG_URL}/api/v1/authn/cancel`, hints: { allow: ['POST'] } } },
    });
    expect(Date.parse(body.expiresAt) - Math.floor(FIXED_NOW.getTime() / 1000) * 1000).toBe(5 * 60 * 1000);
  });

  it('issues a different sessionToken on each success', async () => {
    const org = await createTestOrg();
    expect(await sessionToken(org)).not.toBe(await sessionToken(org));
  });

  it('also accepts an API token alongside the credentials', async () => {
    const org = await createTestOrg();
    const res = await org.request('/api/v1/authn', { method: 'POST', json: { username: 'admin@example.com', password: 'okta-mock' } });
    expect(res.status).toBe(200);
  });

  const failures = [
    { name: 'rejects a wrong password with 401 E0000004 Authentication failed', input: { username: 'admin@example.com', password: 'wrong' } },
    { name: 'rejects an unknown user with 401 E0000004 Authentication failed', input: { username: 'nobody@example.com', password: 'okta-mock' } },
    { name: 'rejects a missing password with 401 E0000004 Authentication failed', input: { username: 'admin@example.com' } },
    { name: 'rejects a non-string username with 401 E0000004 Authentication failed', input: { username: 42, password: 'okta-mock' } },
  ];

  it.each(named(failures))('%s and empty errorCauses', async (_name, { input }) => {
    const org = await createTestOrg();
    const res = await org.request('/api/v1/authn', { method: 'POST', auth: false, json: input });
    await expectOktaError(res, 401, 'E0000004', { summary: 'Authentication failed', causes: [] });
    expect(sidOf(res)).toBeUndefined();
  });
});

describe('GET /login/sessionCookieRedirect', () => {
  it('redirects 302 to redirectUrl verbatim and sets an HttpOnly sid=102… cookie on Path=/ for a trusted REDIRECT origin', async () => {
    const org = await createTestOrg();
    const res = await cookieRedirect(org, await sessionToken(org), TARGET);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(TARGET);
    const [cookie] = res.headers.getSetCookie().filter((c) => c.startsWith('sid='));
    expect(cookie).toMatch(/^sid=102[A-Za-z0-9_-]{22};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(await res.text()).toBe('');
  });

  it('marks the sid cookie Secure and SameSite=None when the org is reached over HTTPS', async () => {
    const org = await createTestOrg(); // ORG_URL is https://
    const res = await cookieRedirect(org, await sessionToken(org), TARGET);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
    expect(cookie).toMatch(/;\s*Secure(;|$)/);
    expect(cookie).toMatch(/;\s*SameSite=None(;|$)/);
    expect(cookie).toMatch(/;\s*HttpOnly(;|$)/);
  });

  it('sets the sid cookie without Secure or SameSite when the org is reached over plain HTTP', async () => {
    // Straight into an app on an http:// URL: the MSW target serves only the https ORG_URL.
    const { app, ready } = createOrg({ randomSeed: 1 });
    await ready;
    const send = (path: string, init?: RequestInit) => app.fetch(new Request(`http://127.0.0.1:8787${path}`, init));
    const authn = await send('/api/v1/authn', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin@example.com', password: 'okta-mock' }) });
    const { sessionToken: token } = (await authn.json()) as { sessionToken: string };
    const res = await send(`/login/sessionCookieRedirect?${new URLSearchParams({ token, redirectUrl: TARGET })}`);
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
    expect(cookie).toMatch(/^sid=102[A-Za-z0-9_-]{22};/);
    expect(cookie).not.toMatch(/Secure|SameSite/i);
    expect(cookie).toMatch(/;\s*HttpOnly(;|$)/);
  });

  it('uses a token once: a second redirect with it is a 302 without a cookie', async () => {
    const org = await createTestOrg();
    const token = await sessionToken(org);
    expect(sidOf(await cookieRedirect(org, token, TARGET))).toMatch(SESSION_ID);
    const again = await cookieRedirect(org, token, TARGET);
    expect(again.status).toBe(302);
    expect(again.headers.get('Location')).toBe(TARGET);
    expect(sidOf(again)).toBeUndefined();
  });

  it('sets no cookie for an unknown token, but still redirects to the trusted URL', async () => {
    const org = await createTestOrg();
    const res = await cookieRedirect(org, '20111' + 'x'.repeat(50), TARGET);
    expect(res.status).toBe(302);
    expect(sidOf(res)).toBeUndefined();
  });

  it('still honours a token just before its 5 minutes are up', async () => {
    const clock = steppingClock('2026-01-02T03:04:05.000Z');
    const org = await createTestOrg({ now: clock.now });
    const token = await sessionToken(org);
    clock.advance(5 * 60 - 1);
    expect(sidOf(await cookieRedirect(org, token, TARGET))).toMatch(SESSION_ID);
  });

  it('sets no cookie for a token older than 5 minutes', async () => {
    const clock = steppingClock();
    const org = await createTestOrg({ now: clock.now });
    const token = await sessionToken(org);
    clock.advance(5 * 60 + 1);
    const res = await cookieRedirect(org, token, TARGET);
    expect(res.status).toBe(302);
    expect(sidOf(res)).toBeUndefined();
  });

  const refused = [
    { name: 'an untrusted origin', setup: async () => undefined, url: 'https://evil.example.com/steal' },
    { name: 'a CORS-only trusted origin', setup: async () => undefined, url: `${CORS_ONLY_ORIGIN}/app` },
    { name: 'a trusted origin on another port', setup: async () => undefined, url: 'https://rf.example.com:8443/app' },
    { name: 'a trusted origin on another scheme', setup: async () => undefined, url: 'http://rf.example.com/app' },
    { name: 'a relative URL', setup: async () => undefined, url: '/app' },
    { name: 'a javascript: URL', setup: async () => undefined, url: 'javascript:alert(1)' },
    { name: 'a trusted URL with a CR LF header injection', setup: async () => undefined, url: `${TARGET}\r\nX-Evil: 1` },
    { name: 'a trusted URL with a tab', setup: async () => undefined, url: 'https://rf.example.com/a\tb' },
    {
      name: 'an INACTIVE REDIRECT origin',
      setup: async (org: TestOrg) => {
        const res = await org.request('/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4/lifecycle/deactivate', { method: 'POST' });
        expect(res.status).toBe(200);
      },
      url: TARGET,
    },
    {
      name: 'a deleted REDIRECT origin',
      setup: async (org: TestOrg) => {
        expect((await org.request('/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4', { method: 'DELETE' })).status).toBe(204);
      },
      url: TARGET,
    },
  ];

  it.each(named(refused))('refuses %s with a 403 HTML page, no cookie, and leaves the token usable', async (_name, { setup, url }) => {
    const org = await createTestOrg();
    const token = await sessionToken(org);
    await setup(org);
    const res = await cookieRedirect(org, token, url);
    expect(res.status).toBe(403);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Location')).toBeNull();
    expect(sidOf(res)).toBeUndefined();
    expect(await res.text()).toContain('untrusted-redirect');

    const later = await cookieRedirect(org, token, 'http://yato.example.com/ok');
    expect(later.status).toBe(302);
    expect(sidOf(later)).toMatch(SESSION_ID);
  });

  it('follows a REDIRECT origin created a moment ago, and refuses it right after it is deactivated', async () => {
    const org = await createTestOrg();
    const id = await createOrigin(org, 'http://localhost:8080', ['REDIRECT']);
    expect((await cookieRedirect(org, await sessionToken(org), 'http://localhost:8080/cb')).status).toBe(302);
    await org.request(`/api/v1/trustedOrigins/${id}/lifecycle/deactivate`, { method: 'POST' });
    expect((await cookieRedirect(org, await sessionToken(org), 'http://localhost:8080/cb')).status).toBe(403);
  });
});

describe('/api/v1/sessions/me', () => {
  it('returns the session object for the sid cookie, with Okta keys and self/refresh/user links', async () => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const res = await browser(org, '/api/v1/sessions/me', cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual([
      'id', 'userId', 'login', 'createdAt', 'expiresAt', 'status', 'lastPasswordVerification', 'lastFactorVerification', 'amr', 'idp', 'mfaActive', '_links',
    ]);
    expect(body).toMatchObject({
      id: cookie.slice('sid='.length),
      userId: ADMIN_ID,
      login: 'admin@example.com',
      createdAt: '2026-01-02T03:04:05.000Z',
      expiresAt: '2026-01-02T05:04:05.000Z',
      status: 'ACTIVE',
      lastPasswordVerification: '2026-01-02T03:04:05.000Z',
      lastFactorVerification: null,
      amr: ['pwd'],
      idp: { type: 'OKTA' },
    });
    expect(Object.keys(body._links)).toEqual(['self', 'refresh', 'user']);
    expect(body._links.self.href).toBe(`${ORG_URL}/api/v1/sessions/me`);
    expect(body._links.refresh.href).toBe(`${ORG_URL}/api/v1/sessions/me/lifecycle/refresh`);
    expect(body._links.user).toEqual({ name: 'Okta Admin', href: `${ORG_URL}/api/v1/users/me`, hints: { allow: ['GET'] } });
  });

  const missing = [
    { name: 'no cookie', cookie: undefined, token: false },
    { name: 'an unknown sid', cookie: 'sid=102AAAAAAAAAAAAAAAAAAAAAA', token: false },
    { name: 'an empty sid', cookie: 'sid=', token: false },
    { name: 'an SSWS token alone (API tokens are not allowed here)', cookie: undefined, token: true },
  ];

  it.each(named(missing))('answers %s with 404 E0000007 for me (Session)', async (_name, { cookie, token }) => {
    const org = await createTestOrg();
    const res = token ? await org.request('/api/v1/sessions/me') : await browser(org, '/api/v1/sessions/me', cookie);
    await expectOktaError(res, 404, 'E0000007', { summary: NOT_FOUND_ME, causes: [] });
  });

  it('refresh moves expiresAt to two hours after the refresh and keeps the session id', async () => {
    const clock = steppingClock('2026-01-02T03:04:05.000Z');
    const org = await createTestOrg({ now: clock.now });
    const cookie = await signIn(org);
    clock.advance(30 * 60);
    const res = await browser(org, '/api/v1/sessions/me/lifecycle/refresh', cookie, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SessionBody;
    expect(body.id).toBe(cookie.slice(4));
    expect(body.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(body.expiresAt).toBe('2026-01-02T05:34:05.000Z');
    const again = (await (await browser(org, '/api/v1/sessions/me', cookie)).json()) as SessionBody;
    expect(again.expiresAt).toBe('2026-01-02T05:34:05.000Z');
  });

  it('refresh without a session is 404 E0000007', async () => {
    const org = await createTestOrg();
    const res = await browser(org, '/api/v1/sessions/me/lifecycle/refresh', undefined, { method: 'POST' });
    await expectOktaError(res, 404, 'E0000007', { summary: NOT_FOUND_ME });
  });

  it('DELETE ends the session with 204 and an empty body, then GET and DELETE are 404 E0000007', async () => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const res = await browser(org, '/api/v1/sessions/me', cookie, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    await expectOktaError(await browser(org, '/api/v1/sessions/me', cookie), 404, 'E0000007', { summary: NOT_FOUND_ME });
    await expectOktaError(await browser(org, '/api/v1/sessions/me', cookie, { method: 'DELETE' }), 404, 'E0000007');
  });

  it('expires a session two hours after sign-in', async () => {
    const clock = steppingClock('2026-01-02T03:04:05.000Z');
    const org = await createTestOrg({ now: clock.now });
    const cookie = await signIn(org);
    clock.advance(2 * 60 * 60 - 1);
    expect((await browser(org, '/api/v1/sessions/me', cookie)).status).toBe(200);
    clock.advance(2);
    await expectOktaError(await browser(org, '/api/v1/sessions/me', cookie), 404, 'E0000007', { summary: NOT_FOUND_ME });
    clock.advance(-60);
    expect((await browser(org, '/api/v1/sessions/me', cookie)).status, 'an expired session stays gone').toBe(404);
  });

  it('keeps two sign-ins as two separate sessions', async () => {
    const org = await createTestOrg();
    const first = await signIn(org);
    const second = await signIn(org);
    expect(first).not.toBe(second);
    expect((await browser(org, '/api/v1/sessions/me', first, { method: 'DELETE' })).status).toBe(204);
    expect((await browser(org, '/api/v1/sessions/me', second)).status).toBe(200);
  });
});
