import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { toEpochSeconds, toIsoString, toOktaTimestamp } from '../../src/domain/timestamp.js';

describe('toOktaTimestamp', () => {
  const cases = [
    { name: 'truncates milliseconds to .000Z', input: '2026-01-02T03:04:05.678Z', expected: '2026-01-02T03:04:05.000Z' },
    { name: 'truncates .999 down rather than rounding up to the next second', input: '2025-12-31T23:59:59.999Z', expected: '2025-12-31T23:59:59.000Z' },
    { name: 'keeps a whole second as .000Z', input: '2025-03-13T23:43:59.000Z', expected: '2025-03-13T23:43:59.000Z' },
    { name: 'prints UTC with Z for a time given with an offset', input: '2025-03-13T20:43:59.500-03:00', expected: '2025-03-13T23:43:59.000Z' },
    { name: 'truncates towards the earlier second before 1970', input: '1969-12-31T23:59:59.500Z', expected: '1969-12-31T23:59:59.000Z' },
    { name: 'keeps the six-digit year form past 9999', input: '+012345-06-07T08:09:10.111Z', expected: '+012345-06-07T08:09:10.000Z' },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(toOktaTimestamp(new Date(input))).toBe(expected);
  });
});

describe('toIsoString', () => {
  const cases = [
    { name: 'writes three-digit milliseconds', input: ['2026-01-02T03:04:05.678Z'] },
    { name: 'pads one- and two-digit milliseconds within one second', input: ['2026-01-02T03:04:05.007Z', '2026-01-02T03:04:05.070Z', '2026-01-02T03:04:05.000Z'] },
    { name: 'follows the clock into the next second and back', input: ['2026-01-02T03:04:05.999Z', '2026-01-02T03:04:06.001Z', '2026-01-02T03:04:05.500Z'] },
    { name: 'keeps the second of a time before 1970', input: ['1969-12-31T23:59:58.500Z', '1969-12-31T23:59:59.001Z'] },
    { name: 'keeps the six-digit year form past 9999', input: ['+012345-06-07T08:09:10.011Z'] },
  ];

  it.each(named(cases))('%s, as toISOString() does', (_name, { input }) => {
    for (const text of input) expect(toIsoString(new Date(text))).toBe(new Date(text).toISOString());
  });

  it('throws for an invalid date, as toISOString() does', () => {
    expect(() => toIsoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('toEpochSeconds', () => {
  const cases = [
    { name: 'returns whole epoch seconds, dropping milliseconds', input: '2025-09-11T16:22:38.999Z', expected: 1757607758 },
    { name: 'returns 0 at the epoch', input: '1970-01-01T00:00:00.000Z', expected: 0 },
    { name: 'returns an integer for a time with milliseconds', input: '2026-01-02T03:04:05.678Z', expected: 1767323045 },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(toEpochSeconds(new Date(input))).toBe(expected);
  });
});
