import type { Context } from 'hono';
import { emptyResponse, withHeaders, type AppEnv } from '../http.js';
import type { SentHeaders } from '../sent-headers.js';
import { decideCors } from '../domain/cors.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';

/**
 * Applies the CORS decision: answers preflights of CORS-enabled endpoints
 * itself (the returned Response), and adds the allow headers to actual
 * responses for trusted origins. Trust is read from the store on every
 * request, so a change to the org's trusted origins applies to the very next
 * request. Called by the org's pre-route step (middleware/org-request.ts).
 */
export function corsStep(trustedOrigins: TrustedOriginStore): (c: Context<AppEnv>, sent: SentHeaders) => Response | undefined {
  return (c, { origin, authorization }) => {
    // No Origin and not a preflight: no browser is asking, nothing to decide.
    if (c.req.method !== 'OPTIONS' && origin === undefined) return undefined;
    const decision = decideCors({
      path: c.req.path,
      method: c.req.method,
      origin,
      requestHeaders: c.req.header('Access-Control-Request-Headers'),
      hasApiToken: /^SSWS\s/i.test(authorization ?? ''),
      trustedOrigins,
    });
    if (decision.kind !== 'none') c.set('decision', decision.explanation);
    if (decision.kind === 'preflight') {
      // Okta answers every preflight 200 with an empty body; only the allow headers differ.
      return emptyResponse(c, 200, Object.entries(decision.headers));
    }
    if (decision.kind === 'actual') c.set('responseHeaders', withHeaders(c.get('responseHeaders'), decision.headers));
    return undefined;
  };
}
