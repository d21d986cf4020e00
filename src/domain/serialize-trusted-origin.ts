import type { components } from '../generated/openapi.js';
import { trustedOriginLinks } from './links.js';
import type { TrustedOriginRecord } from './trusted-origin.js';

/** The wire shape, as the contract in contracts/ defines it. */
export type TrustedOriginWire = components['schemas']['TrustedOrigin'];

/** The wire shape, keys in the order real Okta responses use. */
export function serializeTrustedOrigin(record: TrustedOriginRecord, orgUrl: string): TrustedOriginWire {
  return {
    id: record.id,
    name: record.name,
    origin: record.origin,
    scopes: record.scopes.map((s) =>
      s.allowedOktaApps === undefined ? { type: s.type } : { type: s.type, allowedOktaApps: [...s.allowedOktaApps] },
    ),
    status: record.status,
    created: record.created,
    createdBy: record.createdBy,
    lastUpdated: record.lastUpdated,
    lastUpdatedBy: record.lastUpdatedBy,
    _links: trustedOriginLinks(orgUrl, record.id, record.status),
  };
}
