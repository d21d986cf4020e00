import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { DEFAULT_RATE_LIMIT, RateLimitWindow } from '../../src/domain/rate-limit.js';

const T0 = Date.parse('2025-09-11T16:21:38.400Z');
const T0_SECONDS = Math.floor(T0 / 1000);
const at = (ms: number) => new Date(T0 + ms);

describe('RateLimitWindow', () => {
  const cases = [
    {
      name: 'reports the limit, one less remaining per request and a reset 60 s after the first request second',
      input: { limit: 5, offsets: [0, 1_000, 30_000] },
      expected: [
        { limit: 5, remaining: 4, reset: T0_SECONDS + 60 },
        { limit: 5, remaining: 3, reset: T0_SECONDS + 60 },
        { limit: 5, remaining: 2, reset: T0_SECONDS + 60 },
      ],
    },
    {
      name: 'keeps the window open until just before the reset second',
      input: { limit: 5, offsets: [0, 59_599] },
      expected: [
        { limit: 5, remaining: 4, reset: T0_SECONDS + 60 },
        { limit: 5, remaining: 3, reset: T0_SECONDS + 60 },
      ],
    },
    {
      name: 'opens a new full window at the reset second, anchored on that request',
      input: { limit: 5, offsets: [0, 1_000, 59_600, 61_000] },
      expected: [
        { limit: 5, remaining: 4, reset: T0_SECONDS + 60 },
        { limit: 5, remaining: 3, reset: T0_SECONDS + 60 },
        { limit: 5, remaining: 4, reset: T0_SECONDS + 120 },
        { limit: 5, remaining: 3, reset: T0_SECONDS + 120 },
      ],
    },
    {
      name: 'anchors a new window on the first request after a long pause, not on the old grid',
      input: { limit: 5, offsets: [0, 3_600_000 + 25_000] },
      expected: [
        { limit: 5, remaining: 4, reset: T0_SECONDS + 60 },
        { limit: 5, remaining: 4, reset: T0_SECONDS + 3_600 + 25 + 60 },
      ],
    },
    {
      name: 'never reports a negative remaining count',
      input: { limit: 2, offsets: [0, 1, 2, 3, 4] },
      expected: [2 - 1, 0, 0, 0, 0].map((remaining) => ({ limit: 2, remaining, reset: T0_SECONDS + 60 })),
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const window = new RateLimitWindow(input.limit);
    expect(input.offsets.map((ms) => window.take(at(ms)))).toEqual(expected);
  });

  it(`defaults to ${DEFAULT_RATE_LIMIT} requests a minute`, () => {
    expect(new RateLimitWindow().take(at(0))).toEqual({ limit: 600, remaining: 599, reset: T0_SECONDS + 60 });
  });
});
