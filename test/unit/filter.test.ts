import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { OktaApiError } from '../../src/errors.js';
import { MAX_FILTER_DEPTH, MAX_FILTER_TERMS, matchesFilter, matchesQuery, parseFilter } from '../../src/domain/filter.js';
import type { TrustedOriginRecord } from '../../src/domain/trusted-origin.js';

const record = (id: string, name: string, origin: string, types: Array<'CORS' | 'REDIRECT' | 'IFRAME_EMBED'>, status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE'): TrustedOriginRecord => ({
  id,
  name,
  origin,
  scopes: types.map((type) => ({ type })),
  status,
  created: '2018-01-13T01:22:10.000Z',
  createdBy: '00ut5t92p6IEOi4bu0g3',
  lastUpdated: '2018-01-13T01:22:10.000Z',
  lastUpdatedBy: '00ut5t92p6IEOi4bu0g3',
});

const RECORDS = [
  record('tosue7JvguwJ7U6kz0g3', 'Example Trusted Origin', 'http://example.com', ['CORS']),
  record('tos10hzarOl8zfPM80g4', 'Another Trusted Origin', 'https://rf.example.com', ['CORS', 'REDIRECT']),
  record('tos10i0nu9m7pAlJQ0g4', 'Yet Another Trusted Origin', 'http://yato.example.com', ['REDIRECT'], 'INACTIVE'),
  record('tos10i0nu9m7pAlJQ0g5', 'Embed', 'https://embed.example.com', ['IFRAME_EMBED']),
];
const matching = (filter: string) => RECORDS.filter((r) => matchesFilter(parseFilter(filter), r)).map((r) => r.name);

describe('parseFilter and matchesFilter select origins', () => {
  const cases = [
    { name: 'matches name eq exactly', input: 'name eq "Another Trusted Origin"', expected: ['Another Trusted Origin'] },
    { name: 'treats eq values as case-sensitive', input: 'name eq "another trusted origin"', expected: [] },
    { name: 'does not treat eq as a prefix match', input: 'name eq "Another"', expected: [] },
    { name: 'matches name sw as a prefix', input: 'name sw "Y"', expected: ['Yet Another Trusted Origin'] },
    { name: 'matches origin sw on the scheme', input: 'origin sw "https://"', expected: ['Another Trusted Origin', 'Embed'] },
    { name: 'matches status eq "INACTIVE"', input: 'status eq "INACTIVE"', expected: ['Yet Another Trusted Origin'] },
    { name: 'matches id eq', input: 'id eq "tos10hzarOl8zfPM80g4"', expected: ['Another Trusted Origin'] },
    { name: 'matches type eq "REDIRECT" when any scope is REDIRECT', input: 'type eq "REDIRECT"', expected: ['Another Trusted Origin', 'Yet Another Trusted Origin'] },
    { name: 'matches type eq "IFRAME_EMBED"', input: 'type eq "IFRAME_EMBED"', expected: ['Embed'] },
    { name: 'accepts operators in any case', input: 'name EQ "Embed" Or name Sw "Ex"', expected: ['Example Trusted Origin', 'Embed'] },
    { name: 'combines with and', input: 'type eq "CORS" and type eq "REDIRECT"', expected: ['Another Trusted Origin'] },
    {
      name: 'combines with or, as in the Okta reference example',
      input: '(name eq "Example Trusted Origin" or name eq "Another Trusted Origin")',
      expected: ['Example Trusted Origin', 'Another Trusted Origin'],
    },
    {
      name: 'binds and tighter than or',
      input: 'name eq "Embed" or type eq "CORS" and status eq "INACTIVE"',
      expected: ['Embed'],
    },
    {
      name: 'binds and tighter than or when and comes first',
      input: 'type eq "CORS" and status eq "INACTIVE" or name eq "Embed"',
      expected: ['Embed'],
    },
    {
      name: 'lets parentheses override precedence',
      input: '(name eq "Embed" or type eq "REDIRECT") and status eq "ACTIVE"',
      expected: ['Another Trusted Origin', 'Embed'],
    },
    { name: 'accepts nested parentheses', input: '((name eq "Embed"))', expected: ['Embed'] },
    { name: 'ignores extra whitespace between tokens', input: '  name   eq\t"Embed"  ', expected: ['Embed'] },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(matching(input)).toEqual(expected);
  });

  it('parses an escaped quote into the value', () => {
    expect(parseFilter('name eq "Say \\"hi\\""')).toEqual({ kind: 'compare', attribute: 'name', operator: 'eq', value: 'Say "hi"' });
  });

  it('keeps parentheses and connectives inside a quoted value as text', () => {
    expect(parseFilter('name eq "a) or (b"')).toEqual({ kind: 'compare', attribute: 'name', operator: 'eq', value: 'a) or (b' });
  });

  it('parses a or b and c as a or (b and c)', () => {
    expect(parseFilter('id eq "a" or id eq "b" and id eq "c"')).toEqual({
      kind: 'or',
      left: { kind: 'compare', attribute: 'id', operator: 'eq', value: 'a' },
      right: {
        kind: 'and',
        left: { kind: 'compare', attribute: 'id', operator: 'eq', value: 'b' },
        right: { kind: 'compare', attribute: 'id', operator: 'eq', value: 'c' },
      },
    });
  });
});

describe('parseFilter refuses what it does not support with E0000031', () => {
  const cases = [
    { name: 'rejects an unsupported attribute with E0000031 Invalid search criteria.', input: 'created eq "2018-01-13T01:22:10.000Z"' },
    { name: 'rejects an attribute in the wrong case with E0000031', input: 'Name eq "Embed"' },
    { name: 'rejects the co operator with E0000031', input: 'name co "Trusted"' },
    { name: 'rejects the gt operator with E0000031', input: 'name gt "A"' },
    { name: 'rejects the pr operator with E0000031', input: 'name pr' },
    { name: 'rejects an unquoted value with E0000031', input: 'name eq Embed' },
    { name: 'rejects an unterminated string with E0000031', input: 'name eq "Embed' },
    { name: 'rejects an unterminated string ending in a backslash with E0000031', input: 'name eq "Embed\\' },
    { name: 'rejects a trailing word with E0000031', input: 'name eq "Embed" name' },
    { name: 'rejects a dangling and with E0000031', input: 'name eq "Embed" and' },
    { name: 'rejects a trailing closing parenthesis with E0000031', input: 'name eq "Embed")' },
    { name: 'rejects an unclosed parenthesis with E0000031', input: '(name eq "Embed"' },
    { name: 'rejects empty parentheses with E0000031', input: '()' },
    { name: 'rejects an empty filter with E0000031', input: '' },
    { name: 'rejects a whitespace-only filter with E0000031', input: '   ' },
    { name: 'rejects two comparisons without a connective with E0000031', input: 'name eq "a" name eq "b"' },
    { name: 'rejects a negation with E0000031', input: 'not name eq "a"' },
  ];

  it.each(named(cases))('%s', (_name, { input }) => {
    let caught: unknown;
    try {
      parseFilter(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OktaApiError);
    expect(caught).toMatchObject({ status: 400, errorCode: 'E0000031', errorSummary: 'Invalid search criteria.', errorCauses: [] });
  });
});

describe('matchesQuery', () => {
  const cases = [
    { name: 'matches a prefix of the name', input: 'Yet', expected: ['Yet Another Trusted Origin'] },
    { name: 'matches a prefix of the origin', input: 'https://rf', expected: ['Another Trusted Origin'] },
    { name: 'matches every origin for a shared scheme prefix', input: 'http', expected: RECORDS.map((r) => r.name) },
    { name: 'does not match text in the middle of the name', input: 'Trusted', expected: [] },
    { name: 'does not match text in the middle of the origin', input: 'example.com', expected: [] },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(RECORDS.filter((r) => matchesQuery(input, r)).map((r) => r.name)).toEqual(expected);
  });
});

describe('parseFilter bounds hostile filters', () => {
  const nested = (depth: number) => `${'('.repeat(depth)}name eq "Embed"${')'.repeat(depth)}`;
  const chain = (terms: number) => Array.from({ length: terms }, () => 'name eq "Embed"').join(' and ');
  const cases = [
    { name: `accepts parentheses nested ${MAX_FILTER_DEPTH} deep`, input: nested(MAX_FILTER_DEPTH), expected: 'parsed' },
    { name: `refuses parentheses nested ${MAX_FILTER_DEPTH + 1} deep with E0000031`, input: nested(MAX_FILTER_DEPTH + 1), expected: 'E0000031' },
    { name: 'refuses 2,500 unclosed ( with E0000031, not a stack overflow', input: '('.repeat(2500), expected: 'E0000031' },
    { name: 'refuses 100,000 balanced parentheses with E0000031', input: nested(100_000), expected: 'E0000031' },
    { name: `accepts ${MAX_FILTER_TERMS} comparisons joined by and`, input: chain(MAX_FILTER_TERMS), expected: 'parsed' },
    { name: `refuses ${MAX_FILTER_TERMS + 1} comparisons with E0000031`, input: chain(MAX_FILTER_TERMS + 1), expected: 'E0000031' },
    { name: 'accepts a 1 MB quoted value', input: `name eq "${'x'.repeat(1_000_000)}"`, expected: 'parsed' },
    { name: 'refuses a 1 MB unquoted word with E0000031', input: 'x'.repeat(1_000_000), expected: 'E0000031' },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    let outcome: string;
    try {
      parseFilter(input);
      outcome = 'parsed';
    } catch (error) {
      outcome = error instanceof OktaApiError ? error.errorCode : String(error);
    }
    expect(outcome).toBe(expected);
  });
});
