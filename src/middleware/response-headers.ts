import type { Context } from 'hono';
import { newId } from '../domain/ids.js';
import type { RandomSource } from '../domain/random.js';
import type { RateLimits } from '../domain/rate-limit.js';
import type { AppEnv } from '../http.js';

export interface ResponseHeaderDeps {
  now: () => Date;
  random: RandomSource;
  rateLimit: RateLimits;
}

/**
 * Okta stamps every API answer, errors included, with a request id, the rate
 * limit window and a Date (the SDK's 429 back-off reads Date and Reset).
 * Returns the stamp as a plain function: the org's pre-route step
 * (middleware/org-request.ts) calls it first, for every request, and gets the
 * time it stamped (the journal's arrival time, so the clock is read once).
 */
export function responseHeaderStamp(deps: ResponseHeaderDeps): (c: Context<AppEnv>) => Date {
  // Date has a resolution of one second; its text is kept for as long as the clock stays in that second.
  let dateSecond = Number.NaN;
  let dateText = '';
  return (c) => {
    const requestId = newId('requestId', deps.random);
    const at = deps.now();
    // Counted per endpoint family; a refusal is answered by the limits-and-faults check, after CORS.
    const window = deps.rateLimit.take(at, c.req.path);
    c.set('rateLimit', window);
    const second = Math.floor(at.getTime() / 1000);
    if (second !== dateSecond) {
      dateSecond = second;
      dateText = at.toUTCString();
    }
    // A plain object, not c.header(): responses built from it (see http.ts) take the
    // node server's fast path instead of going through a Headers instance.
    c.set('responseHeaders', {
      'X-Okta-Request-Id': requestId,
      'X-Rate-Limit-Limit': String(window.limit),
      'X-Rate-Limit-Remaining': String(window.remaining),
      'X-Rate-Limit-Reset': String(window.reset),
      Date: dateText,
      // Okta marks every API answer uncacheable (recorded on real orgs).
      'Cache-Control': 'no-cache, no-store',
      Pragma: 'no-cache',
      Expires: '0',
      // Recorded on every real answer, errors included: no browser may sniff a JSON error into HTML.
      'X-Content-Type-Options': 'nosniff',
    });
    return at;
  };
}
