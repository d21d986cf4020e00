/** The request journal, through the app: what each answered request leaves behind, and what it never keeps. */
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/journal.js';
import { refusedLocalhostAliasPreflight } from '../support/journal-entries.js';
import { createTestOrg, FIXED_NOW, TOKEN, type TestOrg } from '../support/org.js';
import {
  ADMIN_PASSWORD,
  authn,
  browser,
  cookieRedirect,
  CORS_AND_REDIRECT_ORIGIN,
  CORS_ONLY_ORIGIN,
  sessionToken,
  sidOf,
} from '../support/session-flow.js';

const CORS_ONLY_ID = 'tosue7JvguwJ7U6kz0g3';
const CORS_AND_REDIRECT_ID = 'tos10hzarOl8zfPM80g4';

const requestIdOf = (res: Response) => res.headers.get('X-Okta-Request-Id')!;

function preflight(org: TestOrg, path: string, origin: string, method = 'GET') {
  return org.request(path, {
    method: 'OPTIONS',
    auth: false,
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'x-okta-user-agent-extended' },
  });
}

/** The entry fields that do not depend on timing. */
const stable = ({ durationMs, ...rest }: JournalEntry) => {
  expect(durationMs).toBeGreaterThanOrEqual(0);
  return rest;
};

async function signInCookie(org: TestOrg): Promise<string> {
  const res = await cookieRedirect(org, await sessionToken(org), `${CORS_AND_REDIRECT_ORIGIN}/app`);
  return `sid=${sidOf(res)}`;
}

describe('the journal, through the app', () => {
  it('records a trusted preflight and the actual call after it as two entries, each explaining the CORS decision', async () => {
    const org = await createTestOrg();
    const cookie = await signInCookie(org);
    const since = org.requests().at(-1)!.requestId;
    const pre = await preflight(org, '/api/v1/users/me', CORS_ONLY_ORIGIN);
    const actual = await browser(org, '/api/v1/users/me', cookie, { headers: { Origin: CORS_ONLY_ORIGIN } });
    expect(actual.status).toBe(200);

    const allowed = {
      kind: 'cors',
      subject: CORS_ONLY_ORIGIN,
      allowed: true,
      trustedOriginId: CORS_ONLY_ID,
      reason: 'http://example.com is a trusted origin for CORS',
      hint: null,
    };
    expect(org.requests({ since }).map(stable)).toEqual([
      {
        requestId: requestIdOf(pre),
        time: FIXED_NOW.toISOString(),
        method: 'OPTIONS',
        path: '/api/v1/users/me',
        query: '',
        status: 200,
        origin: CORS_ONLY_ORIGIN,
        auth: 'none',
        errorCode: null,
        decision: allowed,
      },
      {
        requestId: requestIdOf(actual),
        time: FIXED_NOW.toISOString(),
        method: 'GET',
        path: '/api/v1/users/me',
        query: '',
        status: 200,
        origin: CORS_ONLY_ORIGIN,
        auth: 'session',
        errorCode: null,
        decision: allowed,
      },
    ]);
  });

  it('records an untrusted preflight with the reason and the near miss that would have allowed it', async () => {
    const org = await createTestOrg();
    const created = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      json: { name: 'Local app', origin: 'http://localhost:3000', scopes: [{ type: 'CORS' }] },
    });
    const { id } = (await created.json()) as { id: string };
    const res = await preflight(org, '/api/v1/users/me', 'http://127.0.0.1:3000');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();

    expect(stable(org.requests().at(-1)!)).toEqual({
      requestId: requestIdOf(res),
      time: FIXED_NOW.toISOString(),
      ...refusedLocalhostAliasPreflight(id),
    });
  });

  it('names the near miss as the org is now: the new origin after a PUT, none after a delete', async () => {
    const org = await createTestOrg();
    const created = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      json: { name: 'Local app', origin: 'http://localhost:3000', scopes: [{ type: 'CORS' }] },
    });
    const { id } = (await created.json()) as { id: string };
    const put = await org.request(`/api/v1/trustedOrigins/${id}`, {
      method: 'PUT',
      json: { name: 'Local app', origin: 'http://localhost:4000', scopes: [{ type: 'CORS' }] },
    });
    expect(put.status).toBe(200);
    await preflight(org, '/api/v1/users/me', 'http://127.0.0.1:4000');
    await preflight(org, '/api/v1/users/me', 'http://127.0.0.1:3000');
    expect((await org.request(`/api/v1/trustedOrigins/${id}`, { method: 'DELETE' })).status).toBe(204);
    await preflight(org, '/api/v1/users/me', 'http://127.0.0.1:4000');
    expect(org.requests().filter((e) => e.method === 'OPTIONS').map((e) => [e.decision?.trustedOriginId, e.decision?.hint])).toEqual([
      [id, `http://localhost:4000 is (${id}): browsers treat localhost and 127.0.0.1 as different origins`],
      [null, null],
      [null, null],
    ]);
  });

  it('records an SSWS call as auth ssws with no decision where no CORS question arose', async () => {
    const org = await createTestOrg();
    const res = await org.request('/api/v1/trustedOrigins?limit=2');
    expect(stable(org.requests().at(-1)!)).toEqual({
      requestId: requestIdOf(res),
      time: FIXED_NOW.toISOString(),
      method: 'GET',
      path: '/api/v1/trustedOrigins',
      query: 'limit=2',
      status: 200,
      origin: null,
      auth: 'ssws',
      errorCode: null,
      decision: null,
    });
  });

  it('records an SSWS call from a trusted Origin as refused CORS, because API-token requests never get CORS headers', async () => {
    const org = await createTestOrg();
    await org.request('/api/v1/users/me', { headers: { Origin: CORS_ONLY_ORIGIN } });
    expect(org.requests().at(-1)).toMatchObject({
      auth: 'ssws',
      status: 200,
      decision: { kind: 'cors', allowed: false, trustedOriginId: CORS_ONLY_ID, reason: 'a request with an SSWS API token never gets CORS headers' },
    });
  });

  it('records an allowed redirect with the trusted origin, and the session token in its query redacted', async () => {
    const org = await createTestOrg();
    const token = await sessionToken(org);
    const res = await cookieRedirect(org, token, `${CORS_AND_REDIRECT_ORIGIN}/app/callback`);
    expect(res.status).toBe(302);
    const entry = org.requests().at(-1)!;
    expect(stable(entry)).toEqual({
      requestId: requestIdOf(res),
      time: FIXED_NOW.toISOString(),
      method: 'GET',
      path: '/login/sessionCookieRedirect',
      query: 'checkAccountSetupComplete=true&token=[redacted]&redirectUrl=https%3A%2F%2Frf.example.com%2Fapp%2Fcallback',
      status: 302,
      origin: null,
      auth: 'none',
      errorCode: null,
      decision: {
        kind: 'redirect',
        subject: 'https://rf.example.com/app/callback',
        allowed: true,
        trustedOriginId: CORS_AND_REDIRECT_ID,
        reason: 'https://rf.example.com is a trusted origin for REDIRECT',
        hint: null,
      },
    });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it('records a refused redirect with the scope the trusted origin lacks', async () => {
    const org = await createTestOrg();
    const res = await cookieRedirect(org, await sessionToken(org), `${CORS_ONLY_ORIGIN}/app`);
    expect(res.status).toBe(403);
    expect(org.requests().at(-1)).toMatchObject({
      path: '/login/sessionCookieRedirect',
      status: 403,
      errorCode: null,
      decision: {
        kind: 'redirect',
        subject: 'http://example.com/app',
        allowed: false,
        trustedOriginId: CORS_ONLY_ID,
        reason: 'http://example.com is not a trusted origin for REDIRECT',
        hint: `http://example.com (${CORS_ONLY_ID}) has CORS, not REDIRECT: add {"type": "REDIRECT"} to its scopes`,
      },
    });
  });

  it('records a sign-out with a trusted fromURI as an allowed redirect, and one without fromURI with no decision', async () => {
    const org = await createTestOrg();
    await org.request(`/login/signout?fromURI=${encodeURIComponent(`${CORS_AND_REDIRECT_ORIGIN}/bye`)}`, { auth: false });
    await org.request('/login/signout', { auth: false });
    const [withTarget, without] = org.requests().slice(-2);
    expect(withTarget).toMatchObject({ status: 302, decision: { kind: 'redirect', allowed: true, trustedOriginId: CORS_AND_REDIRECT_ID } });
    expect(without).toMatchObject({ status: 302, decision: null });
  });

  it('records the Okta error code answered: E0000007 for an unknown id, E0000005 without a token, E0000011 for a wrong one', async () => {
    const org = await createTestOrg();
    await org.request('/api/v1/trustedOrigins/tosNOPE');
    await org.request('/api/v1/trustedOrigins', { auth: false });
    await org.request('/api/v1/trustedOrigins', { headers: { Authorization: 'SSWS wrong' } });
    await org.request('/api/v1/trustedOrigins');
    expect(org.requests().map((e) => [e.status, e.errorCode])).toEqual([
      [404, 'E0000007'],
      [403, 'E0000005'],
      [401, 'E0000011'],
      [200, null],
    ]);
  });

  it('records an unknown path and an unsupported method with their error codes E0000007 and E0000022', async () => {
    const org = await createTestOrg();
    await org.request('/api/v1/nothing-here');
    await org.request('/api/v1/users/me', { method: 'PATCH' });
    expect(org.requests().map((e) => [e.method, e.path, e.status, e.errorCode])).toEqual([
      ['GET', '/api/v1/nothing-here', 404, 'E0000007'],
      ['PATCH', '/api/v1/users/me', 405, 'E0000022'],
    ]);
  });

  it('keeps only the newest journalSize entries, oldest first', async () => {
    const org = await createTestOrg({ journalSize: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(requestIdOf(await org.request(`/api/v1/trustedOrigins?limit=${i + 1}`)));
    expect(org.requests().map((e) => e.requestId)).toEqual(ids.slice(-3));
    expect(org.requests().map((e) => e.query)).toEqual(['limit=3', 'limit=4', 'limit=5']);
    expect(org.requests({ limit: 1 }).map((e) => e.requestId)).toEqual(ids.slice(-1));
  });

  it('keeps nothing with journalSize 0, and still answers', async () => {
    const org = await createTestOrg({ journalSize: 0 });
    expect((await org.request('/api/v1/trustedOrigins')).status).toBe(200);
    expect(org.requests()).toEqual([]);
  });

  it('does not journal requests to the control API under /__okta-mock/', async () => {
    const org = await createTestOrg();
    await org.request('/__okta-mock/requests');
    await org.request('/__okta-mock');
    await org.request('/api/v1/trustedOrigins');
    expect(org.requests().map((e) => e.path)).toEqual(['/api/v1/trustedOrigins']);
  });

  it('journals a path that only starts like the control prefix', async () => {
    const org = await createTestOrg();
    await org.request('/__okta-mockery');
    expect(org.requests().map((e) => e.path)).toEqual(['/__okta-mockery']);
  });

  it('keeps no API token, password, session token or session id anywhere in the journal across a sign-in flow', async () => {
    const org = await createTestOrg();
    const authnRes = await authn(org, undefined, undefined, { Origin: CORS_AND_REDIRECT_ORIGIN });
    const { sessionToken: token } = (await authnRes.json()) as { sessionToken: string };
    const redirect = await cookieRedirect(org, token, `${CORS_AND_REDIRECT_ORIGIN}/app`);
    const sid = sidOf(redirect)!;
    await browser(org, '/api/v1/users/me', `sid=${sid}`, { headers: { Origin: CORS_AND_REDIRECT_ORIGIN } });
    await browser(org, '/api/v1/sessions/me', `sid=${sid}`, { method: 'DELETE', headers: { Origin: CORS_AND_REDIRECT_ORIGIN } });
    await org.request(`/login/signout?sessionToken=${token}&password=${ADMIN_PASSWORD}&sid=${sid}`, { auth: false });
    await org.request('/api/v1/trustedOrigins');

    const journal = JSON.stringify(org.requests());
    expect(org.requests().map((e) => e.path)).toEqual([
      '/api/v1/authn',
      '/login/sessionCookieRedirect',
      '/api/v1/users/me',
      '/api/v1/sessions/me',
      '/login/signout',
      '/api/v1/trustedOrigins',
    ]);
    for (const secret of [token, sid, TOKEN, ADMIN_PASSWORD]) expect(journal).not.toContain(secret);
    expect(org.requests()[4]!.query).toBe('sessionToken=[redacted]&password=[redacted]&sid=[redacted]');
  });
});
