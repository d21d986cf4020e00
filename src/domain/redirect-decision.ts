/**
 * Whether the org follows a redirect target (`fromURI`, `redirectUrl`) out of
 * the org, and why: only to an ACTIVE trusted origin with the REDIRECT scope.
 * A target may differ from the trusted origin by its path; only its origin counts.
 */
import type { JournalDecision } from '../journal.js';
import { decideTrust, type TrustedOriginLookup } from './trust-decision.js';
import { parseRedirectTarget } from './redirect-target.js';

export interface RedirectDecision {
  explanation: JournalDecision;
  /** Where to send the browser when allowed; undefined when refused. */
  location: string | undefined;
}

export function decideRedirect(target: string, trustedOrigins: TrustedOriginLookup): RedirectDecision {
  const parsed = parseRedirectTarget(target);
  if (!parsed.ok) {
    return {
      explanation: { kind: 'redirect', subject: target, allowed: false, trustedOriginId: null, reason: `${target} is not a redirect target the org follows: ${parsed.reason}`, hint: null },
      location: undefined,
    };
  }
  const explanation = decideTrust({ kind: 'redirect', subject: target, origin: parsed.origin, scope: 'REDIRECT', trustedOrigins });
  return { explanation, location: explanation.allowed ? parsed.location : undefined };
}
