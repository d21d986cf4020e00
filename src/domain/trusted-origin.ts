import type { components } from '../generated/openapi.js';

/** The storage shape of a trusted origin: what the org keeps, without `_links`. */
export type ScopeType = components['schemas']['TrustedOriginScopeType'];
export type LifecycleStatus = components['schemas']['LifecycleStatus'];
export type TrustedOriginScope = components['schemas']['TrustedOriginScope'];
export type OktaApp = NonNullable<TrustedOriginScope['allowedOktaApps']>[number];

// Runtime lists of the contract's enums; `satisfies` keeps them in step with it.
export const SCOPE_TYPES = ['CORS', 'IFRAME_EMBED', 'REDIRECT'] as const satisfies readonly ScopeType[];
export const OKTA_APPS = ['OKTA_ENDUSER'] as const satisfies readonly OktaApp[];

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
