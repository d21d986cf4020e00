import type { Context } from 'hono';
import { redactQuery } from '../domain/redact-query.js';
import { toIsoString } from '../domain/timestamp.js';
import type { AppEnv } from '../http.js';
import type { SentHeaders } from '../sent-headers.js';
import type { Journal, JournalAuth, JournalEntry } from '../journal.js';
import { isOperatorPath } from '../domain/control-path.js';

/**
 * The control API and the Admin Console are not journaled, as WireMock does not journal its admin
 * calls: the console's own pages, scripts and live feed would otherwise flood the journal they show.
 */
const isUnjournaledPath = isOperatorPath;

const SESSION_COOKIE_SENT = /(?:^|;)\s*sid=[^;\s]/;
const SSWS = /^SSWS\s/i;

function authOf({ authorization, cookie }: SentHeaders): JournalAuth {
  if (authorization !== undefined && SSWS.test(authorization)) return 'ssws';
  if (cookie !== undefined && SESSION_COOKIE_SENT.test(cookie)) return 'session';
  return 'none';
}

/** The Okta SDKs mark a retry after a 429 with these headers; the journal shows it so a retry can be seen. */
function retryOf({ retryCount, retryFor }: SentHeaders): JournalEntry['retry'] {
  if (retryCount === undefined || !/^\d{1,6}$/.test(retryCount)) return undefined;
  return { count: Number(retryCount), for: retryFor?.slice(0, 100) ?? null };
}

/** What a request's journal entry is started with: `performance.now()` when it arrived, or NOT_JOURNALED. */
export type JournalStarted = number;
export const NOT_JOURNALED: JournalStarted = -1;

/**
 * The journal's two steps around a request, plain functions, not a
 * middleware: they run for every request, and the org's step calls them
 * without an async hop or a closure per request.
 *
 * `start` says whether there is an entry to keep (not for an operator path,
 * nor for a journal that records nothing). `finish` records the entry from
 * what the context holds once the app has answered (the request id sent, the
 * decision taken, the error code answered) and passes the answer on.
 */
export interface JournalSteps {
  start(c: Context<AppEnv>): JournalStarted;
  finish(c: Context<AppEnv>, started: JournalStarted, arrived: Date, sent: SentHeaders, response: Response): Response;
}

export function journalSteps(journal: Journal): JournalSteps {
  return {
    start: (c) => (!journal.isRecording || isUnjournaledPath(c.req.path) ? NOT_JOURNALED : performance.now()),
    finish: (c, started, arrived, sent, response) => {
      if (started === NOT_JOURNALED) return response;
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
        origin: sent.origin ?? null,
        auth: authOf(sent),
        errorCode: c.get('errorCode') ?? null,
        decision: c.get('decision') ?? null,
      };
      // Added only when present, and without a spread: this runs for every request.
      const fault = c.get('fault');
      if (fault) entry.fault = fault;
      if (sent.retryCount !== undefined) {
        const retry = retryOf(sent);
        if (retry) entry.retry = retry;
      }
      journal.record(entry);
      return response;
    },
  };
}
