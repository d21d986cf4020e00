import type { Context } from 'hono';
import { pageFramingHeaders } from '../domain/frame-ancestors.js';
import type { AppEnv } from '../http.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';

/**
 * The headers of every HTML page the org serves to people: who may frame it
 * (decided from the trusted origins on each request, so a change applies to
 * the very next page) and `nosniff`. A route marks its page with
 * `c.set('orgPage', …)`; unmarked pages are sign-in pages. Called by the
 * org's pre-route step once the route has answered (never for API paths:
 * reading c.res.headers would build a Headers on their hot path).
 */
export function pageHeaderStep(trustedOrigins: TrustedOriginStore): (c: Context<AppEnv>) => void {
  return (c) => {
    if (!/^text\/html/i.test(c.res.headers.get('Content-Type') ?? '')) return;
    const framing = pageFramingHeaders(c.get('orgPage') ?? 'sign-in', trustedOrigins.all());
    for (const [name, value] of Object.entries(framing)) c.res.headers.set(name, value);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  };
}
