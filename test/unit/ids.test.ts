import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { isId, newId, type IdKind } from '../../src/domain/ids.js';
import { seededRandom } from '../../src/domain/random.js';

const shapes: Array<{ name: string; input: IdKind; expected: RegExp }> = [
  { name: 'makes trusted origin ids of tos and 17 base62 characters', input: 'trustedOrigin', expected: /^tos[0-9A-Za-z]{17}$/ },
  { name: 'makes user ids of 00u and 17 base62 characters', input: 'user', expected: /^00u[0-9A-Za-z]{17}$/ },
  { name: 'makes error ids of oae and 22 base64url characters', input: 'errorId', expected: /^oae[0-9A-Za-z_-]{22}$/ },
  { name: 'makes session ids of 102 and 22 base64url characters', input: 'session', expected: /^102[0-9A-Za-z_-]{22}$/ },
  { name: 'makes request ids of 32 lowercase hex characters', input: 'requestId', expected: /^[0-9a-f]{32}$/ },
];

describe('newId', () => {
  it.each(named(shapes))('%s', (_name, { input, expected }) => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const id = newId(input, random);
      expect(id).toMatch(expected);
      expect(isId(input, id)).toBe(true);
    }
  });

  const kinds: IdKind[] = ['trustedOrigin', 'user', 'errorId', 'session', 'requestId'];
  const determinism = kinds.map((kind) => ({ name: `gives the same ${kind} ids for the same seed and different ones for another seed`, input: kind }));

  it.each(named(determinism))('%s', (_name, { input }) => {
    const run = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => newId(input, random));
    };
    expect(run(42)).toEqual(run(42));
    expect(run(43)).not.toEqual(run(42));
    expect(new Set(run(42)).size).toBe(5);
  });

  it('uses every hex digit at every position of request ids over many draws', () => {
    for (const random of [seededRandom(3), Math.random]) {
      const ids = Array.from({ length: 2000 }, () => newId('requestId', random));
      for (let position = 0; position < 32; position++) {
        expect(new Set(ids.map((id) => id[position])).size, `position ${position}`).toBe(16);
      }
    }
  });

  it('uses both base64url extra characters in error ids over many draws', () => {
    const random = seededRandom(1);
    const all = Array.from({ length: 500 }, () => newId('errorId', random).slice(3)).join('');
    expect(all).toContain('-');
    expect(all).toContain('_');
  });
});

describe('isId', () => {
  const cases: Array<{ name: string; input: [IdKind, string]; expected: boolean }> = [
    { name: 'accepts a real Okta trusted origin id', input: ['trustedOrigin', 'toskwr6z71zZ7zxl01d7'], expected: true },
    { name: 'rejects a trusted origin id one character short', input: ['trustedOrigin', 'toskwr6z71zZ7zxl01d'], expected: false },
    { name: 'rejects a trusted origin id one character long', input: ['trustedOrigin', 'toskwr6z71zZ7zxl01d77'], expected: false },
    { name: 'rejects a trusted origin id with another prefix', input: ['trustedOrigin', '00ukwr6z71zZ7zxl01d7'], expected: false },
    { name: 'rejects a trusted origin id with a base64url-only character', input: ['trustedOrigin', 'toskwr6z71zZ7zxl01-7'], expected: false },
    { name: 'accepts a real Okta user id', input: ['user', '00u5qwjvk7u6E1DFG1d7'], expected: true },
    { name: 'accepts a real Okta error id', input: ['errorId', 'oaeAoSVzRKJROu405OcElAYIg'], expected: true },
    { name: 'accepts a real Okta error id with - and _', input: ['errorId', 'oae_A2-4_P9RtWIEh-N4O0qfg'], expected: true },
    { name: 'rejects an error id with a character outside base64url', input: ['errorId', 'oae_A2-4_P9RtWIEh+N4O0qfg'], expected: false },
    { name: 'accepts a 32-character lowercase hex request id', input: ['requestId', '0123456789abcdef0123456789abcdef'], expected: true },
    { name: 'rejects an uppercase hex request id', input: ['requestId', '0123456789ABCDEF0123456789abcdef'], expected: false },
    { name: 'rejects a request id with surrounding text', input: ['requestId', 'x0123456789abcdef0123456789abcdef'], expected: false },
  ];

  it.each(named(cases))('%s', (_name, { input: [kind, value], expected }) => {
    expect(isId(kind, value)).toBe(expected);
  });
});
