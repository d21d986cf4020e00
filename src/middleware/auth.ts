import type { MiddlewareHandler } from 'hono';
import { OktaApiError } from '../errors.js';
import type { UserStore } from '../store/user-store.js';

/**
 * Okta's API-token check: no usable Authorization at all is an invalid
 * session (403 E0000005); a token Okta does not know is 401 E0000011.
 */
export function requireApiToken(users: UserStore): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const match = header === undefined ? null : /^(SSWS|Bearer)\s+(\S+)\s*$/i.exec(header);
    if (!match) throw OktaApiError.of('E0000005');
    const owner = match[1]!.toUpperCase() === 'SSWS' ? users.tokenOwner(match[2]!) : undefined;
    if (!owner) throw OktaApiError.of('E0000011');
    c.set('actor', owner);
    await next();
  };
}
