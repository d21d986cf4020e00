/** Response headers on every answer, the `//api` path, and determinism for one seed and clock. */
import { describe, expect, it } from 'vitest';
import { REQUEST_ID, steppingClock } from '../support/okta-assertions.js';
import { createTestOrg, FIXED_NOW, ORG_URL, TOKEN, type TestOrg } from '../support/org.js';

const COLLECTION = '/api/v1/trustedOrigins';
const ID = 'tosue7JvguwJ7U6kz0g3';
const VALID = { name: 'New One', origin: 'https://new.example.com', scopes: [{ type: 'CORS' }] };

/** One request of every kind of answer the emulator gives. */
const EVERY_ANSWER: Array<[string, number, (org: TestOrg) => Promise<Response>]> = [
  ['list', 200, (org) => org.request(COLLECTION)],
  ['create', 200, (org) => org.request(COLLECTION, { method: 'POST', json: VALID })],
  ['get', 200, (org) => org.request(`${COLLECTION}/${ID}`)],
  ['replace', 200, (org) => org.request(`${COLLECTION}/${ID}`, { method: 'PUT', json: { ...VALID, name: 'x' } })],
  ['deactivate', 200, (org) => org.request(`${COLLECTION}/${ID}/lifecycle/deactivate`, { method: 'POST' })],
  ['activate', 200, (org) => org.request(`${COLLECTION}/${ID}/lifecycle/activate`, { method: 'POST' })],
  ['delete', 204, (org) => org.request(`${COLLECTION}/${ID}`, { method: 'DELETE' })],
  ['validation error', 400, (org) => org.request(COLLECTION, { method: 'POST', json: {} })],
  ['media type error', 400, (org) => org.request(COLLECTION, { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } })],
  ['bad token', 401, (org) => org.request(COLLECTION, { headers: { Authorization: 'SSWS nope' } })],
  ['no session', 403, (org) => org.request(COLLECTION, { auth: false })],
  ['unknown id', 404, (org) => org.request(`${COLLECTION}/tosUnknown0000000000`)],
  ['unknown path', 404, (org) => org.request('/api/v1/unknown')],
  ['wrong method', 405, (org) => org.request(`${COLLECTION}/${ID}`, { method: 'PATCH' })],
];

describe('headers on every response', () => {
  it.each(EVERY_ANSWER)('stamps the %s answer (%i) with X-Okta-Request-Id, X-Rate-Limit-*, Date and the right Content-Type', async (_label, status, send) => {
    const org = await createTestOrg();
    const res = await send(org);
    expect(res.status).toBe(status);
    expect(res.headers.get('X-Okta-Request-Id')).toMatch(REQUEST_ID);
    expect(res.headers.get('X-Rate-Limit-Limit')).toMatch(/^[1-9]\d*$/);
    expect(res.headers.get('X-Rate-Limit-Remaining')).toMatch(/^\d+$/);
    expect(Number(res.headers.get('X-Rate-Limit-Reset'))).toBeGreaterThan(Math.floor(FIXED_NOW.getTime() / 1000));
    expect(res.headers.get('Date')).toBe(FIXED_NOW.toUTCString());
    if (status === 204) {
      // A 204 carries no Content-Type and no body (okta-facts.md §2 DELETE, §5.1).
      expect(res.headers.get('Content-Type')).toBeNull();
      expect(await res.text()).toBe('');
    } else {
      const text = await res.text();
      expect(res.headers.get('Content-Type')).toMatch(/^application\/json(;|$)/);
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('counts X-Rate-Limit-Remaining down by one per request of the trustedOrigins family, errors included, within one window', async () => {
    const org = await createTestOrg();
    const seen: number[] = [];
    // The unknown path is /api/v1's catch-all family, counted apart (see rate-limit.test.ts in test/app).
    for (const [, , send] of EVERY_ANSWER.filter(([label]) => label !== 'unknown path')) {
      const res = await send(org);
      seen.push(Number(res.headers.get('X-Rate-Limit-Remaining')));
      expect(res.headers.get('X-Rate-Limit-Limit')).toBe('600');
    }
    expect(seen).toEqual(seen.map((_, i) => seen[0]! - i));
    expect(seen[0]).toBe(599);
  });

  it('gives X-Rate-Limit-Reset in epoch seconds, at most a minute ahead, and opens a new window after it', async () => {
    const clock = steppingClock('2026-01-02T03:04:05.678Z');
    const org = await createTestOrg({ now: clock.now });
    const first = await org.request(COLLECTION);
    const reset = Number(first.headers.get('X-Rate-Limit-Reset'));
    const nowSeconds = Math.floor(clock.now().getTime() / 1000);
    expect(reset).toBeGreaterThan(nowSeconds);
    expect(reset).toBeLessThanOrEqual(nowSeconds + 60);
    clock.advance(30);
    const second = await org.request(COLLECTION);
    expect(Number(second.headers.get('X-Rate-Limit-Reset'))).toBe(reset);
    expect(Number(second.headers.get('X-Rate-Limit-Remaining'))).toBe(Number(first.headers.get('X-Rate-Limit-Remaining')) - 1);
    expect(second.headers.get('Date')).toBe(clock.now().toUTCString());
    clock.advance(31);
    const third = await org.request(COLLECTION);
    expect(Number(third.headers.get('X-Rate-Limit-Reset'))).toBeGreaterThan(reset);
    expect(third.headers.get('X-Rate-Limit-Remaining')).toBe(first.headers.get('X-Rate-Limit-Remaining'));
  });

  it('gives every request its own X-Okta-Request-Id', async () => {
    const org = await createTestOrg();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add((await org.request(COLLECTION)).headers.get('X-Okta-Request-Id')!);
    expect(ids.size).toBe(50);
  });
});

describe('double slash', () => {
  it('serves //api/v1/trustedOrigins like /api/v1/trustedOrigins (the Node SDK with a trailing-slash orgUrl)', async () => {
    const org = await createTestOrg();
    const single = await (await org.request(COLLECTION)).json();
    const double = await org.request(`/${COLLECTION}`);
    expect(double.status).toBe(200);
    expect(await double.json()).toEqual(single);

    const created = await org.request(`/${COLLECTION}`, { method: 'POST', json: VALID });
    expect(created.status).toBe(200);
    const { id, _links } = (await created.json()) as { id: string; _links: { self: { href: string } } };
    expect(_links.self.href).toBe(`${ORG_URL}${COLLECTION}/${id}`);
    expect((await org.request(`/${COLLECTION}//${id}`)).status).toBe(200);
    expect((await org.request(`//api//v1/trustedOrigins/${id}/lifecycle//deactivate`, { method: 'POST' })).status).toBe(200);
    expect((await org.request(`/${COLLECTION}/${id}`, { method: 'PATCH' })).status).toBe(405);
    expect((await org.request(`/${COLLECTION}/${id}`, { method: 'DELETE' })).status).toBe(204);
  });
});

describe('determinism', () => {
  /** A fixed sequence touching every operation and several errors. */
  async function transcript(org: TestOrg): Promise<string[]> {
    const out: string[] = [];
    const record = async (res: Response): Promise<string> => {
      const text = await res.text();
      out.push(`${res.status} ${JSON.stringify([...res.headers])}\n${text}`);
      return text;
    };
    const made = JSON.parse(await record(await org.request(COLLECTION, { method: 'POST', json: VALID }))) as { id: string };
    await record(await org.request(`${COLLECTION}?limit=2`));
    await record(await org.request(`${COLLECTION}/${made.id}`));
    await record(await org.request(`${COLLECTION}/${made.id}`, { method: 'PUT', json: { ...VALID, name: 'Changed' } }));
    await record(await org.request(`${COLLECTION}/${made.id}/lifecycle/deactivate`, { method: 'POST' }));
    await record(await org.request(`${COLLECTION}/${made.id}/lifecycle/activate`, { method: 'POST' }));
    await record(await org.request(COLLECTION, { method: 'POST', json: {} }));
    await record(await org.request(`${COLLECTION}/nope`));
    await record(await org.request(COLLECTION, { headers: { Authorization: 'SSWS bad' } }));
    await record(await org.request(COLLECTION, { method: 'DELETE' }));
    await record(await org.request(`${COLLECTION}/${made.id}`, { method: 'DELETE' }));
    await record(await org.request(COLLECTION, { method: 'POST', json: { ...VALID, name: 'Second' } }));
    return out;
  }

  it('answers the same request sequence with byte-identical bodies and headers for two orgs with the same seed and clock', async () => {
    const a = await transcript(await createTestOrg({ randomSeed: 7 }));
    const b = await transcript(await createTestOrg({ randomSeed: 7 }));
    expect(a).toHaveLength(12);
    expect(b).toEqual(a);
  });

  it('answers with other ids for another seed', async () => {
    const a = await transcript(await createTestOrg({ randomSeed: 7 }));
    const b = await transcript(await createTestOrg({ randomSeed: 8 }));
    expect(b[0]).not.toEqual(a[0]);
  });
});

describe('request headers the emulator tolerates', () => {
  it('answers the Node SDK header set (accept with q-values, user-agent, accept-encoding) normally', async () => {
    const org = await createTestOrg();
    const res = await org.app.fetch(
      new Request(`${ORG_URL}${COLLECTION}/${ID}`, {
        headers: {
          authorization: `SSWS ${TOKEN}`,
          accept: 'application/json, */*;q=0.8',
          'user-agent': '@okta/okta-sdk-nodejs/8.1.0 node/20.19.0 linux/6.0',
          'accept-encoding': 'gzip,deflate',
        },
      }),
    );
    expect(res.status).toBe(200);
  });
});
