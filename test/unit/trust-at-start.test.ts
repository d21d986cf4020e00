import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { TrustOptionError, trustAtStart } from '../../src/domain/trust-at-start.js';
import type { TrustedOriginRecord } from '../../src/domain/trusted-origin.js';

const CONTEXT = { now: '2026-01-02T03:04:05.000Z', actorId: '00ut5t92p6IEOi4bu0g3' };
const OLD = '2020-01-01T00:00:00.000Z';

const record = (over: Partial<TrustedOriginRecord>): TrustedOriginRecord => ({
  id: 'tos00000000000000001',
  name: 'Existing',
  origin: 'http://localhost:3000',
  scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }],
  status: 'ACTIVE',
  created: OLD,
  createdBy: 'someone',
  lastUpdated: OLD,
  lastUpdatedBy: 'someone',
  ...over,
});

/** What each case keeps of the result: origin, name, scopes and status, plus whether it was touched. */
const summary = (r: TrustedOriginRecord) => ({
  name: r.name,
  origin: r.origin,
  scopes: r.scopes.map((s) => s.type),
  status: r.status,
  touched: r.lastUpdated === CONTEXT.now,
});

describe('trustAtStart', () => {
  const cases = [
    {
      name: 'adds an ACTIVE origin with CORS and REDIRECT, named after the origin',
      input: { records: [], origins: ['http://localhost:3000'] },
      expected: [{ name: 'http://localhost:3000', origin: 'http://localhost:3000', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: true }],
    },
    {
      name: 'adds each of several origins in the order given',
      input: { records: [], origins: ['http://localhost:3000', 'https://app.example.com'] },
      expected: [
        { name: 'http://localhost:3000', origin: 'http://localhost:3000', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: true },
        { name: 'https://app.example.com', origin: 'https://app.example.com', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: true },
      ],
    },
    {
      name: 'leaves an existing ACTIVE record with both scopes as it is',
      input: { records: [record({})], origins: ['http://localhost:3000'] },
      expected: [{ name: 'Existing', origin: 'http://localhost:3000', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: false }],
    },
    {
      name: 'treats the same origin with a trailing slash, other letter case or default port as the same record',
      input: { records: [record({ origin: 'HTTP://LOCALHOST:3000/' })], origins: ['http://localhost:3000'] },
      expected: [{ name: 'Existing', origin: 'HTTP://LOCALHOST:3000/', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: false }],
    },
    {
      name: 'adds the missing CORS scope to an existing record',
      input: { records: [record({ scopes: [{ type: 'REDIRECT' }] })], origins: ['http://localhost:3000'] },
      expected: [{ name: 'Existing', origin: 'http://localhost:3000', scopes: ['REDIRECT', 'CORS'], status: 'ACTIVE', touched: true }],
    },
    {
      name: 'adds the missing REDIRECT scope and keeps IFRAME_EMBED',
      input: { records: [record({ scopes: [{ type: 'IFRAME_EMBED' }, { type: 'CORS' }] })], origins: ['http://localhost:3000'] },
      expected: [{ name: 'Existing', origin: 'http://localhost:3000', scopes: ['IFRAME_EMBED', 'CORS', 'REDIRECT'], status: 'ACTIVE', touched: true }],
    },
    {
      name: 'activates an existing INACTIVE record',
      input: { records: [record({ status: 'INACTIVE' })], origins: ['http://localhost:3000'] },
      expected: [{ name: 'Existing', origin: 'http://localhost:3000', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: true }],
    },
    {
      name: 'does not treat another port as the same origin',
      input: { records: [record({})], origins: ['http://localhost:3001'] },
      expected: [
        { name: 'Existing', origin: 'http://localhost:3000', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: false },
        { name: 'http://localhost:3001', origin: 'http://localhost:3001', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: true },
      ],
    },
    {
      name: 'adds an origin given twice only once',
      input: { records: [], origins: ['http://localhost:3000', 'http://localhost:3000/'] },
      expected: [{ name: 'http://localhost:3000', origin: 'http://localhost:3000', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: true }],
    },
    {
      name: 'names the new record differently when another record already has the origin as its name',
      input: { records: [record({ name: 'http://localhost:4000', origin: 'https://other.example' })], origins: ['http://localhost:4000'] },
      expected: [
        { name: 'http://localhost:4000', origin: 'https://other.example', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: false },
        { name: 'http://localhost:4000 (--trust)', origin: 'http://localhost:4000', scopes: ['CORS', 'REDIRECT'], status: 'ACTIVE', touched: true },
      ],
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(trustAtStart(input.records, input.origins, CONTEXT).map(summary)).toEqual(expected);
  });

  it('gives an added origin the same tos id on every start, and never changes the input', () => {
    const input = [record({})];
    const first = trustAtStart(input, ['https://app.example.com'], CONTEXT);
    const second = trustAtStart(input, ['https://app.example.com'], CONTEXT);
    expect(first[1]!.id).toMatch(/^tos[0-9A-Za-z]{17}$/);
    expect(second[1]!.id).toBe(first[1]!.id);
    expect(first[1]).toMatchObject({ createdBy: CONTEXT.actorId, created: CONTEXT.now });
    expect(input).toEqual([record({})]);
  });

  const invalid = [
    { name: 'refuses an origin without a scheme', input: 'localhost:3000', expected: /--trust "localhost:3000" is not a valid origin \(origin: Origin value is not valid\)/ },
    { name: 'refuses an origin with a path', input: 'http://localhost:3000/app', expected: /Origin value is not valid/ },
    { name: 'refuses a wildcard origin (CORS and REDIRECT need an exact one)', input: 'https://*.example.com', expected: /Origin value is not valid/ },
    { name: 'refuses an empty origin', input: '', expected: /The field cannot be left blank/ },
  ];

  it.each(named(invalid))('%s', (_name, { input, expected }) => {
    expect(() => trustAtStart([], [input], CONTEXT)).toThrow(TrustOptionError);
    expect(() => trustAtStart([], [input], CONTEXT)).toThrow(expected);
  });
});
