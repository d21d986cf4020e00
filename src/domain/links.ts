import type { components } from '../generated/openapi.js';
import type { LifecycleStatus } from './trusted-origin.js';

export type HrefObject = components['schemas']['HrefObject'];
export type TrustedOriginLinks = components['schemas']['TrustedOriginLinks'];

export function trustedOriginHref(orgUrl: string, id: string): string {
  return `${orgUrl}/api/v1/trustedOrigins/${id}`;
}

/**
 * Key order is part of the wire format: Okta puts the lifecycle link after
 * `self` for ACTIVE origins and before it for INACTIVE ones.
 */
export function trustedOriginLinks(orgUrl: string, id: string, status: LifecycleStatus): TrustedOriginLinks {
  const href = trustedOriginHref(orgUrl, id);
  const self: HrefObject = { href, hints: { allow: ['GET', 'PUT', 'DELETE'] } };
  if (status === 'ACTIVE') {
    return { self, deactivate: { href: `${href}/lifecycle/deactivate`, hints: { allow: ['POST'] } } };
  }
  return { activate: { href: `${href}/lifecycle/activate`, hints: { allow: ['POST'] } }, self };
}
