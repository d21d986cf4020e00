import { OktaApiError } from '../errors.js';

/** Every API path the org serves, with the methods it answers; any other method is 405 E0000022. */
export const API_ENDPOINTS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/api\/v1\/trustedOrigins$/, ['GET', 'HEAD', 'POST']],
  [/^\/api\/v1\/trustedOrigins\/[^/]+$/, ['GET', 'HEAD', 'PUT', 'DELETE']],
  [/^\/api\/v1\/trustedOrigins\/[^/]+\/lifecycle\/(activate|deactivate)$/, ['POST']],
  [/^\/api\/v1\/users\/me$/, ['GET', 'HEAD']],
  [/^\/api\/v1\/sessions\/me$/, ['GET', 'HEAD', 'DELETE']],
  [/^\/api\/v1\/sessions\/me\/lifecycle\/refresh$/, ['POST']],
  [/^\/api\/v1\/authn$/, ['POST']],
  [/^\/\.well-known\/okta-organization$/, ['GET', 'HEAD']],
];

export function assertMethodAllowed(path: string, method: string): void {
  const entry = API_ENDPOINTS.find(([pattern]) => pattern.test(path));
  if (entry && !entry[1].includes(method)) throw OktaApiError.of('E0000022');
}
