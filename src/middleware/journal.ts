import type { MiddlewareHandler } from 'hono';
import { redactQuery } from '../domain/redact-query.js';
import type { AppEnv } from '../http.js';
import type { Journal, JournalAuth } from '../journal.js';
import { isOperatorPath } from '../domain/control-path.js';

/**
 * The control API and the Admin Console are not journaled, as WireMock does not journal its admin
 * calls: the console's own pages, scripts and live feed would otherwise flood the journal they show.
 */
const isUnjournaledPath = isOperatorPath;

const SESSION_COOKIE_SENT = /(?:^|;)\s*sid=[^;\s]/;

function authOf(authorization: string | undefined, cookie: string | undefined): JournalAuth {
  if (authorization !== undefined && /^SSWS\s/i.test(authorization)) return 'ssws';
  if (cookie !== undefined && SESSION_COOKIE_SENT.test(cookie)) return 'session';
  return 'none';
}

/** The Okta SDKs mark a retry after a 429 with these headers; the journal shows it so a retry can be seen. */
function retryOf(count: string | undefined, retryFor: string | undefined): { retry?: { count: number; for: string | null } } {
  if (count === undefined || !/^\d{1,6}$/.test(count)) return {};
  return { retry: { count: Number(count), for: retryFor?.slice(0, 100) ?? null } };
}

/**
 * The app's outermost step: records every answered request once the rest of
 * the app has answered it, from what the context already holds (the request id
 * sent, the decision taken, the error code answered).
 */
export function journalRequests(journal: Journal, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!journal.isRecording || isUnjournaledPath(c.req.path)) return next();
    const arrived = now();
    const started = performance.now();
    await next();
    const url = c.req.url;
    const queryAt = url.indexOf('?');
    journal.record({
      requestId: c.var.responseHeaders?.['X-Okta-Request-Id'] ?? '',
      time: arrived.toISOString(),
      method: c.req.method,
      path: c.req.path,
      query: queryAt < 0 ? '' : redactQuery(url.slice(queryAt + 1)),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      origin: c.req.header('Origin') ?? null,
      auth: authOf(c.req.header('Authorization'), c.req.header('Cookie')),
      errorCode: c.var.errorCode ?? null,
      decision: c.var.decision ?? null,
      ...(c.var.fault ? { fault: c.var.fault } : {}),
      ...retryOf(c.req.header('X-Okta-Retry-Count'), c.req.header('X-Okta-Retry-For')),
    });
  };
}
