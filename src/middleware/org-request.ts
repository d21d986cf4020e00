import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http.js';
import { assertMethodAllowed } from '../routes/allowed-methods.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';
import type { UserStore } from '../store/user-store.js';
import { requireApiTokenOwner } from './auth.js';
import { corsStep } from './cors.js';
import { pageHeaderStep } from './page-headers.js';
import { responseHeaderStamp, type ResponseHeaderDeps } from './response-headers.js';

export interface OrgRequestDeps extends ResponseHeaderDeps {
  trustedOrigins: TrustedOriginStore;
  users: UserStore;
}

/** Hono's `/prefix/*`: the prefix itself and everything under it. */
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * The org's one step before routing, in the order Okta applies them: the
 * standard headers (request id, rate window, Date, …) on every answer; then,
 * on API and `/.well-known` paths, the CORS decision (a preflight is answered
 * here), the method check (405 E0000022) and, for the Trusted Origins API,
 * the token check (403 E0000005, 401 E0000011). Pages get their framing
 * headers once the route has answered. One step, not one middleware per
 * concern: each Hono layer is an async hop on every request's hot path.
 */
export function orgRequestStep(deps: OrgRequestDeps): MiddlewareHandler<AppEnv> {
  const stamp = responseHeaderStamp(deps);
  const cors = corsStep(deps.trustedOrigins);
  const framePage = pageHeaderStep(deps.trustedOrigins);
  return (c, next) => {
    stamp(c);
    const path = c.req.path;
    if (under(path, '/api') || under(path, '/.well-known')) {
      const preflight = cors(c);
      if (preflight) return Promise.resolve(preflight);
      assertMethodAllowed(path, c.req.method);
      if (under(path, '/api/v1/trustedOrigins')) c.set('actor', requireApiTokenOwner(c.req.header('Authorization'), deps.users));
      return next();
    }
    return next().then(() => framePage(c));
  };
}
