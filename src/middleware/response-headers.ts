import type { MiddlewareHandler } from 'hono';
import { newId } from '../domain/ids.js';
import type { RandomSource } from '../domain/random.js';
import type { RateLimitWindow } from '../domain/rate-limit.js';

/**
 * Okta stamps every API answer, errors included, with a request id, the rate
 * limit window and a Date (the SDK's 429 back-off reads Date and Reset).
 */
export function responseHeaders(deps: { now: () => Date; random: RandomSource; rateLimit: RateLimitWindow }): MiddlewareHandler {
  return async (c, next) => {
    const requestId = newId('requestId', deps.random);
    c.set('requestId', requestId);
    const at = deps.now();
    const window = deps.rateLimit.take(at);
    // Set before the handler runs: every response built on this context, onError's and
    // notFound's included, starts from these headers.
    c.header('X-Okta-Request-Id', requestId);
    c.header('X-Rate-Limit-Limit', String(window.limit));
    c.header('X-Rate-Limit-Remaining', String(window.remaining));
    c.header('X-Rate-Limit-Reset', String(window.reset));
    c.header('Date', at.toUTCString());
    // Okta marks every API answer uncacheable (recorded on real orgs).
    c.header('Cache-Control', 'no-cache, no-store');
    c.header('Pragma', 'no-cache');
    c.header('Expires', '0');
    await next();
  };
}
