import { OktaApiError } from '../errors.js';
import type { UserRecord } from '../store/schemas.js';
import type { UserStore } from '../store/user-store.js';

/**
 * Okta's API-token check: no usable Authorization at all is an invalid
 * session (403 E0000005); a token Okta does not know is 401 E0000011.
 */
export function requireApiTokenOwner(header: string | undefined, users: UserStore): UserRecord {
  const owner = apiTokenOwner(header, users);
  if (!owner) throw OktaApiError.of('E0000005');
  return owner;
}

/**
 * The user behind an `Authorization` header: undefined when there is no
 * usable header at all; 401 E0000011 when a token is given that Okta does not know.
 */
export function apiTokenOwner(header: string | undefined, users: UserStore): UserRecord | undefined {
  const match = header === undefined ? null : /^(SSWS|Bearer)\s+(\S+)\s*$/i.exec(header);
  if (!match) return undefined;
  const owner = match[1]!.toUpperCase() === 'SSWS' ? users.tokenOwner(match[2]!) : undefined;
  if (!owner) throw OktaApiError.of('E0000011');
  return owner;
}
