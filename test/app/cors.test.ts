/** CORS through app.fetch: which answers carry the allow headers, and how trusted-origin changes apply at once. */
import { describe, expect, it } from 'vitest';
import { EXPOSED_HEADERS } from '../../src/domain/cors.js';
import { createTestOrg, TOKEN, type TestOrg } from '../support/org.js';
import {
  authn,
  browser,
  CORS_AND_REDIRECT_ORIGIN,
  CORS_ONLY_ORIGIN,
  signIn,
} from '../support/session-flow.js';
import { named } from '../unit/table.js';

const ACAO = 'Access-Control-Allow-Origin';
const REQUESTED = 'content-type, x-okta-user-agent-extended, x-okta-xsrftoken';
const APP = 'http://localhost:8080';

function preflight(org: TestOrg, path: string, origin: string | undefined, method: string, extra: HeadersInit = {}): Promise<Response> {
  const headers = new Headers(extra);
  if (origin !== undefined) headers.set('Origin', origin);
  headers.set('Access-Control-Request-Method', method);
  headers.set('Access-Control-Request-Headers', REQUESTED);
  return org.request(path, { method: 'OPTIONS', auth: false, headers });
}

/** Every Access-Control-* header of a response, by lower-case name. */
const corsHeaders = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));

/** Whether the next authn preflight from `origin` is allowed (the ACAO header, or null). */
async function preflightAcao(org: TestOrg, origin: string): Promise<string | null> {
  const res = await preflight(org, '/api/v1/authn', origin, 'POST');
  expect(res.status).toBe(200);
  return res.headers.get(ACAO);
}

async function createOrigin(org: TestOrg, origin: string, scopes: string[]): Promise<string> {
  const res = await org.request('/api/v1/trustedOrigins', {
    method: 'POST',
    json: { name: `origin ${origin}`, origin, scopes: scopes.map((type) => ({ type })) },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function admin(org: TestOrg, path: string, init: Parameters<TestOrg['request']>[1] = {}): Promise<void> {
  const res = await org.request(path, init);
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

describe('preflights of CORS-enabled endpoints', () => {
  const endpoints = [
    { name: 'allows POST /api/v1/authn from a trusted origin with POST, OPTIONS', path: '/api/v1/authn', method: 'POST', expected: 'POST, OPTIONS' },
    { name: 'allows DELETE /api/v1/sessions/me from a trusted origin with GET, DELETE, OPTIONS', path: '/api/v1/sessions/me', method: 'DELETE', expected: 'GET, DELETE, OPTIONS' },
    { name: 'allows the session refresh from a trusted origin with POST, OPTIONS', path: '/api/v1/sessions/me/lifecycle/refresh', method: 'POST', expected: 'POST, OPTIONS' },
    { name: 'allows GET /api/v1/users/me from a trusted origin with GET, OPTIONS', path: '/api/v1/users/me', method: 'GET', expected: 'GET, OPTIONS' },
  ];

  it.each(named(endpoints))('%s, status 200 and an empty body', async (_name, { path, method, expected }) => {
    const org = await createTestOrg();
    const res = await preflight(org, path, CORS_ONLY_ORIGIN, method);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(corsHeaders(res)).toEqual({
      'access-control-allow-origin': CORS_ONLY_ORIGIN,
      'access-control-allow-methods': expected,
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '3600',
      'access-control-allow-headers': `${REQUESTED},Content-Type`,
    });
  });

  it.each(named(endpoints))('answers an untrusted preflight of the same endpoint with 200, an empty body and no CORS headers (%s)', async (_name, { path, method }) => {
    const org = await createTestOrg();
    const res = await preflight(org, path, 'http://evil.example.com', method);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(corsHeaders(res)).toEqual({});
  });

  it('answers a preflight from the CORS and REDIRECT origin too', async () => {
    const org = await createTestOrg();
    expect(await preflightAcao(org, CORS_AND_REDIRECT_ORIGIN)).toBe(CORS_AND_REDIRECT_ORIGIN);
  });

  it('answers a preflight without Origin with 200 and no CORS headers', async () => {
    const org = await createTestOrg();
    const res = await preflight(org, '/api/v1/authn', undefined, 'POST');
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual({});
  });

  it('answers a preflight that carries an SSWS token with no CORS headers', async () => {
    const org = await createTestOrg();
    const res = await preflight(org, '/api/v1/authn', CORS_ONLY_ORIGIN, 'POST', { Authorization: `SSWS ${TOKEN}` });
    expect(corsHeaders(res)).toEqual({});
  });
});

describe('origins that are not trusted for CORS get no Access-Control-Allow-Origin', () => {
  const cases = [
    { name: 'an unknown origin', origin: 'http://evil.example.com' },
    { name: 'a trusted host on another port', origin: 'http://example.com:8080' },
    { name: 'a trusted host on another scheme', origin: 'https://example.com' },
    { name: 'a subdomain of a trusted host', origin: 'http://sub.example.com' },
    { name: 'the opaque origin null', origin: 'null' },
  ];

  it.each(named(cases))('%s', async (_name, { origin }) => {
    const org = await createTestOrg();
    expect(await preflightAcao(org, origin)).toBeNull();
    const res = await authn(org, undefined, undefined, { Origin: origin });
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual({});
  });

  it('an INACTIVE trusted origin', async () => {
    const org = await createTestOrg();
    await admin(org, '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate', { method: 'POST' });
    expect(await preflightAcao(org, CORS_ONLY_ORIGIN)).toBeNull();
    expect(corsHeaders(await authn(org, undefined, undefined, { Origin: CORS_ONLY_ORIGIN }))).toEqual({});
  });

  it('a REDIRECT-only trusted origin', async () => {
    const org = await createTestOrg();
    await createOrigin(org, APP, ['REDIRECT']);
    expect(await preflightAcao(org, APP)).toBeNull();
    expect(corsHeaders(await authn(org, undefined, undefined, { Origin: APP }))).toEqual({});
  });

  it('an IFRAME_EMBED-only trusted origin', async () => {
    const org = await createTestOrg();
    await createOrigin(org, APP, ['IFRAME_EMBED']);
    expect(await preflightAcao(org, APP)).toBeNull();
  });

  it('a deleted trusted origin', async () => {
    const org = await createTestOrg();
    await admin(org, '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', { method: 'DELETE' });
    expect(await preflightAcao(org, CORS_ONLY_ORIGIN)).toBeNull();
    expect(corsHeaders(await authn(org, undefined, undefined, { Origin: CORS_ONLY_ORIGIN }))).toEqual({});
  });
});

describe('actual requests to CORS-enabled endpoints', () => {
  const expected = {
    'access-control-allow-origin': CORS_ONLY_ORIGIN,
    'access-control-allow-credentials': 'true',
    'access-control-allow-headers': 'Content-Type',
    'access-control-expose-headers': EXPOSED_HEADERS,
  };
  const cases = [
    { name: 'POST /api/v1/authn', path: '/api/v1/authn', method: 'POST', status: 200 },
    { name: 'GET /api/v1/users/me', path: '/api/v1/users/me', method: 'GET', status: 200 },
    { name: 'GET /api/v1/sessions/me', path: '/api/v1/sessions/me', method: 'GET', status: 200 },
    { name: 'POST /api/v1/sessions/me/lifecycle/refresh', path: '/api/v1/sessions/me/lifecycle/refresh', method: 'POST', status: 200 },
    { name: 'DELETE /api/v1/sessions/me', path: '/api/v1/sessions/me', method: 'DELETE', status: 204 },
  ];

  it.each(named(cases))('adds ACAO, credentials, allow and expose headers to %s from a trusted origin', async (_name, { path, method, status }) => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const json = path === '/api/v1/authn' ? { username: 'admin@example.com', password: 'okta-mock' } : undefined;
    const res = await browser(org, path, cookie, { method, json, headers: { Origin: CORS_ONLY_ORIGIN } });
    expect(res.status).toBe(status);
    expect(corsHeaders(res)).toEqual(expected);
  });

  it('adds the CORS headers to the 404 E0000007 of /api/v1/sessions/me without a session, so the browser can read it', async () => {
    const org = await createTestOrg();
    const res = await browser(org, '/api/v1/sessions/me', undefined, { headers: { Origin: CORS_ONLY_ORIGIN } });
    expect(res.status).toBe(404);
    expect(res.headers.get(ACAO)).toBe(CORS_ONLY_ORIGIN);
  });

  it('adds the CORS headers to the 401 E0000004 of a failed authn', async () => {
    const org = await createTestOrg();
    const res = await authn(org, 'admin@example.com', 'wrong', { Origin: CORS_ONLY_ORIGIN });
    expect(res.status).toBe(401);
    expect(res.headers.get(ACAO)).toBe(CORS_ONLY_ORIGIN);
  });

  const sswsCases = [
    { name: 'GET /api/v1/users/me', path: '/api/v1/users/me', method: 'GET', json: undefined },
    { name: 'POST /api/v1/authn', path: '/api/v1/authn', method: 'POST', json: { username: 'admin@example.com', password: 'okta-mock' } },
    { name: 'GET /api/v1/sessions/me', path: '/api/v1/sessions/me', method: 'GET', json: undefined },
  ];

  it.each(named(sswsCases))('never adds CORS headers to %s with an SSWS token, even from a trusted origin', async (_name, { path, method, json }) => {
    const org = await createTestOrg();
    const cookie = await signIn(org);
    const res = await org.request(path, { method, json, headers: { Origin: CORS_ONLY_ORIGIN, Cookie: cookie } });
    expect(res.status).toBeLessThan(500);
    expect(corsHeaders(res)).toEqual({});
  });
});

describe('trusted-origins management endpoints are not CORS-enabled', () => {
  const cases = [
    { name: 'GET the list with a token', path: '/api/v1/trustedOrigins', method: 'GET', auth: true, status: 200 },
    { name: 'GET one origin with a token', path: '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', method: 'GET', auth: true, status: 200 },
    { name: 'GET the list without a token (403 E0000005)', path: '/api/v1/trustedOrigins', method: 'GET', auth: false, status: 403 },
    { name: 'POST deactivate without a token (403 E0000005)', path: '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate', method: 'POST', auth: false, status: 403 },
  ];

  it.each(named(cases))('sends no CORS headers to %s from a trusted origin', async (_name, { path, method, auth, status }) => {
    const org = await createTestOrg();
    const res = await org.request(path, { method, auth, headers: { Origin: CORS_ONLY_ORIGIN } });
    expect(res.status).toBe(status);
    expect(corsHeaders(res)).toEqual({});
  });

  it('answers a preflight of the list from a trusted origin without CORS headers', async () => {
    const org = await createTestOrg();
    const res = await preflight(org, '/api/v1/trustedOrigins', CORS_ONLY_ORIGIN, 'POST');
    expect(corsHeaders(res)).toEqual({});
  });
});

describe('trusted-origin changes apply to the very next answer', () => {
  it('create, deactivate, activate and delete each flip the next preflight', async () => {
    const org = await createTestOrg();
    expect(await preflightAcao(org, APP)).toBeNull();

    const id = await createOrigin(org, APP, ['CORS']);
    expect(await preflightAcao(org, APP)).toBe(APP);

    await admin(org, `/api/v1/trustedOrigins/${id}/lifecycle/deactivate`, { method: 'POST' });
    expect(await preflightAcao(org, APP)).toBeNull();

    await admin(org, `/api/v1/trustedOrigins/${id}/lifecycle/activate`, { method: 'POST' });
    expect(await preflightAcao(org, APP)).toBe(APP);

    await admin(org, `/api/v1/trustedOrigins/${id}`, { method: 'DELETE' });
    expect(await preflightAcao(org, APP)).toBeNull();
  });

  it('replace with another origin moves trust from the old origin to the new one at once', async () => {
    const org = await createTestOrg();
    const id = await createOrigin(org, APP, ['CORS']);
    const next = 'http://localhost:3000';
    await admin(org, `/api/v1/trustedOrigins/${id}`, { method: 'PUT', json: { name: 'moved', origin: next, scopes: [{ type: 'CORS' }] } });
    expect(await preflightAcao(org, APP)).toBeNull();
    expect(await preflightAcao(org, next)).toBe(next);
  });

  it('replace with REDIRECT-only scopes ends CORS trust at once, and back to CORS restores it', async () => {
    const org = await createTestOrg();
    const id = await createOrigin(org, APP, ['CORS']);
    await admin(org, `/api/v1/trustedOrigins/${id}`, { method: 'PUT', json: { name: 'n', origin: APP, scopes: [{ type: 'REDIRECT' }] } });
    expect(await preflightAcao(org, APP)).toBeNull();
    await admin(org, `/api/v1/trustedOrigins/${id}`, { method: 'PUT', json: { name: 'n', origin: APP, scopes: [{ type: 'CORS' }] } });
    expect(await preflightAcao(org, APP)).toBe(APP);
  });

  it('changes also apply to actual requests, not only preflights', async () => {
    const org = await createTestOrg();
    const id = await createOrigin(org, APP, ['CORS']);
    expect((await authn(org, undefined, undefined, { Origin: APP })).headers.get(ACAO)).toBe(APP);
    await admin(org, `/api/v1/trustedOrigins/${id}/lifecycle/deactivate`, { method: 'POST' });
    expect((await authn(org, undefined, undefined, { Origin: APP })).headers.get(ACAO)).toBeNull();
  });

  it('matches a stored trailing slash or default port against the browser Origin', async () => {
    const org = await createTestOrg();
    await createOrigin(org, `${APP}/`, ['CORS']);
    await createOrigin(org, 'https://secure.example.com:443', ['CORS']);
    expect(await preflightAcao(org, APP)).toBe(APP);
    expect(await preflightAcao(org, 'https://secure.example.com')).toBe('https://secure.example.com');
  });
});
