import okta from '@okta/okta-sdk-nodejs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOktaHandlers } from '../../src/msw.js';
import { api, createOrigin, listOrigins, ORG_URL, rendezvous, SEEDED_IDS, TOKEN, unhandledPolicy, type TrustedOriginBody } from './support.js';

/**
 * The README's Vitest setup, as a user writes it: one org per test file,
 * `setupServer` over its handlers, one `org.reset()` between tests. This file's
 * org has the bundled fixtures; node-b.test.ts's org starts empty, on the same
 * org URL, and neither sees the other's records (parallel.test.ts runs the two
 * side by side).
 */
const { handlers, org } = createOktaHandlers({ orgUrl: ORG_URL });
const server = setupServer(...handlers);
const unhandled: string[] = [];

beforeAll(() =>
  server.listen(
    unhandledPolicy((request) => {
      unhandled.push(`${request.method} ${request.url}`);
      return 'error';
    }),
  ),
);
afterEach(() => org.reset());
afterAll(() => {
  server.close();
  // Everything this file sent was for the org: nothing reached MSW's unhandled-request policy.
  expect(unhandled).toEqual([]);
});

describe('okta-mock/msw under setupServer (file A: the bundled fixtures)', () => {
  it('answers plain fetch on the org URL with the seeded origins, linked under that URL', async () => {
    const listed = await listOrigins();
    expect(listed.map((o) => o.id)).toEqual(SEEDED_IDS);
    for (const o of listed) expect(o._links.self.href).toBe(`${ORG_URL}/api/v1/trustedOrigins/${o.id}`);
  });

  it('keeps its records to itself while file B works on its own org at the same URL', async () => {
    const mine = await createOrigin('Only in file A', 'https://only-in-file-a.example');
    expect(mine.id).toMatch(/^tos[0-9A-Za-z]{17}$/);
    expect(mine._links.self.href).toBe(`${ORG_URL}/api/v1/trustedOrigins/${mine.id}`);
    await rendezvous('a-created', 'b-created');

    const listed = await listOrigins();
    expect(listed.map((o) => o.id)).toEqual([...SEEDED_IDS, mine.id]);
    expect(listed.map((o) => o.name)).not.toContain('Only in file B');
    expect(await listOrigins('?q=https://only-in-file-b')).toEqual([]);
    expect(org.store.trustedOrigins.all().map((o) => o.name)).not.toContain('Only in file B');

    await rendezvous('a-checked', 'b-checked');
  });

  it('org.reset() restores the seed after creates, updates and deletes', async () => {
    const seed = await listOrigins();
    const created = await createOrigin('Temporary', 'https://temporary.example');
    const [first, second] = seed as [TrustedOriginBody, TrustedOriginBody];
    expect((await api(`/api/v1/trustedOrigins/${first.id}/lifecycle/deactivate`, { method: 'POST' })).status).toBe(200);
    expect((await api(`/api/v1/trustedOrigins/${second.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await listOrigins()).map((o) => o.id)).toEqual([first.id, SEEDED_IDS[2], created.id]);

    await org.reset();

    expect(await listOrigins()).toEqual(seed);
    expect((await api(`/api/v1/trustedOrigins/${created.id}`)).status).toBe(404);
  });

  it('starts each test from the seed (afterEach resets)', async () => {
    expect((await listOrigins()).map((o) => o.id)).toEqual(SEEDED_IDS);
  });

  it('serves @okta/okta-sdk-nodejs (node-fetch over node:http) through setupServer', async () => {
    const client = new okta.Client({ orgUrl: ORG_URL, token: TOKEN, cacheMiddleware: null });
    const created = await client.trustedOriginApi.createTrustedOrigin({
      trustedOrigin: { name: 'From the SDK', origin: 'https://from-the-sdk.example', scopes: [{ type: 'CORS' }] },
    });
    expect(created.id).toMatch(/^tos[0-9A-Za-z]{17}$/);
    expect(created.status).toBe('ACTIVE');
    const ids: string[] = [];
    for await (const o of await client.trustedOriginApi.listTrustedOrigins()) ids.push(o!.id!);
    expect(ids).toEqual([...SEEDED_IDS, created.id]);
    const fetched = await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! });
    expect(fetched.origin).toBe('https://from-the-sdk.example');
  });

  it('simulateCors (on by default) changes nothing in Node: there is no page origin', async () => {
    // An untrusted Origin on a CORS-enabled endpoint: a server-side caller still gets the org's answer.
    const res = await fetch(`${ORG_URL}/api/v1/authn`, {
      method: 'POST',
      headers: { Origin: 'https://untrusted.example', 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: 'admin@example.com', password: 'okta-mock' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(((await res.json()) as { status: string }).status).toBe('SUCCESS');
    // And an SSWS token on a CORS-enabled endpoint, which a page would have blocked.
    const me = await api('/api/v1/users/me', { headers: { Origin: 'https://untrusted.example' } });
    expect(me.status).toBe(200);
  });

  it('simulateCors: true with no pageOrigin in Node behaves like simulateCors: false', async () => {
    const explicit = createOktaHandlers({ orgUrl: 'https://dev-456.okta.example', simulateCors: true, randomSeed: 7 });
    const off = createOktaHandlers({ orgUrl: 'https://dev-789.okta.example', simulateCors: false, randomSeed: 7 });
    server.use(...explicit.handlers, ...off.handlers);
    try {
      const call = (orgUrl: string) =>
        fetch(`${orgUrl}/api/v1/users/me`, { headers: { Authorization: `SSWS ${TOKEN}`, Origin: 'https://untrusted.example' } });
      const [a, b] = await Promise.all([call('https://dev-456.okta.example'), call('https://dev-789.okta.example')]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const [bodyA, bodyB] = [await a.text(), await b.text()];
      expect(bodyA).toContain('"href":"https://dev-456.okta.example/api/v1/users/');
      expect(bodyA.replaceAll('dev-456', 'dev-789')).toBe(bodyB);
    } finally {
      server.resetHandlers();
    }
  });
});
