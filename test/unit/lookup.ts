import { parseOrigin } from '../../src/domain/origin-url.js';
import type { TrustedCandidate, TrustedOriginLookup } from '../../src/domain/trust-decision.js';
import { canonicalOrigin } from '../../src/domain/trusted-for.js';

/** The store's lookups over a plain list, for the decision tables. */
export function listLookup(records: readonly TrustedCandidate[]): TrustedOriginLookup {
  return {
    withSameOrigin: (origin) => {
      const key = canonicalOrigin(origin);
      return key === undefined ? [] : records.filter((r) => canonicalOrigin(r.origin) === key);
    },
    withHost: (host) => records.filter((r) => parseOrigin(r.origin)?.host === host),
  };
}

let nextId = 0;
/** A trusted origin record with the given scopes (ACTIVE unless said otherwise) and a recognisable id. */
export function trusted(
  origin: string,
  scopes: Array<'CORS' | 'REDIRECT' | 'IFRAME_EMBED'>,
  status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE',
  id = `tos${String(++nextId).padStart(17, '0')}`,
): TrustedCandidate {
  return { id, origin, scopes: scopes.map((type) => ({ type })), status };
}
