import { trustedOriginLinks, type TrustedOriginLinks } from './links.js';
import type { TrustedOriginRecord, TrustedOriginScope } from './trusted-origin.js';

export interface TrustedOriginWire {
  id: string;
  name: string;
  origin: string;
  scopes: TrustedOriginScope[];
  status: TrustedOriginRecord['status'];
  created: string;
  createdBy: string;
  lastUpdated: string;
  lastUpdatedBy: string;
  _links: TrustedOriginLinks;
}

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
