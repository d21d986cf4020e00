import type { LifecycleStatus } from './trusted-origin.js';

export interface HrefObject {
  href: string;
  hints: { allow: string[] };
}

export type TrustedOriginLinks =
  | { self: HrefObject; deactivate: HrefObject }
  | { activate: HrefObject; self: HrefObject };

export function trustedOriginHref(orgUrl: string, id: string): string {
  return `${orgUrl}/api/v1/trustedOrigins/${id}`;
}

/**
 * Key order is part of the wire format: Okta puts the lifecycle link after
 * `self` for ACTIVE origins and before it for INACTIVE ones.
 */
export function trustedOriginLinks(orgUrl: string, id: string, status: LifecycleStatus): TrustedOriginLinks {
  const href = trustedOriginHref(orgUrl, id);
  const self = { href, hints: { allow: ['GET', 'PUT', 'DELETE'] } };
  if (status === 'ACTIVE') {
    return { self, deactivate: { href: `${href}/lifecycle/deactivate`, hints: { allow: ['POST'] } } };
  }
  return { activate: { href: `${href}/lifecycle/activate`, hints: { allow: ['POST'] } }, self };
}
