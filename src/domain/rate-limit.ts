import { CONSOLE_ROOT, CONTROL_PREFIX } from './control-path.js';
import { isPathUnder } from './path-prefix.js';
import { toEpochSeconds } from './timestamp.js';

export interface RateLimitSnapshot {
  limit: number;
  remaining: number;
  /** Epoch seconds at which the window starts over. */
  reset: number;
}

/** What one request took from its window: the headers' figures, and whether it is over the limit. */
export interface RateLimitTake extends RateLimitSnapshot {
  /** True only when the limit is enforced and this request is past it (a 429 E0000047). */
  refused: boolean;
}

export const DEFAULT_RATE_LIMIT = 600;
export const WINDOW_SECONDS = 60;

/** A window's state between requests: when it ends (epoch seconds, 0 = none open) and how many it let through. */
export interface WindowState {
  reset: number;
  used: number;
}

/**
 * The decision for one request at `now` (epoch seconds). A window opens with
 * the first request after the previous one closed and lasts a minute. A
 * refused request does not count and never opens a window, so retrying
 * clients cannot push the reset further away.
 */
export function takeFromWindow(
  state: WindowState,
  input: { now: number; limit: number; enforced: boolean },
): { state: WindowState; take: RateLimitTake } {
  const open = input.now < state.reset ? state : { reset: input.now + WINDOW_SECONDS, used: 0 };
  if (input.enforced && open.used >= input.limit) {
    return { state: open, take: { limit: input.limit, remaining: 0, reset: open.reset, refused: true } };
  }
  const used = open.used + 1;
  return {
    state: { reset: open.reset, used },
    take: { limit: input.limit, remaining: Math.max(0, input.limit - used), reset: open.reset, refused: false },
  };
}

/**
 * One fixed one-minute window, as Okta's per-minute limits behave. It reports;
 * it refuses requests only when `enforced`.
 */
export class RateLimitWindow {
  #state: WindowState = { reset: 0, used: 0 };

  constructor(
    readonly limit: number = DEFAULT_RATE_LIMIT,
    readonly enforced = false,
  ) {}

  take(at: Date): RateLimitTake {
    const { state, take } = takeFromWindow(this.#state, { now: toEpochSeconds(at), limit: this.limit, enforced: this.enforced });
    this.#state = state;
    return take;
  }
}

export interface RateLimitFamily {
  /** The name the README and log lines use: the path prefix, as Okta's rate-limit tables name a bucket. */
  name: string;
  /** Whether a request path belongs here: the prefix itself or anything below it. */
  prefix: string;
  /** False for the operator's tools (control API, Admin Console): an operator is never locked out of the org. */
  enforced: boolean;
}

/**
 * The endpoint families that count apart, first match wins. Okta counts per
 * endpoint bucket and per minute (its "Management rate limits" table names
 * `/api/v1/users`, `/api/v1/sessions`, `/api/v1/authn`, … and a catch-all for
 * the rest of `/api/v1`); `/api/v1/users/me` is an end-user call of its own.
 */
export const RATE_LIMIT_FAMILIES: readonly RateLimitFamily[] = [
  { name: '/api/v1/trustedOrigins', prefix: '/api/v1/trustedOrigins', enforced: true },
  { name: '/api/v1/users/me', prefix: '/api/v1/users/me', enforced: true },
  { name: '/api/v1/users', prefix: '/api/v1/users', enforced: true },
  { name: '/api/v1/sessions', prefix: '/api/v1/sessions', enforced: true },
  { name: '/api/v1/authn', prefix: '/api/v1/authn', enforced: true },
  { name: '/api/v1', prefix: '/api/v1', enforced: true },
  { name: '/.well-known', prefix: '/.well-known', enforced: true },
  { name: '/login', prefix: '/login', enforced: true },
  { name: CONTROL_PREFIX, prefix: CONTROL_PREFIX, enforced: false },
  { name: CONSOLE_ROOT, prefix: CONSOLE_ROOT, enforced: false },
  { name: '/', prefix: '', enforced: true },
];

const belongsTo = (path: string, prefix: string) => prefix === '' || isPathUnder(path, prefix);

/** The family a routed path counts in (the last row catches everything). */
export function rateLimitFamilyOf(path: string): RateLimitFamily {
  // A loop, not find() with a closure: this runs for every request.
  for (const family of RATE_LIMIT_FAMILIES) if (belongsTo(path, family.prefix)) return family;
  return RATE_LIMIT_FAMILIES[RATE_LIMIT_FAMILIES.length - 1]!;
}

/**
 * The org's windows, one per family. `enforce` (the `--rate-limit` flag)
 * sets the limit and turns refusals on; without it the default limit is only
 * reported.
 */
export class RateLimits {
  readonly limit: number;
  readonly enforced: boolean;
  #windows = new Map<string, RateLimitWindow>();

  constructor(enforce?: number) {
    if (enforce !== undefined && (!Number.isInteger(enforce) || enforce < 1)) {
      throw new RangeError(`rate limit must be a whole number >= 1, got ${enforce}`);
    }
    this.limit = enforce ?? DEFAULT_RATE_LIMIT;
    this.enforced = enforce !== undefined;
  }

  take(at: Date, path: string): RateLimitTake & { family: string } {
    const family = rateLimitFamilyOf(path);
    let window = this.#windows.get(family.name);
    if (!window) {
      window = new RateLimitWindow(this.limit, this.enforced && family.enforced);
      this.#windows.set(family.name, window);
    }
    // The take is this request's own object: naming its family on it costs no copy.
    const take = window.take(at) as RateLimitTake & { family: string };
    take.family = family.name;
    return take;
  }

  /** Every window closed, as at start (the org's reset). */
  clear(): void {
    this.#windows.clear();
  }
}
