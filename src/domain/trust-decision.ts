/**
 * The one place that decides whether the org trusts an origin for a scope and
 * says why. The CORS and redirect decisions both go through `decideTrust`, so
 * the explanation a journal entry carries is the decision itself, never a
 * second reading of the rules.
 */
import type { JournalDecision } from '../journal.js';
import { nearMiss } from './near-miss.js';
import { trustingRecord } from './trusted-for.js';
import type { ScopeType, TrustedOriginRecord } from './trusted-origin.js';

export type TrustedCandidate = Pick<TrustedOriginRecord, 'id' | 'origin' | 'scopes' | 'status'>;

/** How a decision reads the org's trusted origins (the store implements it; tests use a list). */
export interface TrustedOriginLookup {
  /** Records with the same scheme, host and port: the only question an allowed request asks. */
  withSameOrigin(origin: string): readonly TrustedCandidate[];
  /** Records whose host is `host` (lower case): asked only to explain a refusal. */
  withHost(host: string): readonly TrustedCandidate[];
}

export function decideTrust(input: {
  kind: JournalDecision['kind'];
  /** What the journal names: the Origin (CORS) or the redirect target (redirect). */
  subject: string;
  /** The origin to trust: the Origin itself, or the redirect target's origin. */
  origin: string;
  scope: ScopeType;
  trustedOrigins: TrustedOriginLookup;
}): JournalDecision {
  const { kind, subject, origin, scope, trustedOrigins } = input;
  const record = trustingRecord(origin, scope, trustedOrigins.withSameOrigin(origin));
  if (record) {
    return { kind, subject, allowed: true, trustedOriginId: record.id, reason: `${origin} is a trusted origin for ${scope}`, hint: null };
  }
  const miss = nearMiss(origin, scope, trustedOrigins);
  return {
    kind,
    subject,
    allowed: false,
    trustedOriginId: miss?.trustedOriginId ?? null,
    reason: `${origin} is not a trusted origin for ${scope}`,
    hint: miss?.hint ?? null,
  };
}
