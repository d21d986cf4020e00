import { OktaApiError } from '../errors.js';
import { newId } from './ids.js';
import { seededRandom } from './random.js';
import { canonicalOrigin } from './trusted-for.js';
import type { ScopeType, TrustedOriginRecord } from './trusted-origin.js';
import { validateTrustedOriginInput } from './validate-trusted-origin.js';

/** What `--trust` turns on: the origin may call the CORS endpoints and be redirected to. */
export const TRUST_SCOPES: readonly ScopeType[] = ['CORS', 'REDIRECT'];

export class TrustOptionError extends Error {
  override name = 'TrustOptionError';
}

export interface TrustAtStartContext {
  /** The time stamped on records created or changed, already in Okta's `.000Z` form. */
  now: string;
  /** Who created them: the org's first user. */
  actorId: string;
}

/** FNV-1a: a stable number from the origin, so `--trust X` gets the same id on every start. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The trusted origins with every origin of `--trust` ACTIVE and holding both
 * CORS and REDIRECT: a record for the same scheme, host and port is changed
 * (a missing scope added, an INACTIVE one activated); otherwise a record named
 * after the origin is added. Each origin passes the API's own validation first.
 */
export function trustAtStart(
  records: readonly TrustedOriginRecord[],
  origins: readonly string[],
  context: TrustAtStartContext,
): TrustedOriginRecord[] {
  const result = records.map((r) => ({ ...r, scopes: r.scopes.map((s) => ({ ...s })) }));
  for (const origin of origins) {
    try {
      validateTrustedOriginInput({ name: origin, origin, scopes: TRUST_SCOPES.map((type) => ({ type })) });
    } catch (error) {
      const why = error instanceof OktaApiError ? error.errorCauses.map((c) => c.errorSummary).join('; ') : String(error);
      throw new TrustOptionError(`--trust ${JSON.stringify(origin)} is not a valid origin (${why}); expected e.g. http://localhost:3000`);
    }
    const key = canonicalOrigin(origin);
    const existing = result.find((r) => canonicalOrigin(r.origin) === key);
    if (existing) {
      const missing = TRUST_SCOPES.filter((type) => !existing.scopes.some((s) => s.type === type));
      if (missing.length === 0 && existing.status === 'ACTIVE') continue;
      existing.scopes.push(...missing.map((type) => ({ type })));
      existing.status = 'ACTIVE';
      existing.lastUpdated = context.now;
      existing.lastUpdatedBy = context.actorId;
      continue;
    }
    const random = seededRandom(hashOf(origin));
    let id = newId('trustedOrigin', random);
    while (result.some((r) => r.id === id)) id = newId('trustedOrigin', random);
    const name = result.some((r) => r.name === origin) ? `${origin} (--trust)` : origin;
    result.push({
      id,
      name,
      origin,
      scopes: TRUST_SCOPES.map((type) => ({ type })),
      status: 'ACTIVE',
      created: context.now,
      createdBy: context.actorId,
      lastUpdated: context.now,
      lastUpdatedBy: context.actorId,
    });
  }
  return result;
}
