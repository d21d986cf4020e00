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
    await next();
    const headers = c.res.headers;
    headers.set('X-Okta-Request-Id', requestId);
    headers.set('X-Rate-Limit-Limit', String(window.limit));
    headers.set('X-Rate-Limit-Remaining', String(window.remaining));
    headers.set('X-Rate-Limit-Reset', String(window.reset));
    headers.set('Date', at.toUTCString());
  };
}
