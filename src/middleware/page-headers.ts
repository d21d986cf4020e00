import type { Context } from 'hono';
import { pageFramingHeaders } from '../domain/frame-ancestors.js';
import type { AppEnv } from '../http.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';

/**
 * The headers of every HTML page the org serves to people: who may frame it
 * (decided from the trusted origins on each request, so a change applies to
 * the very next page) and `nosniff`. A route marks its page with
 * `c.set('orgPage', …)`; unmarked pages are sign-in pages. Called by the
 * org's pre-route step with the route's answer, which it changes in place
 * (never for API paths: reading its headers would build a Headers on their hot path).
 */
export function pageHeaderStep(trustedOrigins: TrustedOriginStore): (c: Context<AppEnv>, page: Response) => Response {
  return (c, page) => {
    if (!/^text\/html/i.test(page.headers.get('Content-Type') ?? '')) return page;
    const framing = pageFramingHeaders(c.get('orgPage') ?? 'sign-in', trustedOrigins.all());
    for (const [name, value] of Object.entries(framing)) page.headers.set(name, value);
    page.headers.set('X-Content-Type-Options', 'nosniff');
    return page;
  };
}
