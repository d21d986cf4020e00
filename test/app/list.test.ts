/** GET /api/v1/trustedOrigins: limit, cursor pagination with Link headers, q and filter. */
import { describe, expect, it } from 'vitest';
import { expectOktaError, linkRelations } from '../support/okta-assertions.js';
import { createTestOrg, ORG_URL, type TestOrg } from '../support/org.js';

type Item = { id: string; name: string; origin: string; status: string; scopes: Array<{ type: string }> };

const SEEDED = ['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4'];
const COLLECTION = '/api/v1/trustedOrigins';

/** An org holding `count` origins created through the API, in creation order. */
async function orgWith(count: number): Promise<{ org: TestOrg; ids: string[] }> {
  const org = await createTestOrg({ empty: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(3, '0');
    const res = await org.request(COLLECTION, {
      method: 'POST',
      json: { name: `Origin ${n}`, origin: `https://o${n}.example.com`, scopes: [{ type: i % 2 ? 'CORS' : 'REDIRECT' }] },
    });
    expect(res.status).toBe(200);
    ids.push(((await res.json()) as Item).id);
  }
  return { org, ids };
}

async function list(org: TestOrg, query: string): Promise<{ res: Response; items: Item[] }> {
  const res = await org.request(`${COLLECTION}${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, items: (await res.json()) as Item[] };
}

const ids = (items: Item[]) => items.map((i) => i.id);

describe('limit', () => {
  it('returns 20 items and a self link carrying limit=20 when no limit is given', async () => {
    const { org, ids: all } = await orgWith(45);
    const { res, items } = await list(org, '');
    expect(ids(items)).toEqual(all.slice(0, 20));
    expect(linkRelations(res)).toEqual([
      { rel: 'self', url: `${ORG_URL}${COLLECTION}?limit=20` },
      { rel: 'next', url: `${ORG_URL}${COLLECTION}?after=${all[19]}&limit=20` },
    ]);
  });

  it('clamps a limit above 200 to 200', async () => {
    const { org, ids: all } = await orgWith(205);
    const { res, items } = await list(org, '?limit=1000');
    expect(items).toHaveLength(200);
    expect(ids(items)).toEqual(all.slice(0, 200));
    const links = linkRelations(res);
    expect(links[0]).toEqual({ rel: 'self', url: `${ORG_URL}${COLLECTION}?limit=200` });
    expect(links[1]).toEqual({ rel: 'next', url: `${ORG_URL}${COLLECTION}?after=${all[199]}&limit=200` });
    expect((await list(org, '?limit=200')).items).toHaveLength(200);
  });

  it.each(['0', '-1', 'abc', '1.5'])('returns 400 E0000029 for limit=%s', async (limit) => {
    const org = await createTestOrg();
    await expectOktaError(await org.request(`${COLLECTION}?limit=${limit}`), 400, 'E0000029', {
      summary: 'Invalid paging request.',
    });
  });
});

describe('cursor pagination', () => {
  it('walks 45 origins by following absolute next links, one self and one next Link value per page, until no next remains', async () => {
    const { org, ids: all } = await orgWith(45);
    let url: string | undefined = `${ORG_URL}${COLLECTION}?limit=10`;
    const seen: string[] = [];
    const pageSizes: number[] = [];
    while (url !== undefined) {
      expect(url.startsWith(`${ORG_URL}${COLLECTION}?`)).toBe(true);
      const { res, items } = await list(org, url.slice(ORG_URL.length + COLLECTION.length));
      const links = linkRelations(res);
      expect(links.filter((l) => l.rel === 'self')).toEqual([{ rel: 'self', url }]);
      const next = links.filter((l) => l.rel === 'next');
      expect(links).toHaveLength(1 + next.length);
      expect(next.length).toBeLessThanOrEqual(1);
      seen.push(...ids(items));
      pageSizes.push(items.length);
      url = next[0]?.url;
      if (url !== undefined) expect(new URL(url).searchParams.get('after')).toBe(items.at(-1)!.id);
    }
    expect(pageSizes).toEqual([10, 10, 10, 10, 5]);
    expect(seen).toEqual(all);
  });

  it('gives no next link when the last page is exactly full', async () => {
    const { org, ids: all } = await orgWith(45);
    const first = await list(org, '?limit=15');
    const second = await list(org, `?limit=15&after=${all[14]}`);
    const third = await list(org, `?limit=15&after=${all[29]}`);
    expect(ids(third.items)).toEqual(all.slice(30));
    expect(linkRelations(first.res).map((l) => l.rel)).toEqual(['self', 'next']);
    expect(linkRelations(second.res).map((l) => l.rel)).toEqual(['self', 'next']);
    expect(linkRelations(third.res).map((l) => l.rel)).toEqual(['self']);
  });

  it('resumes after a cursor whose origin has since been deleted', async () => {
    const { org, ids: all } = await orgWith(10);
    expect((await org.request(`${COLLECTION}/${all[4]}`, { method: 'DELETE' })).status).toBe(204);
    expect(ids((await list(org, `?after=${all[4]}`)).items)).toEqual(all.slice(5));
  });

  it.each(['nope', 'tos0000000000000000', '%20'])('returns 400 E0000029 with cause "Invalid cursor." for after=%s', async (after) => {
    const org = await createTestOrg();
    await expectOktaError(await org.request(`${COLLECTION}?after=${after}`), 400, 'E0000029', {
      summary: 'Invalid paging request.',
      causes: ['Invalid cursor.'],
    });
  });

  it('keeps filter and q in the next link of a filtered walk', async () => {
    const { org, ids: all } = await orgWith(10);
    const { res, items } = await list(org, '?filter=type+eq+%22REDIRECT%22&q=Origin&limit=2');
    expect(ids(items)).toEqual([all[0], all[2]]);
    const next = linkRelations(res).find((l) => l.rel === 'next')!;
    const params = new URL(next.url).searchParams;
    expect([params.get('filter'), params.get('q'), params.get('limit'), params.get('after')]).toEqual([
      'type eq "REDIRECT"', 'Origin', '2', all[2],
    ]);
    const page2 = await list(org, next.url.slice(ORG_URL.length + COLLECTION.length));
    expect(ids(page2.items)).toEqual([all[4], all[6]]);
  });
});

describe('q', () => {
  it.each([
    ['Another', ['tos10hzarOl8zfPM80g4']],
    ['https://rf', ['tos10hzarOl8zfPM80g4']],
    ['http://', ['tosue7JvguwJ7U6kz0g3', 'tos10i0nu9m7pAlJQ0g4']],
    ['Y', ['tos10i0nu9m7pAlJQ0g4']],
    ['Trusted', []],
    ['example.com', []],
    ['', SEEDED],
  ])('matches q=%j as a prefix of name or origin', async (q, expected) => {
    const org = await createTestOrg();
    expect(ids((await list(org, `?q=${encodeURIComponent(q)}`)).items)).toEqual(expected);
  });
});

describe('filter', () => {
  it.each([
    ['name eq "Another Trusted Origin"', ['tos10hzarOl8zfPM80g4']],
    ['name eq "Another"', []],
    ['name sw "Another"', ['tos10hzarOl8zfPM80g4']],
    ['origin eq "http://example.com"', ['tosue7JvguwJ7U6kz0g3']],
    ['origin sw "http://"', ['tosue7JvguwJ7U6kz0g3', 'tos10i0nu9m7pAlJQ0g4']],
    ['status eq "ACTIVE"', SEEDED],
    ['status eq "INACTIVE"', []],
    ['type eq "REDIRECT"', ['tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4']],
    ['type eq "CORS"', SEEDED],
    ['name sw "Yet" or name sw "Example"', ['tosue7JvguwJ7U6kz0g3', 'tos10i0nu9m7pAlJQ0g4']],
    ['type eq "REDIRECT" and origin sw "https"', ['tos10hzarOl8zfPM80g4']],
    ['(name sw "Yet" or name sw "Another") and origin sw "http://"', ['tos10i0nu9m7pAlJQ0g4']],
    ['name sw "Yet" or name sw "Another" and origin sw "http://"', ['tos10i0nu9m7pAlJQ0g4']],
    ['name sw "Another" or (name sw "Yet" and origin sw "http://")', ['tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4']],
    ['name EQ "Example Trusted Origin"', ['tosue7JvguwJ7U6kz0g3']],
  ])('matches filter=%s in list order', async (filter, expected) => {
    const org = await createTestOrg();
    expect(ids((await list(org, `?filter=${encodeURIComponent(filter)}`)).items)).toEqual(expected);
  });

  it('finds a deactivated origin with status eq "INACTIVE"', async () => {
    const org = await createTestOrg();
    await org.request(`${COLLECTION}/tos10i0nu9m7pAlJQ0g4/lifecycle/deactivate`, { method: 'POST' });
    expect(ids((await list(org, `?filter=${encodeURIComponent('status eq "INACTIVE"')}`)).items)).toEqual([
      'tos10i0nu9m7pAlJQ0g4',
    ]);
  });

  it.each([
    'name co "Trusted"',
    'lastUpdated gt "2018-01-01T00:00:00.000Z"',
    'Name eq "Example Trusted Origin"',
    'name eq "unterminated',
    'name eq',
    '(name eq "x"',
    'name eq "x")',
    'name eq "x" or',
    'not name eq "x"',
    'name pr',
    'garbage',
  ])('returns 400 E0000031 for the unsupported filter %j', async (filter) => {
    const org = await createTestOrg();
    await expectOktaError(await org.request(`${COLLECTION}?filter=${encodeURIComponent(filter)}`), 400, 'E0000031', {
      summary: 'Invalid search criteria.',
    });
  });
});

describe('order', () => {
  it('lists in creation order, the same on every call, and keeps an updated origin in its place', async () => {
    const org = await createTestOrg();
    await org.request(COLLECTION, {
      method: 'POST',
      json: { name: 'AAA first by name', origin: 'https://aaa.example.com', scopes: [{ type: 'CORS' }] },
    });
    const first = ids((await list(org, '')).items);
    expect(first.slice(0, 3)).toEqual(SEEDED);
    expect(first).toHaveLength(4);
    expect(ids((await list(org, '')).items)).toEqual(first);
    await org.request(`${COLLECTION}/tosue7JvguwJ7U6kz0g3`, {
      method: 'PUT',
      json: { name: 'ZZZ renamed', origin: 'http://zzz.example.com', scopes: [{ type: 'CORS' }] },
    });
    await org.request(`${COLLECTION}/tos10hzarOl8zfPM80g4/lifecycle/deactivate`, { method: 'POST' });
    expect(ids((await list(org, '')).items)).toEqual(first);
  });

  it('returns an empty array with only a self link for an org without origins', async () => {
    const org = await createTestOrg({ empty: true });
    const { res, items } = await list(org, '');
    expect(items).toEqual([]);
    expect(linkRelations(res).map((l) => l.rel)).toEqual(['self']);
  });
});
