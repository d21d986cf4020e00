import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http.js';
import { newId } from '../domain/ids.js';
import type { RandomSource } from '../domain/random.js';
import type { RateLimits } from '../domain/rate-limit.js';

/**
 * Okta stamps every API answer, errors included, with a request id, the rate
 * limit window and a Date (the SDK's 429 back-off reads Date and Reset).
 */
export function responseHeaders(deps: { now: () => Date; random: RandomSource; rateLimit: RateLimits }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = newId('requestId', deps.random);
    const at = deps.now();
    // Counted per endpoint family; a refusal is answered by the limits-and-faults step, after CORS.
    const window = deps.rateLimit.take(at, c.req.path);
    c.set('rateLimit', window);
    // A plain object, not c.header(): responses built from it (see http.ts) take the
    // node server's fast path instead of going through a Headers instance.
    c.set('responseHeaders', {
      'X-Okta-Request-Id': requestId,
      'X-Rate-Limit-Limit': String(window.limit),
      'X-Rate-Limit-Remaining': String(window.remaining),
      'X-Rate-Limit-Reset': String(window.reset),
      Date: at.toUTCString(),
      // Okta marks every API answer uncacheable (recorded on real orgs).
      'Cache-Control': 'no-cache, no-store',
      Pragma: 'no-cache',
      Expires: '0',
      // Recorded on every real answer, errors included: no browser may sniff a JSON error into HTML.
      'X-Content-Type-Options': 'nosniff',
    });
    await next();
  };
}
