/**
 * Whether the org follows a redirect target (`fromURI`, `redirectUrl`) out of
 * the org, and why: only to an ACTIVE trusted origin with the REDIRECT scope.
 * A target may differ from the trusted origin by its path; only its origin counts.
 */
import type { JournalDecision } from '../journal.js';
import { decideTrust, type TrustedOriginLookup } from './trust-decision.js';
import { originOfUrl } from './trusted-for.js';

export type ParsedRedirectTarget =
  | { ok: true; origin: string; /** What goes into `Location`. */ location: string }
  | { ok: false; reason: string };

/**
 * Target parsing, in one call so that a stricter parser can replace it whole.
 * The URL parser drops tabs and newlines, but a Location header cannot carry
 * them, so such a target is never followed.
 */
export function parseRedirectTarget(url: string): ParsedRedirectTarget {
  if (/[\x00-\x1f\x7f]/.test(url)) return { ok: false, reason: 'the redirect target contains control characters, which a Location header cannot carry' };
  const origin = originOfUrl(url);
  if (origin === undefined) return { ok: false, reason: 'the redirect target is not an absolute URL with an origin the org could trust' };
  return { ok: true, origin, location: url };
}

export interface RedirectDecision {
  explanation: JournalDecision;
  /** Where to send the browser when allowed; undefined when refused. */
  location: string | undefined;
}

export function decideRedirect(target: string, trustedOrigins: TrustedOriginLookup): RedirectDecision {
  const parsed = parseRedirectTarget(target);
  if (!parsed.ok) {
    return {
      explanation: { kind: 'redirect', subject: target, allowed: false, trustedOriginId: null, reason: parsed.reason, hint: null },
      location: undefined,
    };
  }
  const explanation = decideTrust({ kind: 'redirect', subject: target, origin: parsed.origin, scope: 'REDIRECT', trustedOrigins });
  return { explanation, location: explanation.allowed ? parsed.location : undefined };
}
