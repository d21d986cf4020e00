import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOktaHandlers } from '../../src/msw.js';
import { api, ORG_URL, TOKEN, unhandledPolicy } from './support.js';

/**
 * The journal through the MSW handle, under setupServer: the same entries the
 * CLI server records, read with `org.requests()`. A second org stands for one
 * served to a browser page on http://127.0.0.1:3000 (`pageOrigin`), where the
 * handlers simulate the browser's CORS check.
 */
const { handlers, org } = createOktaHandlers({ orgUrl: ORG_URL });
const PAGE_ORG_URL = 'https://page-org.okta.example';
const PAGE_ORIGIN = 'http://127.0.0.1:3000';
const page = createOktaHandlers({
  orgUrl: PAGE_ORG_URL,
  pageOrigin: PAGE_ORIGIN,
  fixtures: {
    trustedOrigins: [
      {
        id: 'tosLOCALxxxxxxxxxxxx',
        name: 'Local app',
        origin: 'http://localhost:3000',
        scopes: [{ type: 'CORS' }],
        status: 'ACTIVE',
        created: '2026-01-01T00:00:00.000Z',
        createdBy: '00ut5t92p6IEOi4bu0g3',
        lastUpdated: '2026-01-01T00:00:00.000Z',
        lastUpdatedBy: '00ut5t92p6IEOi4bu0g3',
      },
    ],
  },
});
const server = setupServer(...handlers, ...page.handlers);

beforeAll(() => server.listen(unhandledPolicy(() => 'error')));
afterEach(async () => {
  org.clearRequests();
  page.org.clearRequests();
  await org.reset();
});
afterAll(() => server.close());

describe('okta-mock/msw: org.requests()', () => {
  it('lists every request the org answered, oldest first, with the request id each answer carried', async () => {
    const list = await api('/api/v1/trustedOrigins?limit=1');
    const missing = await api('/api/v1/trustedOrigins/tosNOPE');
    const entries = org.requests();
    expect(entries.map((e) => [e.requestId, e.method, e.path, e.query, e.status, e.auth, e.errorCode])).toEqual([
      [list.headers.get('X-Okta-Request-Id'), 'GET', '/api/v1/trustedOrigins', 'limit=1', 200, 'ssws', null],
      [missing.headers.get('X-Okta-Request-Id'), 'GET', '/api/v1/trustedOrigins/tosNOPE', '', 404, 'ssws', 'E0000007'],
    ]);
  });

  it('keeps the newest n with limit, the entries after a request id with since, and empties with clearRequests()', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await api('/api/v1/trustedOrigins')).headers.get('X-Okta-Request-Id')!);
    expect(org.requests({ limit: 2 }).map((e) => e.requestId)).toEqual(ids.slice(2));
    expect(org.requests({ since: ids[0] }).map((e) => e.requestId)).toEqual(ids.slice(1));
    org.clearRequests();
    expect(org.requests()).toEqual([]);
  });

  it('explains a CORS decision for a request that carries an Origin, like the server does', async () => {
    await api('/api/v1/users/me', { headers: { Authorization: '', Origin: 'http://example.com' } });
    expect(org.requests().at(-1)).toMatchObject({
      path: '/api/v1/users/me',
      status: 403,
      errorCode: 'E0000005',
      origin: 'http://example.com',
      auth: 'none',
      decision: { kind: 'cors', allowed: true, trustedOriginId: 'tosue7JvguwJ7U6kz0g3' },
    });
  });
});

describe('okta-mock/msw in a page: the simulated CORS check', () => {
  it('journals the failing preflight the real org would have received, and warns with its reason and hint', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const call = fetch(`${PAGE_ORG_URL}/api/v1/authn`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Okta-User-Agent-Extended': 'okta-auth-js' },
        body: JSON.stringify({ username: 'admin@example.com', password: 'okta-mock' }),
      });
      await expect(call).rejects.toThrow(TypeError);
      const hint = 'http://localhost:3000 is (tosLOCALxxxxxxxxxxxx): browsers treat localhost and 127.0.0.1 as different origins';
      expect(page.org.requests()).toEqual([
        expect.objectContaining({
          method: 'OPTIONS',
          path: '/api/v1/authn',
          status: 200,
          origin: PAGE_ORIGIN,
          decision: {
            kind: 'cors',
            subject: PAGE_ORIGIN,
            allowed: false,
            trustedOriginId: 'tosLOCALxxxxxxxxxxxx',
            reason: 'http://127.0.0.1:3000 is not a trusted origin for CORS',
            hint,
          },
        }),
      ]);
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]![0]).toBe(
        `[okta-mock] POST ${PAGE_ORG_URL}/api/v1/authn blocked as the real org would: http://127.0.0.1:3000 is not a trusted origin for CORS (${hint}). ` +
          'Pass simulateCors: false to createOktaHandlers to turn this off.',
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('warns that an SSWS request never gets CORS headers, whatever the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(fetch(`${PAGE_ORG_URL}/api/v1/users/me`, { headers: { Authorization: `SSWS ${TOKEN}` } })).rejects.toThrow(TypeError);
      expect(warn.mock.calls[0]![0]).toContain('blocked as the real org would: a request with an SSWS API token never gets CORS headers');
      expect(warn.mock.calls[0]![0]).not.toContain(TOKEN);
      expect(page.org.requests().map((e) => [e.method, e.auth])).toEqual([['OPTIONS', 'none']]);
    } finally {
      warn.mockRestore();
    }
  });
});
