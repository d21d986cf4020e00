import type { Context } from 'hono';
import { redactQuery } from '../domain/redact-query.js';
import { toIsoString } from '../domain/timestamp.js';
import type { AppEnv, SentHeaders } from '../http.js';
import type { Journal, JournalAuth, JournalEntry } from '../journal.js';
import { isOperatorPath } from '../domain/control-path.js';

/**
 * The control API and the Admin Console are not journaled, as WireMock does not journal its admin
 * calls: the console's own pages, scripts and live feed would otherwise flood the journal they show.
 */
const isUnjournaledPath = isOperatorPath;

const SESSION_COOKIE_SENT = /(?:^|;)\s*sid=[^;\s]/;

function authOf(authorization: string | undefined, cookie: () => string | undefined): JournalAuth {
  if (authorization !== undefined && /^SSWS\s/i.test(authorization)) return 'ssws';
  const sent = cookie();
  if (sent !== undefined && SESSION_COOKIE_SENT.test(sent)) return 'session';
  return 'none';
}

/** The Okta SDKs mark a retry after a 429 with these headers; the journal shows it so a retry can be seen. */
function retryOf(count: string | undefined, retryFor: string | undefined): JournalEntry['retry'] {
  if (count === undefined || !/^\d{1,6}$/.test(count)) return undefined;
  return { count: Number(count), for: retryFor?.slice(0, 100) ?? null };
}

/** What the org's pre-route step hands the journal once a request is answered. */
export type JournalFinish = (response: Response, sent: SentHeaders) => Response;

/**
 * Starts the journal entry of a request, or returns undefined when there is
 * none to keep (an operator path, or a journal that records nothing). The
 * returned finish records the entry from what the context holds once the app
 * has answered (the request id sent, the decision taken, the error code
 * answered) and passes the answer on. A plain function, not a middleware: it
 * runs for every request, and the org's step calls it without an async hop.
 */
export function journalStart(journal: Journal): (c: Context<AppEnv>, arrived: Date) => JournalFinish | undefined {
  return (c, arrived) => {
    if (!journal.isRecording || isUnjournaledPath(c.req.path)) return undefined;
    const started = performance.now();
    return (response, { origin, authorization }) => {
      const url = c.req.url;
      const queryAt = url.indexOf('?');
      const entry: JournalEntry = {
        requestId: c.get('responseHeaders')?.['X-Okta-Request-Id'] ?? '',
        time: toIsoString(arrived),
        method: c.req.method,
        path: c.req.path,
        query: queryAt < 0 ? '' : redactQuery(url.slice(queryAt + 1)),
        status: response.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        origin: origin ?? null,
        auth: authOf(authorization, () => c.req.header('Cookie')),
        errorCode: c.get('errorCode') ?? null,
        decision: c.get('decision') ?? null,
      };
      // Added only when present, and without a spread: this runs for every request.
      const fault = c.get('fault');
      if (fault) entry.fault = fault;
      const retryCount = c.req.header('X-Okta-Retry-Count');
      if (retryCount !== undefined) {
        const retry = retryOf(retryCount, c.req.header('X-Okta-Retry-For'));
        if (retry) entry.retry = retry;
      }
      journal.record(entry);
      return response;
    };
  };
}
