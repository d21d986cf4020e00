import type { TrustedOriginRecord } from '../domain/trusted-origin.js';

/**
 * A record as the store hands it to the library: the store's own copy, made
 * here. @msw/data deep-copies every plain object it is given before
 * validating it (to cut the getters its relations define); a trusted origin
 * has no relations, and an instance of a class is taken as it is. That copy
 * was a tenth of a create's time, and a share of its garbage.
 */
export class StoredTrustedOrigin implements TrustedOriginRecord {
  id: string;
  name: string;
  origin: string;
  scopes: TrustedOriginRecord['scopes'];
  status: TrustedOriginRecord['status'];
  created: string;
  createdBy: string;
  lastUpdated: string;
  lastUpdatedBy: string;

  constructor(record: TrustedOriginRecord) {
    this.id = record.id;
    this.name = record.name;
    this.origin = record.origin;
    this.scopes = record.scopes.map((scope) => (scope.allowedOktaApps ? { ...scope, allowedOktaApps: [...scope.allowedOktaApps] } : { ...scope }));
    this.status = record.status;
    this.created = record.created;
    this.createdBy = record.createdBy;
    this.lastUpdated = record.lastUpdated;
    this.lastUpdatedBy = record.lastUpdatedBy;
  }
}
