import type { Context, Hono, MiddlewareHandler, Next } from 'hono';
import { isPathUnder } from '../domain/path-prefix.js';
import type { FaultRules } from '../faults.js';
import type { AppEnv } from '../http.js';
import { readSentHeaders, type SentHeaders } from '../sent-headers.js';
import type { Journal } from '../journal.js';
import { assertMethodAllowed } from '../routes/allowed-methods.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';
import type { UserStore } from '../store/user-store.js';
import { requireApiTokenOwner } from './auth.js';
import { corsStep } from './cors.js';
import { journalSteps } from './journal.js';
import { limitsAndFaultsCheck } from './limits-and-faults.js';
import { pageHeaderStep } from './page-headers.js';
import { responseHeaderStamp, type ResponseHeaderDeps } from './response-headers.js';

export interface OrgRequestDeps extends ResponseHeaderDeps {
  faults: FaultRules;
  journal: Journal;
  trustedOrigins: TrustedOriginStore;
  users: UserStore;
  /** How a thrown error is answered (middleware/error-answer.ts). */
  answerError: (c: Context<AppEnv>, error: unknown) => Response;
}

export type OrgAnswer = Response | Promise<Response>;

/**
 * Runs the org's step around a route: `(c, route, routed) => answer`.
 * `routed`: the route is one mounted by mountWithOrgRequest, whose method
 * that mount checked against the endpoint table already.
 */
export type OrgRequestRun = (c: Context<AppEnv>, route: () => OrgAnswer, routed?: boolean) => OrgAnswer;

const isApiPath = (path: string) => isPathUnder(path, '/api') || isPathUnder(path, '/.well-known');

/**
 * The org's one step around every request, in the order Okta applies them:
 * the journal entry is opened; the standard headers (request id, rate window,
 * Date, …) go on every answer; then, on API and `/.well-known` paths, the CORS
 * decision (a preflight is answered here); then an enforced rate limit (429
 * E0000047) and the fault rules, on every path but the operator's; then the
 * method check (405 E0000022) and, for the Trusted Origins API, the token check
 * (403 E0000005, 401 E0000011); then the route. What any of them throws is
 * answered as Okta answers it. Pages get their framing headers from the route's
 * answer, and the journal records the answer last.
 *
 * A plain function, not a chain of middleware: it stays synchronous whenever
 * the route is (a GET by id, a list), so the node server writes the answer in
 * the same tick instead of after a promise per layer. Only a body read, a
 * store write or a fault's delay makes it asynchronous.
 */
export function orgRequestRun(deps: OrgRequestDeps): OrgRequestRun {
  const stamp = responseHeaderStamp(deps);
  const journal = journalSteps(deps.journal);
  const cors = corsStep(deps.trustedOrigins);
  const limitsAndFaults = limitsAndFaultsCheck(deps.faults);
  const framePage = pageHeaderStep(deps.trustedOrigins);

  const apiRequest = (c: Context<AppEnv>, path: string, sent: SentHeaders, route: () => OrgAnswer, routed: boolean): OrgAnswer => {
    const preflight = cors(c, sent);
    if (preflight) return preflight;
    const checks = () => {
      if (!routed) assertMethodAllowed(path, c.req.method);
      if (isPathUnder(path, '/api/v1/trustedOrigins')) c.set('actor', requireApiTokenOwner(sent.authorization, deps.users));
      return route();
    };
    const delayed = limitsAndFaults(c);
    return delayed ? delayed.then(checks) : checks();
  };

  const pageRequest = (c: Context<AppEnv>, route: () => OrgAnswer): OrgAnswer => {
    const page = () => {
      const answer = route();
      return answer instanceof Promise ? answer.then((res) => framePage(c, res)) : framePage(c, answer);
    };
    const delayed = limitsAndFaults(c);
    return delayed ? delayed.then(page) : page();
  };

  return (c, route, routed = false) => {
    const started = journal.start(c);
    const arrived = stamp(c);
    const sent = readSentHeaders(c);
    c.set('sentHeaders', sent);
    const path = c.req.path;
    let answer: OrgAnswer;
    try {
      answer = isApiPath(path) ? apiRequest(c, path, sent, route, routed) : pageRequest(c, route);
    } catch (error) {
      answer = deps.answerError(c, error);
    }
    if (answer instanceof Promise) {
      // One reaction for both outcomes, not catch() then then(): each link is a microtask per request.
      return answer.then(
        (res) => journal.finish(c, started, arrived, sent, res),
        (error: unknown) => journal.finish(c, started, arrived, sent, deps.answerError(c, error)),
      );
    }
    return journal.finish(c, started, arrived, sent, answer);
  };
}

/** The same step as a Hono middleware, for the pages and operator paths whose routes have middleware of their own. */
export function orgRequestMiddleware(run: OrgRequestRun): MiddlewareHandler<AppEnv> {
  return (c, next: Next) => Promise.resolve(run(c, () => next().then(() => c.res)));
}

/**
 * Mounts API routes under `prefix` with each route one handler run inside the
 * org's step, so Hono calls it directly instead of composing a middleware
 * chain (the chain's promise per layer was a tenth of a GET's time). The
 * routes must be handlers only: middleware of their own needs
 * orgRequestMiddleware and `app.route()` instead.
 */
export function mountWithOrgRequest(app: Hono<AppEnv>, prefix: string, routes: Hono<AppEnv>, run: OrgRequestRun): void {
  const mounted = app.basePath(prefix);
  for (const { method, path, handler } of routes.routes) {
    if (method === 'ALL') throw new Error(`mountWithOrgRequest: ${prefix}${path} is middleware; mount these routes with app.route()`);
    // The method check (405 E0000022) is made here, once, instead of on every request the route answers.
    const example = `${prefix}${path === '/' ? '' : path.replace(/:[^/]+/g, 'x')}`;
    try {
      assertMethodAllowed(example, method);
    } catch {
      throw new Error(`mountWithOrgRequest: ${method} ${prefix}${path} is a method the endpoint table does not allow`);
    }
    mounted.on(method, path, (c, next) => run(c, () => handler(c, next) as OrgAnswer, true));
  }
}
