import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { OktaApiError } from '../../src/errors.js';
import { collectPage, invalidCursor, paginationLinks, parseLimit } from '../../src/domain/paginate.js';

describe('parseLimit', () => {
  const cases = [
    { name: 'defaults to 20 when no limit is sent', input: undefined, expected: 20 },
    { name: 'defaults to 20 for an empty limit', input: '', expected: 20 },
    { name: 'keeps 1', input: '1', expected: 1 },
    { name: 'keeps 200', input: '200', expected: 200 },
    { name: 'clamps 201 to 200', input: '201', expected: 200 },
    { name: 'clamps a huge limit to 200', input: '99999999999999999999', expected: 200 },
    { name: 'reads leading zeros as decimal', input: '007', expected: 7 },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(parseLimit(input)).toBe(expected);
  });

  const invalid = [
    { name: 'rejects 0 with E0000029 Invalid paging request.', input: '0' },
    { name: 'rejects a negative limit with E0000029', input: '-1' },
    { name: 'rejects a decimal limit with E0000029', input: '1.5' },
    { name: 'rejects a word with E0000029', input: 'ten' },
    { name: 'rejects a limit with spaces with E0000029', input: ' 5' },
    { name: 'rejects an exponent with E0000029', input: '1e2' },
    { name: 'rejects a hex limit with E0000029', input: '0x10' },
  ];

  it.each(named(invalid))('%s', (_name, { input }) => {
    expect(() => parseLimit(input)).toThrow(OktaApiError);
    expect(() => parseLimit(input)).toThrow(expect.objectContaining({ status: 400, errorCode: 'E0000029', errorSummary: 'Invalid paging request.', errorCauses: [] }));
  });
});

describe('invalidCursor', () => {
  it('is E0000029 with the cause Invalid cursor., as Okta answers for apps', () => {
    expect(invalidCursor().toBody('oaeX')).toEqual({
      errorCode: 'E0000029',
      errorSummary: 'Invalid paging request.',
      errorLink: 'E0000029',
      errorId: 'oaeX',
      errorCauses: [{ errorSummary: 'Invalid cursor.' }],
    });
  });
});

describe('collectPage', () => {
  const records = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, even: 'bd'.includes(id) }));
  const all = () => true;
  const cases = [
    { name: 'returns the first page and the last id as cursor while more remain', input: { start: 0, limit: 2, matches: all }, expected: { ids: ['a', 'b'], nextAfter: 'b' } },
    { name: 'continues from start', input: { start: 2, limit: 2, matches: all }, expected: { ids: ['c', 'd'], nextAfter: 'd' } },
    { name: 'has no cursor on the last partial page', input: { start: 3, limit: 5, matches: all }, expected: { ids: ['d', 'e'], nextAfter: undefined } },
    { name: 'has no cursor when the page ends exactly at the last record', input: { start: 3, limit: 2, matches: all }, expected: { ids: ['d', 'e'], nextAfter: undefined } },
    { name: 'has no cursor when everything fits on one page', input: { start: 0, limit: 20, matches: all }, expected: { ids: ['a', 'b', 'c', 'd', 'e'], nextAfter: undefined } },
    { name: 'returns an empty page past the end', input: { start: 5, limit: 2, matches: all }, expected: { ids: [], nextAfter: undefined } },
    { name: 'counts only matching records towards the limit', input: { start: 0, limit: 1, matches: (r: { even: boolean }) => r.even }, expected: { ids: ['b'], nextAfter: 'b' } },
    {
      name: 'has no cursor when no further record matches, even if records remain',
      input: { start: 0, limit: 2, matches: (r: { even: boolean }) => r.even },
      expected: { ids: ['b', 'd'], nextAfter: undefined },
    },
    { name: 'returns an empty page when nothing matches', input: { start: 0, limit: 2, matches: () => false }, expected: { ids: [], nextAfter: undefined } },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const page = collectPage(records, input.start, input.limit, input.matches);
    expect({ ids: page.items.map((r) => r.id), nextAfter: page.nextAfter }).toEqual(expected);
  });
});

describe('paginationLinks', () => {
  const URL_ = 'https://test.okta.com/api/v1/trustedOrigins';
  const cases = [
    {
      name: 'gives only a self link carrying the default limit, as recorded from Okta',
      input: { params: {}, limit: 20, nextAfter: undefined },
      expected: ['<https://test.okta.com/api/v1/trustedOrigins?limit=20>; rel="self"'],
    },
    {
      name: 'adds a next link with after set to the cursor',
      input: { params: {}, limit: 2, nextAfter: 'tos10hzarOl8zfPM80g4' },
      expected: [
        '<https://test.okta.com/api/v1/trustedOrigins?limit=2>; rel="self"',
        '<https://test.okta.com/api/v1/trustedOrigins?after=tos10hzarOl8zfPM80g4&limit=2>; rel="next"',
      ],
    },
    {
      name: 'keeps the request cursor on self and swaps in the new one on next',
      input: { params: { after: 'tosA' }, limit: 2, nextAfter: 'tosB' },
      expected: [
        '<https://test.okta.com/api/v1/trustedOrigins?after=tosA&limit=2>; rel="self"',
        '<https://test.okta.com/api/v1/trustedOrigins?after=tosB&limit=2>; rel="next"',
      ],
    },
    {
      name: 'puts the effective limit on both links, not the one requested',
      input: { params: { limit: '500' }, limit: 200, nextAfter: 'tosB' },
      expected: [
        '<https://test.okta.com/api/v1/trustedOrigins?limit=200>; rel="self"',
        '<https://test.okta.com/api/v1/trustedOrigins?after=tosB&limit=200>; rel="next"',
      ],
    },
    {
      name: 'carries q and filter on both links and leaves out undefined parameters',
      input: { params: { q: 'Ex', filter: undefined }, limit: 1, nextAfter: 'tosB' },
      expected: [
        '<https://test.okta.com/api/v1/trustedOrigins?limit=1&q=Ex>; rel="self"',
        '<https://test.okta.com/api/v1/trustedOrigins?after=tosB&limit=1&q=Ex>; rel="next"',
      ],
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(paginationLinks(URL_, input.params, input.limit, input.nextAfter)).toEqual(expected);
  });

  it('answers each call from its own arguments when the same links are asked for again and then others', () => {
    // Each call is checked against the links computed alone, after a call that may have left others behind.
    const calls: Array<[Record<string, string | undefined>, number, string | undefined]> = [
      [{ after: undefined }, 20, 'tosA'],
      [{ after: undefined }, 20, 'tosA'],
      [{ after: undefined }, 20, 'tosB'],
      [{ after: 'tosB' }, 20, 'tosC'],
      [{ after: 'tosB' }, 20, undefined],
      [{ after: 'tosB', q: 'x' }, 20, undefined],
      [{ after: 'tosB', q: 'y' }, 20, undefined],
      [{ after: 'tosB', q: 'y' }, 21, undefined],
    ];
    for (const [params, limit, nextAfter] of calls) {
      const expected = [`<${URL_}?${params.after ? `after=${params.after}&` : ''}limit=${limit}${params.q ? `&q=${params.q}` : ''}>; rel="self"`];
      if (nextAfter) expected.push(`<${URL_}?after=${nextAfter}&limit=${limit}${params.q ? `&q=${params.q}` : ''}>; rel="next"`);
      expect(paginationLinks(URL_, params, limit, nextAfter)).toEqual(expected);
    }
    expect(paginationLinks('https://other.okta.com/api/v1/trustedOrigins', { after: 'tosB', q: 'y' }, 21, undefined)).toEqual([
      '<https://other.okta.com/api/v1/trustedOrigins?after=tosB&limit=21&q=y>; rel="self"',
    ]);
  });

  it.each([
    ['plain ids and words', { q: 'Example', after: 'tosue7JvguwJ7U6kz0g3' }],
    ['spaces, quotes, ampersands and non-ASCII', { filter: 'name eq "A&B" or type eq "REDIRECT"', q: 'é ~!\'()*-._' }],
    ['an empty value and an unusual key', { q: '', 'odd key': 'x+y=z' }],
  ])('writes the query of %s exactly as URLSearchParams does', (_name, params) => {
    const [self] = paginationLinks(URL_, params, 20, undefined);
    const expected = new URLSearchParams();
    const entries: Record<string, string> = { ...params, limit: '20' };
    for (const key of Object.keys(entries).sort()) expected.set(key, entries[key]!);
    expect(self).toBe(`<${URL_}?${expected.toString()}>; rel="self"`);
  });

  it('encodes a filter so that a client following next gets the same filter back', () => {
    const filter = 'name eq "A&B" or type eq "REDIRECT"';
    const [self, next] = paginationLinks(URL_, { filter }, 2, 'tosB');
    for (const link of [self!, next!]) {
      const m = /^<([^>]+)>; rel="(self|next)"$/.exec(link);
      expect(m).not.toBeNull();
      const url = new URL(m![1]!);
      expect(url.origin + url.pathname).toBe(URL_);
      expect(url.searchParams.get('filter')).toBe(filter);
      expect(url.searchParams.get('limit')).toBe('2');
    }
    expect(new URL(/<([^>]+)>/.exec(next!)![1]!).searchParams.get('after')).toBe('tosB');
  });
});
