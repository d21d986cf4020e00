/**
 * The request view's one-click fix: what to change so that a refused CORS or
 * redirect decision passes next time. The refused origin (the `Origin` for
 * CORS, the target's origin for a redirect) gets the scope that was missing:
 * on the record that already names exactly that origin, or on a new one.
 */
import type { JournalEntry } from '../journal.js';
import { parseRedirectTarget } from './redirect-target.js';
import { canonicalOrigin } from './trusted-for.js';
import type { ScopeType, TrustedOriginRecord, TrustedOriginScope } from './trusted-origin.js';

/** The scopes a refused decision can lack. */
export type FixScope = Extract<ScopeType, 'CORS' | 'REDIRECT'>;

export type TrustFixCandidate = Pick<TrustedOriginRecord, 'id' | 'name' | 'origin' | 'scopes' | 'status'>;

export type TrustFix =
  /** A new ACTIVE trusted origin named after the origin, with the missing scope. */
  | { action: 'create'; origin: string; scope: FixScope; name: string }
  /** The record for exactly that origin: its scopes become `scopes`, and it is activated when `activate`. */
  | { action: 'update'; origin: string; scope: FixScope; trustedOriginId: string; name: string; scopes: TrustedOriginScope[]; addScope: boolean; activate: boolean }
  /** Trusting an origin would not make this entry pass (or it already would). */
  | { action: 'none'; reason: string };

export interface TrustFixInput {
  entry: Pick<JournalEntry, 'decision' | 'auth'>;
  /** The records whose origin has the same scheme, host and port as `origin` (the store's `withSameOrigin`). */
  recordsFor: (origin: string) => readonly TrustFixCandidate[];
  /** Whether a trusted origin already has this name (names are unique, as in Okta). */
  nameTaken: (name: string) => boolean;
}

/** How the console's words name a scope: the guide's "CORS" and "Redirect". */
export const SCOPE_WORDS: Readonly<Record<FixScope, string>> = { CORS: 'CORS', REDIRECT: 'Redirect' };

const hasScope = (record: TrustFixCandidate, scope: ScopeType) => record.scopes.some((s) => s.type === scope);

/** The origin that was refused and the scope it lacked, or why there is none to trust. */
function refusedOrigin(entry: TrustFixInput['entry']): { origin: string; scope: FixScope } | { reason: string } {
  const decision = entry.decision;
  if (decision === null) return { reason: 'the request had no CORS or redirect decision' };
  if (decision.allowed) return { reason: `the org already allowed it: ${decision.reason}` };
  if (decision.kind === 'cors') {
    // Okta never sends CORS headers to an API-token request, trusted origin or not.
    if (entry.auth === 'ssws') return { reason: 'it carried an SSWS API token, which never gets CORS headers whatever the org trusts' };
    const origin = canonicalOrigin(decision.subject);
    if (origin === undefined) return { reason: `${decision.subject === '' ? 'no Origin' : decision.subject} is not an origin a trusted origin can name` };
    return { origin, scope: 'CORS' };
  }
  const target = parseRedirectTarget(decision.subject);
  if (!target.ok) return { reason: `the target is not one the org follows: ${target.reason}` };
  return { origin: target.origin, scope: 'REDIRECT' };
}

/** The first free name of `origin`, `origin (2)`, `origin (3)`, ... */
function freeName(origin: string, nameTaken: (name: string) => boolean): string {
  if (!nameTaken(origin)) return origin;
  let n = 2;
  while (nameTaken(`${origin} (${n})`)) n++;
  return `${origin} (${n})`;
}

export function decideTrustFix({ entry, recordsFor, nameTaken }: TrustFixInput): TrustFix {
  const refused = refusedOrigin(entry);
  if ('reason' in refused) return { action: 'none', reason: refused.reason };
  const { origin, scope } = refused;
  const same = recordsFor(origin).filter((r) => canonicalOrigin(r.origin) === origin);
  if (same.some((r) => r.status === 'ACTIVE' && hasScope(r, scope))) {
    return { action: 'none', reason: `${origin} is already a trusted origin for ${scope}` };
  }
  // A record that has the scope needs only activating; otherwise prefer an ACTIVE one, so nothing else changes.
  const record = same.find((r) => hasScope(r, scope)) ?? same.find((r) => r.status === 'ACTIVE') ?? same[0];
  if (record === undefined) return { action: 'create', origin, scope, name: freeName(origin, nameTaken) };
  const addScope = !hasScope(record, scope);
  return {
    action: 'update',
    origin,
    scope,
    trustedOriginId: record.id,
    name: record.name,
    scopes: addScope ? [...record.scopes, { type: scope }] : record.scopes,
    addScope,
    activate: record.status !== 'ACTIVE',
  };
}

/** The fix button's words: "Trust https://app.example for CORS". */
export const trustFixLabel = (fix: { origin: string; scope: FixScope }): string => `Trust ${fix.origin} for ${SCOPE_WORDS[fix.scope]}`;

/** What the fix will do, for its confirmation and its outcome. */
export function describeTrustFix(fix: TrustFix): string {
  if (fix.action === 'none') return `Nothing to change: ${fix.reason}.`;
  const scope = SCOPE_WORDS[fix.scope];
  if (fix.action === 'create') return `A new ACTIVE trusted origin "${fix.name}" for ${fix.origin} with ${scope}.`;
  const steps = [fix.addScope ? `${scope} added to its types` : undefined, fix.activate ? 'activated' : undefined].filter(Boolean).join(' and ');
  return `The trusted origin "${fix.name}" (${fix.trustedOriginId}) for ${fix.origin}: ${steps}.`;
}
