/**
 * The trusted-origin store spreads records over @msw/data collections of
 * BUCKET_SIZE so updates and deletes never scan the whole org. These tests
 * hold enough records to span several buckets and check that what a client
 * sees is what one ordered list would give: list order, cursors (also of
 * deleted records), updates in place, and deletes that empty a bucket.
 */
import { describe, expect, it } from 'vitest';
import { BUCKET_SIZE } from '../../src/store/trusted-origin-store.js';
import { createTestOrg, type TestOrg } from '../support/org.js';
import { listLookup } from '../unit/lookup.js';

const COLLECTION = '/api/v1/trustedOrigins';
const COUNT = BUCKET_SIZE * 3 + 5;
const SEED_TIME = '2024-01-01T00:00:00.000Z';
const ACTOR = '00ut5t92p6IEOi4bu0g3';

const idOf = (i: number) => `tosbkt${String(i).padStart(14, '0')}`;

async function orgWithMany(): Promise<TestOrg> {
  const org = await createTestOrg({ empty: true });
  for (let i = 0; i < COUNT; i++) {
    await org.store.trustedOrigins.insert({
      id: idOf(i),
      name: `Bucket origin ${i}`,
      origin: `https://b${i}.example.com`,
      scopes: [{ type: 'CORS' }],
      status: 'ACTIVE',
      created: SEED_TIME,
      createdBy: ACTOR,
      lastUpdated: SEED_TIME,
      lastUpdatedBy: ACTOR,
    });
  }
  return org;
}

/** Every id the API lists, following `next` links page by page. */
async function listAll(org: TestOrg, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await org.request(`${COLLECTION}?limit=${limit}${after ? `&after=${after}` : ''}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Array<{ id: string }>;
    ids.push(...page.map((o) => o.id));
    const next = /<[^>]*[?&]after=([^&>]+)[^>]*>; rel="next"/.exec(res.headers.get('Link') ?? '');
    if (!next) return ids;
    after = next[1];
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe(`trusted origins spread over buckets of ${BUCKET_SIZE}`, () => {
  it('lists every record once, in creation order, across bucket boundaries (pages of 7 and of 200)', async () => {
    const org = await orgWithMany();
    const expected = range(0, COUNT).map(idOf);
    expect(await listAll(org, 7)).toEqual(expected);
    expect(await listAll(org, 200)).toEqual(expected);
    expect(org.store.trustedOrigins.all().map((r) => r.id)).toEqual(expected);
  });

  it('keeps an updated record in its place in the list, with its new content', async () => {
    const org = await orgWithMany();
    const target = idOf(BUCKET_SIZE + 1);
    const res = await org.request(`${COLLECTION}/${target}`, {
      method: 'PUT',
      json: { name: 'Renamed', origin: 'https://renamed.example.com', scopes: [{ type: 'REDIRECT' }] },
    });
    expect(res.status).toBe(200);
    const deactivated = await org.request(`${COLLECTION}/${idOf(2 * BUCKET_SIZE)}/lifecycle/deactivate`, { method: 'POST' });
    expect(deactivated.status).toBe(200);
    const page = (await (await org.request(`${COLLECTION}?limit=3&after=${idOf(BUCKET_SIZE)}`)).json()) as Array<{ id: string; name: string }>;
    expect(page.map((o) => [o.id, o.name])).toEqual([
      [target, 'Renamed'],
      [idOf(BUCKET_SIZE + 2), `Bucket origin ${BUCKET_SIZE + 2}`],
      [idOf(BUCKET_SIZE + 3), `Bucket origin ${BUCKET_SIZE + 3}`],
    ]);
    expect(org.store.trustedOrigins.get(idOf(2 * BUCKET_SIZE))?.status).toBe('INACTIVE');
    expect(org.store.trustedOrigins.idWithName(`Bucket origin ${BUCKET_SIZE + 1}`)).toBeUndefined();
    expect(org.store.trustedOrigins.idWithName('Renamed')).toBe(target);
  });

  it('deletes a whole bucket and resumes a cursor naming a deleted record after its place', async () => {
    const org = await orgWithMany();
    const second = range(BUCKET_SIZE, 2 * BUCKET_SIZE);
    for (const i of second) expect((await org.request(`${COLLECTION}/${idOf(i)}`, { method: 'DELETE' })).status).toBe(204);
    const expected = [...range(0, BUCKET_SIZE), ...range(2 * BUCKET_SIZE, COUNT)].map(idOf);
    expect(await listAll(org, 9)).toEqual(expected);
    const resumed = (await (await org.request(`${COLLECTION}?limit=2&after=${idOf(BUCKET_SIZE + 3)}`)).json()) as Array<{ id: string }>;
    expect(resumed.map((o) => o.id)).toEqual([idOf(2 * BUCKET_SIZE), idOf(2 * BUCKET_SIZE + 1)]);
    expect((await org.request(`${COLLECTION}/${idOf(BUCKET_SIZE)}`)).status).toBe(404);
  });

  it('puts records created after deletes at the end of the list', async () => {
    const org = await orgWithMany();
    expect((await org.request(`${COLLECTION}/${idOf(3)}`, { method: 'DELETE' })).status).toBe(204);
    const res = await org.request(COLLECTION, { method: 'POST', json: { name: 'Newest', origin: 'https://newest.example.com', scopes: [{ type: 'CORS' }] } });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const ids = await listAll(org, 200);
    expect(ids).toHaveLength(COUNT);
    expect(ids.at(-1)).toBe(id);
    expect(ids).not.toContain(idOf(3));
  });

  it('answers every list from the store as it is now when the same pages were read before each change', async () => {
    const org = await orgWithMany();
    const names = async () =>
      ((await (await org.request(`${COLLECTION}?limit=200`)).json()) as Array<{ id: string; name: string }>).map((o) => `${o.id} ${o.name}`);
    const expected = range(0, COUNT).map((i) => `${idOf(i)} Bucket origin ${i}`);
    expect(await names()).toEqual(expected);
    const renamed = await org.request(`${COLLECTION}/${idOf(1)}`, { method: 'PUT', json: { name: 'Renamed', origin: 'https://b1.example.com', scopes: [{ type: 'CORS' }] } });
    expect(renamed.status).toBe(200);
    expected[1] = `${idOf(1)} Renamed`;
    expect(await names()).toEqual(expected);
    expect((await org.request(`${COLLECTION}/${idOf(2)}`, { method: 'DELETE' })).status).toBe(204);
    expected.splice(2, 1);
    expect(await names()).toEqual(expected);
    const created = await org.request(COLLECTION, { method: 'POST', json: { name: 'Newest', origin: 'https://newest.example.com', scopes: [{ type: 'CORS' }] } });
    const { id } = (await created.json()) as { id: string };
    expected.push(`${id} Newest`);
    expect(await names()).toEqual(expected);
    expect((await org.request(`${COLLECTION}/${idOf(0)}/lifecycle/deactivate`, { method: 'POST' })).status).toBe(200);
    const statuses = ((await (await org.request(`${COLLECTION}?limit=2`)).json()) as Array<{ status: string }>).map((o) => o.status);
    expect(statuses).toEqual(['INACTIVE', 'ACTIVE']);
  });

  it('answers the same page asked again from the store as it is now after a write past the API and after a reset', async () => {
    const org = await orgWithMany();
    const firstPage = async () => ((await (await org.request(COLLECTION)).json()) as Array<{ id: string }>).map((o) => o.id);
    expect(await firstPage()).toEqual(range(0, 20).map(idOf));
    expect(org.store.trustedOrigins.delete(idOf(0))).toBe(true);
    expect(await firstPage()).toEqual(range(1, 21).map(idOf));
    await org.store.trustedOrigins.update(idOf(1), (draft) => Object.assign(draft, { name: 'Renamed past the API' }));
    const page = (await (await org.request(COLLECTION)).json()) as Array<{ id: string; name: string }>;
    expect(page[0]).toMatchObject({ id: idOf(1), name: 'Renamed past the API' });
    org.store.trustedOrigins.clear();
    expect(await firstPage()).toEqual([]);
  });

  // The origin indexes are built on the first lookup: checked both when they are kept up to date
  // through the writes and when they are first built after them (a Node org used only through the API).
  it.each([
    ['looked up after every write', true],
    ['looked up only once every write has landed', false],
  ])('finds the records of an origin and of a host as a scan of every record would, through adds, renames and deletes (%s)', async (_, lookEachTime) => {
    const org = await createTestOrg({ empty: true });
    const store = org.store.trustedOrigins;
    const record = (i: number, origin: string) => ({
      id: idOf(i), name: `Lookup ${i}`, origin, scopes: [{ type: 'CORS' as const }], status: 'ACTIVE' as const,
      created: SEED_TIME, createdBy: ACTOR, lastUpdated: SEED_TIME, lastUpdatedBy: ACTOR,
    });
    const origins = ['http://localhost:8080', 'http://localhost:3000', 'https://app.example.com'];
    const hosts = ['localhost', 'app.example.com', 'nowhere.example.com'];
    const ids = (records: ReadonlyArray<{ id: string }>) => records.map((r) => r.id).sort();
    const agree = () => {
      const scan = listLookup(store.all());
      for (const origin of [...origins, 'HTTP://LOCALHOST:8080/']) expect(ids(store.withSameOrigin(origin))).toEqual(ids(scan.withSameOrigin(origin)));
      for (const host of hosts) expect(ids(store.withHost(host))).toEqual(ids(scan.withHost(host)));
    };
    const step = () => {
      if (lookEachTime) agree();
    };
    await store.insert(record(1, 'http://localhost:8080'));
    step();
    await store.insert(record(2, 'HTTP://LOCALHOST:8080/'));
    await store.insert(record(3, 'http://localhost:3000'));
    step();
    if (lookEachTime) expect(ids(store.withSameOrigin('http://localhost:8080'))).toEqual([idOf(1), idOf(2)]);
    await store.update(idOf(2), (draft) => Object.assign(draft, { origin: 'https://app.example.com' }));
    step();
    expect(store.delete(idOf(1))).toBe(true);
    step();
    expect(store.delete(idOf(3))).toBe(true);
    agree();
    expect(ids(store.withHost('localhost'))).toEqual([]);
    expect(ids(store.withSameOrigin('https://app.example.com'))).toEqual([idOf(2)]);
    await store.insert(record(4, 'http://LOCALHOST:3000'));
    agree();
    expect(ids(store.withHost('localhost'))).toEqual([idOf(4)]);
  });

  it('finds an origin whose update is still landing when the first lookup comes', async () => {
    const org = await createTestOrg({ empty: true });
    const store = org.store.trustedOrigins;
    await store.insert({
      id: idOf(1), name: 'Moving', origin: 'https://before.example.com', scopes: [{ type: 'CORS' }], status: 'ACTIVE',
      created: SEED_TIME, createdBy: ACTOR, lastUpdated: SEED_TIME, lastUpdatedBy: ACTOR,
    });
    const landing = store.update(idOf(1), (draft) => Object.assign(draft, { origin: 'https://after.example.com' }));
    expect(store.withSameOrigin('https://after.example.com').map((r) => r.id)).toEqual([idOf(1)]);
    await landing;
    expect(store.withSameOrigin('https://after.example.com').map((r) => r.origin)).toEqual(['https://after.example.com']);
    expect(store.withSameOrigin('https://before.example.com')).toEqual([]);
    expect(store.withHost('before.example.com')).toEqual([]);
  });

  it('lists one version of a record after concurrent updates of it, the last one to finish', async () => {
    const org = await orgWithMany();
    const target = idOf(BUCKET_SIZE + 4);
    const bodies = ['A', 'B', 'C'].map((n) => ({ name: `Concurrent ${n}`, origin: `https://concurrent-${n.toLowerCase()}.example.com`, scopes: [{ type: 'CORS' }] }));
    const answers = await Promise.all(bodies.map((json) => org.request(`${COLLECTION}/${target}`, { method: 'PUT', json })));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const ids = await listAll(org, 200);
    expect(ids).toEqual(range(0, COUNT).map(idOf));
    const stored = org.store.trustedOrigins.get(target)!;
    expect(org.store.trustedOrigins.all().filter((r) => r.id === target)).toEqual([stored]);
    expect(bodies.map((b) => b.name)).toContain(stored.name);
  });

  it('keeps a record deleted while an update of it was in flight deleted', async () => {
    const org = await orgWithMany();
    const target = idOf(7);
    const [put, del] = await Promise.all([
      org.request(`${COLLECTION}/${target}`, { method: 'PUT', json: { name: 'Racing', origin: 'https://racing.example.com', scopes: [{ type: 'CORS' }] } }),
      org.request(`${COLLECTION}/${target}`, { method: 'DELETE' }),
    ]);
    expect([put.status, del.status]).toContain(204);
    expect((await org.request(`${COLLECTION}/${target}`)).status).toBe(404);
    expect(await listAll(org, 200)).not.toContain(target);
    expect(org.store.trustedOrigins.all().map((r) => r.id)).not.toContain(target);
  });

  it('keeps its own copy of an inserted record: changing the object given changes nothing stored', async () => {
    const org = await createTestOrg({ empty: true });
    const given = {
      id: idOf(1),
      name: 'Given',
      origin: 'https://given.example.com',
      scopes: [{ type: 'IFRAME_EMBED' as const, allowedOktaApps: ['OKTA_ENDUSER' as const] }],
      status: 'ACTIVE' as const,
      created: SEED_TIME,
      createdBy: ACTOR,
      lastUpdated: SEED_TIME,
      lastUpdatedBy: ACTOR,
    };
    await org.store.trustedOrigins.insert(given);
    given.name = 'Changed';
    given.scopes[0]!.allowedOktaApps.pop();
    given.scopes.push({ type: 'CORS' as never, allowedOktaApps: [] });
    const body = (await (await org.request(`${COLLECTION}/${idOf(1)}`)).json()) as { name: string; scopes: unknown[] };
    expect(body.name).toBe('Given');
    expect(body.scopes).toEqual([{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }]);
  });

  it('answers a cursor that never named a record with E0000029', async () => {
    const org = await orgWithMany();
    const res = await org.request(`${COLLECTION}?after=tosNoSuchCursor00000`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errorCode: string }).errorCode).toBe('E0000029');
  });
});
