import type { MiddlewareHandler } from 'hono';
import { redactQuery } from '../domain/redact-query.js';
import { toIsoString } from '../domain/timestamp.js';
import type { AppEnv } from '../http.js';
import type { Journal, JournalAuth } from '../journal.js';

/** The control API's prefix (no Okta path uses it); its calls are not journaled, as WireMock does not journal its admin calls. */
export const CONTROL_PREFIX = '/__okta-mock';

const isControlPath = (path: string) => path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);

const SESSION_COOKIE_SENT = /(?:^|;)\s*sid=[^;\s]/;

function authOf(authorization: string | undefined, cookie: string | undefined): JournalAuth {
  if (authorization !== undefined && /^SSWS\s/i.test(authorization)) return 'ssws';
  if (cookie !== undefined && SESSION_COOKIE_SENT.test(cookie)) return 'session';
  return 'none';
}

/**
 * The app's outermost step: records every answered request once the rest of
 * the app has answered it, from what the context already holds (the request id
 * sent, the decision taken, the error code answered).
 */
export function journalRequests(journal: Journal, now: () => Date): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    if (!journal.isRecording || isControlPath(c.req.path)) return next();
    const arrived = now();
    const started = performance.now();
    // No async layer of its own: this step wraps every request.
    return next().then(() => {
      const url = c.req.url;
      const queryAt = url.indexOf('?');
      journal.record({
        requestId: c.get('responseHeaders')?.['X-Okta-Request-Id'] ?? '',
        time: toIsoString(arrived),
        method: c.req.method,
        path: c.req.path,
        query: queryAt < 0 ? '' : redactQuery(url.slice(queryAt + 1)),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        origin: c.req.header('Origin') ?? null,
        auth: authOf(c.req.header('Authorization'), c.req.header('Cookie')),
        errorCode: c.get('errorCode') ?? null,
        decision: c.get('decision') ?? null,
      });
    });
  };
}
