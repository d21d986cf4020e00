/**
 * The request view's rows, as the page's script polls them: the journal's
 * entries after the one the page has, filtered as the page's URL says, each
 * with the one-click fix the server would make for it now.
 */
import { decideTrustFix, describeTrustFix, trustFixLabel, type TrustFix } from '../domain/trust-fix.js';
import { matchesRequestFilter, isRefused, type RequestFilter } from '../domain/request-filter.js';
import type { Journal, JournalEntry } from '../journal.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';

/** The most rows one answer carries; the page keeps no more than this either. */
export const FEED_LIMIT = 200;

/** A journal entry as a row of the page: the entry's own fields (the query already redacted by the journal), then the page's. */
export interface RequestRow extends Pick<JournalEntry, 'requestId' | 'time' | 'method' | 'path' | 'query' | 'status' | 'origin' | 'errorCode'> {
  /** The fault rule that answered or delayed the request, by id. */
  fault: string | null;
  /** Which retry this was, as an Okta SDK marked it after a 429. */
  retry: number | null;
  decision: Pick<NonNullable<JournalEntry['decision']>, 'kind' | 'subject' | 'allowed' | 'reason' | 'hint'> | null;
  refused: boolean;
  /** The fix button's words and what it will do, when trusting an origin would make this request pass. */
  fix: { label: string; confirm: string } | null;
}

export interface RequestFeed {
  /** The newest request id in the journal (filtered out or not): the page's next `since`. */
  latest: string | null;
  /** True when `since` is no longer in the journal (it was cleared or rolled over): the page starts afresh. */
  reset: boolean;
  /** Newest first. */
  rows: RequestRow[];
}

/** The fix for a journaled entry, decided against the org's trusted origins as they are now. */
export function trustFixFor(entry: Pick<JournalEntry, 'decision' | 'auth'>, records: TrustedOriginStore): TrustFix {
  return decideTrustFix({
    entry,
    recordsFor: (origin) => records.withSameOrigin(origin),
    nameTaken: (name) => records.idWithName(name) !== undefined,
  });
}

function rowOf(entry: JournalEntry, records: TrustedOriginStore): RequestRow {
  const refused = isRefused(entry);
  const fix = refused ? trustFixFor(entry, records) : undefined;
  const decision = entry.decision;
  return {
    requestId: entry.requestId,
    time: entry.time,
    method: entry.method,
    path: entry.path,
    query: entry.query,
    status: entry.status,
    origin: entry.origin,
    errorCode: entry.errorCode,
    fault: entry.fault?.id ?? null,
    retry: entry.retry?.count ?? null,
    decision: decision && { kind: decision.kind, subject: decision.subject, allowed: decision.allowed, reason: decision.reason, hint: decision.hint },
    refused,
    fix: fix && fix.action !== 'none' ? { label: trustFixLabel(fix), confirm: describeTrustFix(fix) } : null,
  };
}

export function requestFeed(journal: Journal, records: TrustedOriginStore, options: { since: string | undefined; filter: RequestFilter; limit?: number }): RequestFeed {
  const all = journal.entries();
  const at = options.since === undefined ? -1 : all.findIndex((e) => e.requestId === options.since);
  const reset = options.since !== undefined && at < 0;
  const after = at < 0 ? all : all.slice(at + 1);
  const matching = after.filter((entry) => matchesRequestFilter(entry, options.filter));
  const newest = matching.slice(-(options.limit ?? FEED_LIMIT)).reverse();
  return { latest: all.at(-1)?.requestId ?? null, reset, rows: newest.map((entry) => rowOf(entry, records)) };
}
