/** /api/v1/users/me, the sign-in and sign-out pages, and the methods the session endpoints refuse. */
import { describe, expect, it } from 'vitest';
import { expectOktaError } from '../support/okta-assertions.js';
import { ADMIN_ID, createTestOrg, ORG_URL, TOKEN, type TestOrg } from '../support/org.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD, browser, CORS_ONLY_ORIGIN, SESSION_ID, sidOf, signIn } from '../support/session-flow.js';
import { named } from '../unit/table.js';

const SIGN_IN = '/login/login.htm';

function postSignIn(org: TestOrg, fields: Record<string, string>): Promise<Response> {
  return org.request(SIGN_IN, { method: 'POST', auth: false, body: new URLSearchParams(fields) });
}

/** Whether a response clears the `sid` cookie. */
const clearsSid = (res: Response) => res.headers.getSetCookie().some((c) => /^sid=;/.test(c) && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c));

describe('GET /api/v1/users/me', () => {
  it('returns the session user for the sid cookie, without the fixture password or API tokens', async () => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const res = await browser(org, '/api/v1/users/me', cookie);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body).toMatchObject({
      id: ADMIN_ID,
      status: 'ACTIVE',
      profile: { login: ADMIN_LOGIN, email: ADMIN_LOGIN, firstName: 'Okta', lastName: 'Admin' },
      credentials: { password: {}, provider: { type: 'OKTA', name: 'OKTA' } },
      _links: { self: { href: `${ORG_URL}/api/v1/users/${ADMIN_ID}` } },
    });
    expect(Object.keys(body)).not.toContain('password');
    expect(Object.keys(body)).not.toContain('apiTokens');
    expect(text).not.toContain(ADMIN_PASSWORD);
    expect(text).not.toContain(TOKEN);
  });

  it('returns the token owner for an SSWS token, without a cookie', async () => {
    const org = await createTestOrg();
    const res = await org.request('/api/v1/users/me');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).id).toBe(ADMIN_ID);
    expect(text).not.toContain(TOKEN);
  });

  const errors: Array<{ name: string; headers: Record<string, string>; cookie: boolean; status: number; code: string; summary: string }> = [
    { name: 'answers an unknown SSWS token with 401 E0000011', headers: { Authorization: 'SSWS not-a-token' }, cookie: false, status: 401, code: 'E0000011', summary: 'Invalid token provided' },
    { name: 'answers an unknown SSWS token with 401 E0000011 even with a valid session cookie', headers: { Authorization: 'SSWS not-a-token' }, cookie: true, status: 401, code: 'E0000011', summary: 'Invalid token provided' },
    { name: 'answers neither a cookie nor a token with 403 E0000005', headers: {}, cookie: false, status: 403, code: 'E0000005', summary: 'Invalid session' },
    { name: 'answers an unknown sid with 403 E0000005', headers: { Cookie: 'sid=102AAAAAAAAAAAAAAAAAAAAAA' }, cookie: false, status: 403, code: 'E0000005', summary: 'Invalid session' },
  ];

  it.each(named(errors))('%s', async (_name, { headers, cookie, status, code, summary }) => {
    const org = await createTestOrg();
    const sid = cookie ? await signIn(org) : undefined;
    const res = await browser(org, '/api/v1/users/me', sid, { headers });
    await expectOktaError(res, status, code, { summary, causes: [] });
  });

  it('answers 403 E0000005 once the session is deleted', async () => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    expect((await browser(org, '/api/v1/sessions/me', cookie, { method: 'DELETE' })).status).toBe(204);
    await expectOktaError(await browser(org, '/api/v1/users/me', cookie), 403, 'E0000005');
  });
});

describe('the sign-in page', () => {
  it('GET /login/login.htm is an HTML page with a username/password form posting back to itself', async () => {
    const org = await createTestOrg();
    const res = await org.request(`${SIGN_IN}?fromURI=${encodeURIComponent('https://rf.example.com/x')}`, { auth: false });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<form method="post" action="\/login\/login.htm">/);
    expect(html).toContain('name="username"');
    expect(html).toContain('name="password" type="password"');
    expect(html).toContain('name="fromURI" value="https://rf.example.com/x"');
  });

  it('escapes a hostile fromURI in the form', async () => {
    const org = await createTestOrg();
    const res = await org.request(`${SIGN_IN}?fromURI=${encodeURIComponent('"><script>alert(1)</script>')}`, { auth: false });
    const html = await res.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('GET / redirects to the sign-in page', async () => {
    const org = await createTestOrg();
    const res = await org.request('/', { auth: false });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(SIGN_IN);
  });

  it('shows the signed-in page on GET when the cookie belongs to a live session', async () => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const html = await (await browser(org, SIGN_IN, cookie)).text();
    expect(html).toContain('id="signed-in"');
    expect(html).toContain(ADMIN_LOGIN);
  });

  it('POST with good credentials sets sid and shows the signed-in page; the cookie then works for /api/v1/sessions/me', async () => {
    const org = await createTestOrg();
    const res = await postSignIn(org, { username: ADMIN_LOGIN, password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('id="signed-in"');
    const sid = sidOf(res);
    expect(sid).toMatch(SESSION_ID);
    expect((await browser(org, '/api/v1/sessions/me', `sid=${sid}`)).status).toBe(200);
  });

  it('POST with good credentials and a trusted REDIRECT fromURI sets sid and redirects 302 there', async () => {
    const org = await createTestOrg();
    const res = await postSignIn(org, { username: ADMIN_LOGIN, password: ADMIN_PASSWORD, fromURI: 'https://rf.example.com/after' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('https://rf.example.com/after');
    expect(sidOf(res)).toMatch(SESSION_ID);
  });

  it('POST with good credentials and an untrusted fromURI signs in but stays on the signed-in page', async () => {
    const org = await createTestOrg();
    const res = await postSignIn(org, { username: ADMIN_LOGIN, password: ADMIN_PASSWORD, fromURI: `${CORS_ONLY_ORIGIN}/after` });
    expect(res.status).toBe(200);
    expect(res.headers.get('Location')).toBeNull();
    expect(sidOf(res)).toMatch(SESSION_ID);
  });

  it('POST with good credentials and a fromURI carrying CR LF signs in without following it (no 500)', async () => {
    const org = await createTestOrg();
    const res = await postSignIn(org, { username: ADMIN_LOGIN, password: ADMIN_PASSWORD, fromURI: 'https://rf.example.com/a\r\nX-Evil: 1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Evil')).toBeNull();
    expect(sidOf(res)).toMatch(SESSION_ID);
  });

  const bad: Array<{ name: string; fields: Record<string, string> }> = [
    { name: 'a wrong password', fields: { username: ADMIN_LOGIN, password: 'wrong' } },
    { name: 'an unknown user', fields: { username: 'nobody@example.com', password: ADMIN_PASSWORD } },
    { name: 'an empty form', fields: {} },
  ];

  it.each(named(bad))('POST with %s answers a 401 sign-in page with an error and no cookie', async (_name, { fields }) => {
    const org = await createTestOrg();
    const res = await postSignIn(org, fields);
    expect(res.status).toBe(401);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('<form');
    expect(sidOf(res)).toBeUndefined();
  });
});

describe('GET /login/signout', () => {
  it('ends the session, clears the cookie and redirects to a trusted REDIRECT fromURI', async () => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const res = await browser(org, `/login/signout?fromURI=${encodeURIComponent('https://rf.example.com/bye')}`, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('https://rf.example.com/bye');
    expect(clearsSid(res)).toBe(true);
    expect((await browser(org, '/api/v1/sessions/me', cookie)).status).toBe(404);
  });

  const fallbacks = [
    { name: 'no fromURI', query: '' },
    { name: 'an untrusted fromURI', query: `?fromURI=${encodeURIComponent('https://evil.example.com/')}` },
    { name: 'a CORS-only fromURI', query: `?fromURI=${encodeURIComponent(`${CORS_ONLY_ORIGIN}/`)}` },
    { name: 'a trusted fromURI carrying CR LF', query: `?fromURI=${encodeURIComponent('https://rf.example.com/a\r\nX-Evil: 1')}` },
  ];

  it.each(named(fallbacks))('ends the session, clears the cookie and redirects to the sign-in page for %s', async (_name, { query }) => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const res = await browser(org, `/login/signout${query}`, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(SIGN_IN);
    expect(clearsSid(res)).toBe(true);
    expect((await browser(org, '/api/v1/sessions/me', cookie)).status).toBe(404);
  });

  it('clears the cookie and redirects even without a session', async () => {
    const org = await createTestOrg();
    const res = await browser(org, '/login/signout', undefined);
    expect(res.status).toBe(302);
    expect(clearsSid(res)).toBe(true);
  });
});

describe('405 E0000022 for methods the session endpoints do not support', () => {
  const cases = [
    { name: 'GET /api/v1/authn', path: '/api/v1/authn', method: 'GET' },
    { name: 'PUT /api/v1/authn', path: '/api/v1/authn', method: 'PUT' },
    { name: 'DELETE /api/v1/authn', path: '/api/v1/authn', method: 'DELETE' },
    { name: 'POST /api/v1/users/me', path: '/api/v1/users/me', method: 'POST' },
    { name: 'PUT /api/v1/users/me', path: '/api/v1/users/me', method: 'PUT' },
    { name: 'DELETE /api/v1/users/me', path: '/api/v1/users/me', method: 'DELETE' },
    { name: 'POST /api/v1/sessions/me', path: '/api/v1/sessions/me', method: 'POST' },
    { name: 'PUT /api/v1/sessions/me', path: '/api/v1/sessions/me', method: 'PUT' },
    { name: 'PATCH /api/v1/sessions/me', path: '/api/v1/sessions/me', method: 'PATCH' },
    { name: 'GET /api/v1/sessions/me/lifecycle/refresh', path: '/api/v1/sessions/me/lifecycle/refresh', method: 'GET' },
  ];

  it.each(named(cases))('answers %s with 405 E0000022', async (_name, { path, method }) => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const res = await browser(org, path, cookie, { method });
    await expectOktaError(res, 405, 'E0000022', { summary: 'The endpoint does not support the provided HTTP method', causes: [] });
    expect((await browser(org, '/api/v1/sessions/me', cookie)).status, 'the session is untouched').toBe(200);
  });
});
