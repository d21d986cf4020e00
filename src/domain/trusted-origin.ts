/** The storage shape of a trusted origin: what the org keeps, without `_links`. */
export const SCOPE_TYPES = ['CORS', 'IFRAME_EMBED', 'REDIRECT'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];
export const OKTA_APPS = ['OKTA_ENDUSER'] as const;
export type OktaApp = (typeof OKTA_APPS)[number];
export type LifecycleStatus = 'ACTIVE' | 'INACTIVE';

export interface TrustedOriginScope {
  type: ScopeType;
  allowedOktaApps?: OktaApp[];
}

export interface TrustedOriginRecord {
  id: string;
  name: string;
  origin: string;
  scopes: TrustedOriginScope[];
  status: LifecycleStatus;
  created: string;
  createdBy: string;
  lastUpdated: string;
  lastUpdatedBy: string;
}

/** The writable part: what POST takes and what PUT replaces. */
export interface TrustedOriginInput {
  name: string;
  origin: string;
  scopes: TrustedOriginScope[];
}
