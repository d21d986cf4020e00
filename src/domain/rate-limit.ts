import { toEpochSeconds } from './timestamp.js';

export interface RateLimitSnapshot {
  limit: number;
  remaining: number;
  /** Epoch seconds at which the window starts over. */
  reset: number;
}

export const DEFAULT_RATE_LIMIT = 600;
const WINDOW_SECONDS = 60;

/**
 * A fixed one-minute window that opens with the first request after the
 * previous one closed, as Okta's per-minute limits behave. It reports; it
 * does not refuse requests.
 */
export class RateLimitWindow {
  #reset = 0;
  #used = 0;

  constructor(readonly limit: number = DEFAULT_RATE_LIMIT) {}

  take(at: Date): RateLimitSnapshot {
    const now = toEpochSeconds(at);
    if (now >= this.#reset) {
      this.#reset = now + WINDOW_SECONDS;
      this.#used = 0;
    }
    this.#used++;
    return { limit: this.limit, remaining: Math.max(0, this.limit - this.#used), reset: this.#reset };
  }
}
