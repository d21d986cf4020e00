import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { randomString, seededRandom } from '../../src/domain/random.js';

const draw = (seed: number, n = 1000) => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => random());
};

describe('seededRandom', () => {
  const cases = [
    { name: 'repeats the same sequence of values in [0, 1) for seed 0', input: 0 },
    { name: 'repeats the same sequence of values in [0, 1) for seed 42', input: 42 },
    { name: 'repeats the same sequence of values in [0, 1) for the largest 32-bit seed', input: 2 ** 32 - 1 },
  ];

  it.each(named(cases))('%s', (_name, { input }) => {
    const values = draw(input);
    expect(values).toEqual(draw(input));
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    expect(new Set(values).size).toBeGreaterThan(990);
  });

  it('gives a different sequence for a different seed', () => {
    expect(draw(42, 10)).not.toEqual(draw(43, 10));
  });

  it('treats seeds modulo 2^32, as the CLI range 0..2^32-1 implies', () => {
    expect(draw(2 ** 32 + 5, 10)).toEqual(draw(5, 10));
  });
});

describe('randomString', () => {
  const cases = [
    { name: 'returns the requested length', input: { alphabet: 'ab', length: 17 }, expected: 17 },
    { name: 'returns an empty string for length 0', input: { alphabet: 'ab', length: 0 }, expected: 0 },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(randomString(seededRandom(1), input.alphabet, input.length)).toHaveLength(expected);
  });

  const mapping = [
    { name: 'maps 0 to the first character of the alphabet', input: 0, expected: 'a' },
    { name: 'maps values just below 1 to the last character of the alphabet', input: 0.9999999, expected: 'd' },
    { name: 'maps 0.5 to the middle of the alphabet', input: 0.5, expected: 'c' },
  ];

  it.each(named(mapping))('%s', (_name, { input, expected }) => {
    expect(randomString(() => input, 'abcd', 3)).toBe(expected.repeat(3));
  });

  it('only uses characters from the alphabet and reaches all of them', () => {
    const s = randomString(seededRandom(9), 'xyz', 300);
    expect(s).toMatch(/^[xyz]+$/);
    expect(new Set(s)).toEqual(new Set('xyz'));
  });
});
