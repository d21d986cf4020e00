import { Hono } from 'hono';
import { getPath } from 'hono/utils/url';
import { seededRandom, type RandomSource } from './domain/random.js';
import { RateLimits } from './domain/rate-limit.js';
import { OktaApiError } from './errors.js';
import { FaultRules } from './faults.js';
import { Journal } from './journal.js';
import { cryptoRandom } from './secret-random.js';
import { stampResponseHeaders, type AppEnv } from './http.js';
import { errorAnswerer } from './middleware/error-answer.js';
import { mountWithOrgRequest, orgRequestMiddleware, orgRequestRun } from './middleware/org-request.js';
import { SessionModel } from './model/sessions.js';
import { TrustedOriginModel } from './model/trusted-origins.js';
import { orgOperations, type OrgOperations } from './org-operations.js';
import { CONSOLE_ROOT } from './console/paths.js';
import { consoleRoutes } from './console/routes.js';
import { CONTROL_PREFIX, controlRoutes } from './routes/control.js';
import { authnRoutes } from './routes/authn.js';
import { loginRoutes, SIGN_IN_PATH } from './routes/login.js';
import { sessionRoutes } from './routes/sessions.js';
import { trustedOriginRoutes } from './routes/trusted-origins.js';
import { userRoutes } from './routes/users.js';
import { wellKnownRoutes } from './routes/well-known.js';
import type { OrgStore } from './store/org-store.js';

export interface CreateAppOptions {
  /** The org's data; each app gets its own. */
  store: OrgStore;
  /** The org's clock. Defaults to the wall clock. */
  now?: () => Date;
  /**
   * Seed for ids, request ids and error ids; the same seed and clock give the same answers.
   * With a seed, session ids and session tokens are reproducible too, so predictable: for tests only.
   */
  randomSeed?: number;
  /** Enforce this many requests per minute per endpoint family (429 E0000047 past it); without it 600 is only reported. */
  rateLimit?: number;
  /** The org's rate-limit windows; defaults to ones of its own from `rateLimit`. */
  rateLimits?: RateLimits;
  /** The org's fault rules; defaults to an empty set of its own. */
  faults?: FaultRules;
  /** Where answered requests are recorded; defaults to a journal of its own. */
  journal?: Journal;
  /** What the control API calls (the org's own reset, export, import); defaults to ones over `store` and `journal`. */
  operations?: OrgOperations;
}

export type OktaMockApp = Hono<AppEnv>;

function randomSeedFromCrypto(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/**
 * The Node SDK sends `//api/v1/...` when the org URL ends with a slash, and
 * Okta serves it; collapse repeated slashes before routing.
 */
function collapsedPath(request: Request): string {
  const path = getPath(request);
  return path.includes('//') ? path.replace(/\/{2,}/g, '/') : path;
}

export function createApp(options: CreateAppOptions): OktaMockApp {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const random: RandomSource = seededRandom(options.randomSeed ?? randomSeedFromCrypto());
  const rateLimit = options.rateLimits ?? new RateLimits(options.rateLimit);
  const faults = options.faults ?? new FaultRules();
  const trustedOrigins = new TrustedOriginModel(store.trustedOrigins, { now, random });
  // Secrets never come from the stream that request ids expose, unless a seed asks for reproducible ones.
  const secretRandom = options.randomSeed === undefined ? cryptoRandom() : random;
  const sessions = new SessionModel(store.sessions, store.users, { now, random }, secretRandom);
  const journal = options.journal ?? new Journal();

  const app = new Hono<AppEnv>({ getPath: collapsedPath });

  const answerError = errorAnswerer(random);
  const run = orgRequestRun({ now, random, rateLimit, faults, journal, trustedOrigins: store.trustedOrigins, users: store.users, answerError });
  // The API's routes are one handler each inside the org's step (its hot path stays synchronous);
  // the pages and operator paths, whose routes have middleware of their own, get the step as middleware.
  // `c.req.path` is the routed path, repeated slashes collapsed.
  mountWithOrgRequest(app, '/.well-known', wellKnownRoutes(), run);
  mountWithOrgRequest(app, '/api/v1/trustedOrigins', trustedOriginRoutes(trustedOrigins), run);
  mountWithOrgRequest(app, '/api/v1/authn', authnRoutes(sessions), run);
  mountWithOrgRequest(app, '/api/v1/sessions', sessionRoutes(sessions), run);
  mountWithOrgRequest(app, '/api/v1/users', userRoutes(store.users, sessions), run);
  const orgStep = orgRequestMiddleware(run);
  app.use('/login/*', orgStep, stampResponseHeaders);
  app.route('/login', loginRoutes(sessions, store.trustedOrigins));
  app.get('/', orgStep, stampResponseHeaders, (c) => c.redirect(SIGN_IN_PATH, 302));
  app.use(`${CONSOLE_ROOT}/*`, orgStep, stampResponseHeaders);
  app.route(CONSOLE_ROOT, consoleRoutes({ sessions, trustedOrigins, trustedOriginRecords: store.trustedOrigins, journal, secretRandom }));
  app.use(`${CONTROL_PREFIX}/*`, orgStep);
  app.route(CONTROL_PREFIX, controlRoutes({ store, journal, faults, operations: options.operations ?? orgOperations(store, journal, undefined, [faults, rateLimit]) }));

  // Any other path or method: the step runs here unless middleware above already ran it (`/admin/nothing`).
  app.notFound((c) => {
    const notFound = () => answerError(c, OktaApiError.of('E0000007', c.req.path, 'Path'));
    return c.get('responseHeaders') === undefined ? run(c, notFound) : notFound();
  });
  app.onError((error, c) => answerError(c, error));

  return app;
}
