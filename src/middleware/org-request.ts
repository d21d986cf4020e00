import type { MiddlewareHandler } from 'hono';
import { isPathUnder } from '../domain/path-prefix.js';
import type { FaultRules } from '../faults.js';
import type { AppEnv } from '../http.js';
import { assertMethodAllowed } from '../routes/allowed-methods.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';
import type { UserStore } from '../store/user-store.js';
import { requireApiTokenOwner } from './auth.js';
import { corsStep } from './cors.js';
import { limitsAndFaultsCheck } from './limits-and-faults.js';
import { pageHeaderStep } from './page-headers.js';
import { responseHeaderStamp, type ResponseHeaderDeps } from './response-headers.js';

export interface OrgRequestDeps extends ResponseHeaderDeps {
  faults: FaultRules;
  trustedOrigins: TrustedOriginStore;
  users: UserStore;
}


/**
 * The org's one step before routing, in the order Okta applies them: the
 * standard headers (request id, rate window, Date, …) on every answer; then,
 * on API and `/.well-known` paths, the CORS decision (a preflight is answered
 * here); then an enforced rate limit (429 E0000047) and the fault rules, on
 * every path but the operator's; then the method check (405 E0000022) and,
 * for the Trusted Origins API, the token check (403 E0000005, 401 E0000011).
 * Pages get their framing headers once the route has answered. One step, not
 * one middleware per concern: each Hono layer is an async hop on every
 * request's hot path.
 */
export function orgRequestStep(deps: OrgRequestDeps): MiddlewareHandler<AppEnv> {
  const stamp = responseHeaderStamp(deps);
  const cors = corsStep(deps.trustedOrigins);
  const limitsAndFaults = limitsAndFaultsCheck(deps.faults);
  const framePage = pageHeaderStep(deps.trustedOrigins);
  return (c, next) => {
    stamp(c);
    const path = c.req.path;
    if (isPathUnder(path, '/api') || isPathUnder(path, '/.well-known')) {
      const preflight = cors(c);
      if (preflight) return Promise.resolve(preflight);
      const checks = () => {
        assertMethodAllowed(path, c.req.method);
        if (isPathUnder(path, '/api/v1/trustedOrigins')) c.set('actor', requireApiTokenOwner(c.req.header('Authorization'), deps.users));
        return next();
      };
      const delayed = limitsAndFaults(c);
      return delayed ? delayed.then(checks) : checks();
    }
    const page = () => next().then(() => framePage(c));
    const delayed = limitsAndFaults(c);
    return delayed ? delayed.then(page) : page();
  };
}
