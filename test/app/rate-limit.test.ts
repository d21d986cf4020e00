/** `rateLimit` (`--rate-limit`) through app.fetch: Okta's 429 E0000047, its headers, the window per family and its roll-over. */
import { describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../src/org.js';
import { checkAgainstContract } from '../contract/support/schema.js';
import { expectOktaError, steppingClock } from '../support/okta-assertions.js';
import { ORG_URL, TOKEN } from '../support/org.js';

const COLLECTION = '/api/v1/trustedOrigins';
const TRUSTED_FOR_CORS = 'http://example.com'; // the seed's first origin, ACTIVE with CORS

async function limitedOrg(rateLimit: number | undefined, clock = steppingClock('2026-01-02T03:04:05.000Z')) {
  const org = createOrg({ now: clock.now, randomSeed: 3, rateLimit });
  await org.ready;
  return { org, clock };
}

function send(org: Org, path: string, init: { method?: string; headers?: Record<string, string>; token?: string | null } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== null) headers.Authorization = `SSWS ${init.token ?? TOKEN}`;
  return org.app.fetch(new Request(ORG_URL + path, { method: init.method ?? 'GET', headers }));
}

const limitHeaders = (res: Response) => ({
  limit: res.headers.get('X-Rate-Limit-Limit'),
  remaining: res.headers.get('X-Rate-Limit-Remaining'),
  reset: res.headers.get('X-Rate-Limit-Reset'),
});

describe('rate limits enforced with rateLimit', () => {
  it('answers the request past the limit with 429 E0000047, Okta\'s body, Remaining 0 and Reset at the window\'s end', async () => {
    const { org, clock } = await limitedOrg(2);
    const windowEnd = String(Math.floor(clock.now().getTime() / 1000) + 60);
    expect((await send(org, COLLECTION)).status).toBe(200);
    const last = await send(org, COLLECTION);
    expect(last.status).toBe(200);
    expect(limitHeaders(last)).toEqual({ limit: '2', remaining: '0', reset: windowEnd });

    const refused = await send(org, COLLECTION);
    expect(limitHeaders(refused)).toEqual({ limit: '2', remaining: '0', reset: windowEnd });
    expect(refused.headers.get('X-Okta-Request-Id')).toMatch(/^[0-9a-f]{32}$/);
    expect(refused.headers.get('Date')).toBe(clock.now().toUTCString());
    const body = await expectOktaError(refused.clone(), 429, 'E0000047', {
      summary: 'API call exceeded rate limit due to too many requests.',
      causes: [],
    });
    expect(body.errorLink).toBe('E0000047');
    expect(checkAgainstContract({ method: 'GET', path: COLLECTION, status: 429, headers: refused.headers, text: await refused.text() })).toEqual([]);
  });

  it('journals the refused request with status 429 and errorCode E0000047', async () => {
    const { org } = await limitedOrg(1);
    await send(org, COLLECTION);
    const refused = await send(org, COLLECTION);
    const entry = org.journal.entries().at(-1)!;
    expect(entry).toMatchObject({ path: COLLECTION, status: 429, errorCode: 'E0000047', requestId: refused.headers.get('X-Okta-Request-Id') });
    expect(entry).not.toHaveProperty('fault');
  });

  it('refuses until the window rolls over, then serves again in a fresh window; the 429s never push the reset back', async () => {
    const { org, clock } = await limitedOrg(1);
    const first = await send(org, COLLECTION);
    const reset = first.headers.get('X-Rate-Limit-Reset');
    for (const seconds of [1, 30, 28]) {
      clock.advance(seconds);
      const refused = await send(org, COLLECTION);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('X-Rate-Limit-Reset')).toBe(reset);
    }
    clock.advance(1); // 60 s after the first request: the window it opened has ended
    const again = await send(org, COLLECTION);
    expect(again.status).toBe(200);
    expect(limitHeaders(again)).toEqual({ limit: '1', remaining: '0', reset: String(Number(reset) + 60) });
  });

  it('refuses before authentication: a request without a token past the limit gets 429, not 403', async () => {
    const { org } = await limitedOrg(1);
    await send(org, COLLECTION);
    await expectOktaError(await send(org, COLLECTION, { token: null }), 429, 'E0000047');
  });

  it('counts each endpoint family apart: the trustedOrigins family used up leaves /api/v1/users/me and /api/v1/authn served', async () => {
    const { org } = await limitedOrg(1);
    await send(org, COLLECTION);
    expect((await send(org, `${COLLECTION}/tosue7JvguwJ7U6kz0g3`)).status).toBe(429);
    const me = await send(org, '/api/v1/users/me', { token: null });
    expect(me.status).not.toBe(429);
    expect(limitHeaders(me)).toMatchObject({ limit: '1', remaining: '0' });
    const authn = await send(org, '/api/v1/authn', { method: 'POST', token: null, headers: { 'Content-Type': 'application/json' } });
    expect(authn.status).not.toBe(429);
  });

  it('gives the 429 of a CORS-enabled endpoint the CORS headers, so a page on a trusted origin can read it', async () => {
    const { org } = await limitedOrg(1);
    const fromPage = { token: null, headers: { Origin: TRUSTED_FOR_CORS } } as const;
    await send(org, '/api/v1/users/me', fromPage);
    const refused = await send(org, '/api/v1/users/me', fromPage);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(TRUSTED_FOR_CORS);
    expect(refused.headers.get('Access-Control-Allow-Credentials')).toBe('true');
  });

  it('counts a preflight to a CORS-enabled endpoint but answers it as usual past the limit; the call itself gets the 429', async () => {
    const path = '/api/v1/users/me';
    const { org } = await limitedOrg(1);
    const preflight = () =>
      send(org, path, { method: 'OPTIONS', token: null, headers: { Origin: TRUSTED_FOR_CORS, 'Access-Control-Request-Method': 'GET' } });
    const first = await preflight();
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Rate-Limit-Remaining')).toBe('0');
    const second = await preflight();
    expect(second.status).toBe(200);
    expect(second.headers.get('X-Rate-Limit-Remaining')).toBe('0');
    expect((await send(org, path, { headers: { Origin: TRUSTED_FOR_CORS } })).status).toBe(429);
  });

  it('never refuses the control API, so an operator can always look and reset', async () => {
    const { org } = await limitedOrg(1);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(org, '/__okta-mock/requests')).status);
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('never refuses the Admin Console under /admin', async () => {
    const { org } = await limitedOrg(1);
    const statuses = new Set<number>();
    for (let i = 0; i < 3; i++) statuses.add((await send(org, '/admin/access/api/trusted_origins', { token: null })).status);
    expect([...statuses]).not.toContain(429);
  });

  it('opens every window afresh on reset()', async () => {
    const { org } = await limitedOrg(1);
    await send(org, COLLECTION);
    expect((await send(org, COLLECTION)).status).toBe(429);
    expect((await send(org, '/__okta-mock/reset', { method: 'POST' })).status).toBe(204);
    expect((await send(org, COLLECTION)).status).toBe(200);
  });

  it('reports 600 a minute and refuses nothing without rateLimit, even past 600', async () => {
    const { org } = await limitedOrg(undefined);
    const statuses = new Set<number>();
    let last: Response | undefined;
    for (let i = 0; i < 601; i++) {
      last = await send(org, '/api/v1/users/me', { token: null });
      statuses.add(last.status);
    }
    expect([...statuses]).not.toContain(429);
    expect(limitHeaders(last!)).toMatchObject({ limit: '600', remaining: '0' });
  });

  it.each([0, -2, 1.5])('refuses %s as a rateLimit with a RangeError', (rateLimit) => {
    expect(() => createOrg({ rateLimit })).toThrow(RangeError);
  });
});
