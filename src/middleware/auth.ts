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
  const sent = header === undefined ? undefined : parseAuthorization(header);
  if (!sent) return undefined;
  const owner = sent.ssws ? users.tokenOwner(sent.token) : undefined;
  if (!owner) throw OktaApiError.of('E0000011');
  return owner;
}

type SentAuthorization = { header: string; ssws: boolean; token: string };

/**
 * The last Authorization value parsed: a client sends the same one on every
 * request, so most requests compare one string instead of running the
 * pattern. Only the parse is kept; the token's owner is looked up each time.
 */
let lastParsed: SentAuthorization | undefined;

function parseAuthorization(header: string): SentAuthorization | undefined {
  if (lastParsed !== undefined && lastParsed.header === header) return lastParsed;
  const match = /^(SSWS|Bearer)\s+(\S+)\s*$/i.exec(header);
  if (!match) return undefined;
  lastParsed = { header, ssws: match[1]!.toUpperCase() === 'SSWS', token: match[2]! };
  return lastParsed;
}
