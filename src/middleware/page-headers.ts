import type { MiddlewareHandler } from 'hono';
import { pageFramingHeaders } from '../domain/frame-ancestors.js';
import type { AppEnv } from '../http.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';

/**
 * The headers of every HTML page the org serves to people: who may frame it
 * (decided from the trusted origins on each request, so a change applies to
 * the very next page) and `nosniff`. A route marks its page with
 * `c.set('orgPage', …)`; unmarked pages are sign-in pages.
 */
export function pageHeaders(trustedOrigins: TrustedOriginStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // API answers are never pages: leave their hot path alone (reading c.res.headers would build a Headers).
    if (c.req.path.startsWith('/api/')) return next();
    await next();
    if (!/^text\/html/i.test(c.res.headers.get('Content-Type') ?? '')) return;
    const framing = pageFramingHeaders(c.get('orgPage') ?? 'sign-in', trustedOrigins.all());
    for (const [name, value] of Object.entries(framing)) c.res.headers.set(name, value);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  };
}
