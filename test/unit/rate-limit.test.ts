import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import {
  DEFAULT_RATE_LIMIT,
  RATE_LIMIT_FAMILIES,
  RateLimits,
  RateLimitWindow,
  rateLimitFamilyOf,
  takeFromWindow,
} from '../../src/domain/rate-limit.js';

const T0 = Date.parse('2025-09-11T16:21:38.400Z');
const T0_SECONDS = Math.floor(T0 / 1000);
const at = (ms: number) => new Date(T0 + ms);

describe('RateLimitWindow', () => {
  const cases = [
    {
      name: 'reports the limit, one less remaining per request and a reset 60 s after the first request second',
      input: { limit: 5, offsets: [0, 1_000, 30_000] },
      expected: [
        { limit: 5, remaining: 4, reset: T0_SECONDS + 60, refused: false },
        { limit: 5, remaining: 3, reset: T0_SECONDS + 60, refused: false },
        { limit: 5, remaining: 2, reset: T0_SECONDS + 60, refused: false },
      ],
    },
    {
      name: 'keeps the window open until just before the reset second',
      input: { limit: 5, offsets: [0, 59_599] },
      expected: [
        { limit: 5, remaining: 4, reset: T0_SECONDS + 60, refused: false },
        { limit: 5, remaining: 3, reset: T0_SECONDS + 60, refused: false },
      ],
    },
    {
      name: 'opens a new full window at the reset second, anchored on that request',
      input: { limit: 5, offsets: [0, 1_000, 59_600, 61_000] },
      expected: [
        { limit: 5, remaining: 4, reset: T0_SECONDS + 60, refused: false },
        { limit: 5, remaining: 3, reset: T0_SECONDS + 60, refused: false },
        { limit: 5, remaining: 4, reset: T0_SECONDS + 120, refused: false },
        { limit: 5, remaining: 3, reset: T0_SECONDS + 120, refused: false },
      ],
    },
    {
      name: 'anchors a new window on the first request after a long pause, not on the old grid',
      input: { limit: 5, offsets: [0, 3_600_000 + 25_000] },
      expected: [
        { limit: 5, remaining: 4, reset: T0_SECONDS + 60, refused: false },
        { limit: 5, remaining: 4, reset: T0_SECONDS + 3_600 + 25 + 60, refused: false },
      ],
    },
    {
      name: 'never reports a negative remaining count, and refuses nothing when not enforced',
      input: { limit: 2, offsets: [0, 1, 2, 3, 4] },
      expected: [2 - 1, 0, 0, 0, 0].map((remaining) => ({ limit: 2, remaining, reset: T0_SECONDS + 60, refused: false })),
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const window = new RateLimitWindow(input.limit);
    expect(input.offsets.map((ms) => window.take(at(ms)))).toEqual(expected);
  });

  it(`defaults to ${DEFAULT_RATE_LIMIT} requests a minute, reported and not enforced`, () => {
    const window = new RateLimitWindow();
    expect(window.enforced).toBe(false);
    expect(window.take(at(0))).toEqual({ limit: 600, remaining: 599, reset: T0_SECONDS + 60, refused: false });
  });
});

describe('takeFromWindow: the enforcing decision', () => {
  const limit = 2;
  const cases = [
    {
      name: 'lets the first request open a window and counts it',
      input: { state: { reset: 0, used: 0 }, now: 100, enforced: true },
      expected: { state: { reset: 160, used: 1 }, take: { limit, remaining: 1, reset: 160, refused: false } },
    },
    {
      name: 'lets the last request of the limit through with 0 remaining',
      input: { state: { reset: 160, used: 1 }, now: 130, enforced: true },
      expected: { state: { reset: 160, used: 2 }, take: { limit, remaining: 0, reset: 160, refused: false } },
    },
    {
      name: 'refuses a request past the limit without counting it or moving the reset',
      input: { state: { reset: 160, used: 2 }, now: 159, enforced: true },
      expected: { state: { reset: 160, used: 2 }, take: { limit, remaining: 0, reset: 160, refused: true } },
    },
    {
      name: 'lets a request through again once the window has rolled over, in a fresh window',
      input: { state: { reset: 160, used: 2 }, now: 160, enforced: true },
      expected: { state: { reset: 220, used: 1 }, take: { limit, remaining: 1, reset: 220, refused: false } },
    },
    {
      name: 'counts past the limit but never refuses when not enforced',
      input: { state: { reset: 160, used: 2 }, now: 159, enforced: false },
      expected: { state: { reset: 160, used: 3 }, take: { limit, remaining: 0, reset: 160, refused: false } },
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(takeFromWindow(input.state, { now: input.now, limit, enforced: input.enforced })).toEqual(expected);
  });
});

describe('rateLimitFamilyOf: the endpoint families', () => {
  const cases = [
    { name: 'the trusted origins collection', input: '/api/v1/trustedOrigins', expected: '/api/v1/trustedOrigins' },
    { name: 'a trusted origin and its lifecycle', input: '/api/v1/trustedOrigins/tos1/lifecycle/activate', expected: '/api/v1/trustedOrigins' },
    { name: 'the current user, apart from the users collection', input: '/api/v1/users/me', expected: '/api/v1/users/me' },
    { name: 'a user by id', input: '/api/v1/users/00u1', expected: '/api/v1/users' },
    { name: 'the current session and its refresh', input: '/api/v1/sessions/me/lifecycle/refresh', expected: '/api/v1/sessions' },
    { name: 'primary authentication', input: '/api/v1/authn', expected: '/api/v1/authn' },
    { name: 'another /api/v1 path, in the catch-all family', input: '/api/v1/unknown', expected: '/api/v1' },
    { name: 'a prefix that is not a whole segment', input: '/api/v1/usersX', expected: '/api/v1' },
    { name: 'the org metadata', input: '/.well-known/okta-organization', expected: '/.well-known' },
    { name: 'the sign-in page', input: '/login/login.htm', expected: '/login' },
    { name: 'the control API', input: '/__okta-mock/requests', expected: '/__okta-mock' },
    { name: 'the Admin Console', input: '/admin/access/api/trusted_origins', expected: '/admin' },
    { name: 'a path that only starts like the console', input: '/administrator', expected: '/' },
    { name: 'the org root and anything else', input: '/', expected: '/' },
  ];

  it.each(named(cases))('puts %s in its family', (_name, { input, expected }) => {
    expect(rateLimitFamilyOf(input).name).toBe(expected);
  });

  it('never enforces a limit on the control API and the Admin Console, and on every other family', () => {
    expect(RATE_LIMIT_FAMILIES.filter((f) => !f.enforced).map((f) => f.name)).toEqual(['/__okta-mock', '/admin']);
  });
});

describe('RateLimits: one window per family', () => {
  it('counts each family apart and refuses past an enforced limit with remaining 0', () => {
    const limits = new RateLimits(2);
    const take = (path: string) => {
      const { remaining, refused, family } = limits.take(at(0), path);
      return { remaining, refused, family };
    };
    expect(take('/api/v1/trustedOrigins')).toEqual({ remaining: 1, refused: false, family: '/api/v1/trustedOrigins' });
    expect(take('/api/v1/trustedOrigins/x')).toEqual({ remaining: 0, refused: false, family: '/api/v1/trustedOrigins' });
    expect(take('/api/v1/trustedOrigins')).toEqual({ remaining: 0, refused: true, family: '/api/v1/trustedOrigins' });
    expect(take('/api/v1/users/me')).toEqual({ remaining: 1, refused: false, family: '/api/v1/users/me' });
  });

  it('never refuses the control API even past the limit', () => {
    const limits = new RateLimits(1);
    const refusals = [0, 1, 2].map(() => limits.take(at(0), '/__okta-mock/faults').refused);
    expect(refusals).toEqual([false, false, false]);
  });

  it('reports the default limit without refusing when no limit is given', () => {
    const limits = new RateLimits();
    const takes = Array.from({ length: DEFAULT_RATE_LIMIT + 1 }, () => limits.take(at(0), '/api/v1/authn'));
    expect(takes.at(-1)).toMatchObject({ limit: DEFAULT_RATE_LIMIT, remaining: 0, refused: false });
  });

  it('opens every window afresh after clear()', () => {
    const limits = new RateLimits(1);
    limits.take(at(0), '/api/v1/authn');
    limits.clear();
    expect(limits.take(at(1_000), '/api/v1/authn')).toMatchObject({ remaining: 0, refused: false, reset: T0_SECONDS + 61 });
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %s as a limit', (limit) => {
    expect(() => new RateLimits(limit)).toThrow(RangeError);
  });
});
