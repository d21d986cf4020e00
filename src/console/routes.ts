import { Hono } from 'hono';
import type { Journal } from '../journal.js';
import type { SessionModel } from '../model/sessions.js';
import type { TrustedOriginModel } from '../model/trusted-origins.js';
import type { RandomSource } from '../domain/random.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';
import { requireConsoleAdmin, type ConsoleEnv } from './auth.js';
import { JAVASCRIPT } from './assets.js';
import { ConsoleCsrfTokens } from './csrf.js';
import { CONSOLE_ASSETS, CONSOLE_HOME, CONSOLE_ROOT } from './paths.js';
import { requestsView } from './requests-view.js';
import { trustedOriginsTab } from './trusted-origins-tab.js';

export interface ConsoleDeps {
  sessions: SessionModel;
  /** The API's operations: every change the console makes goes through them. */
  trustedOrigins: TrustedOriginModel;
  /** The records as they are now, for reading. */
  trustedOriginRecords: TrustedOriginStore;
  journal: Journal;
  /** For the CSRF tokens: the org's secret source. */
  secretRandom: RandomSource;
}

/** What each console page module gets: the routes to add its pages to, and where to put its scripts. */
export interface ConsolePageContext extends ConsoleDeps {
  routes: Hono<ConsoleEnv>;
  assets: Map<string, string>;
}

/**
 * The Admin Console, under `/admin`. Its changes go through the same models as
 * the API, so a change applies to the very next request and is validated the
 * same way.
 */
export function consoleRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  const assets = new Map<string, string>();
  const context: ConsolePageContext = { ...deps, routes, assets };

  // Scripts carry no secret and no org data, so they are served before the sign-in check.
  routes.get(`${CONSOLE_ASSETS.slice(CONSOLE_ROOT.length)}/:name`, (c) => {
    const script = assets.get(c.req.param('name'));
    if (script === undefined) return c.notFound();
    return c.body(script, 200, { 'Content-Type': JAVASCRIPT, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
  });
  routes.use('*', async (c, next) => {
    c.set('orgPage', 'admin-console');
    await next();
  });
  routes.use('*', requireConsoleAdmin(deps.sessions, new ConsoleCsrfTokens(deps.secretRandom)));
  routes.get('/', (c) => c.redirect(CONSOLE_HOME, 302));
  trustedOriginsTab(context);
  requestsView(context);
  return routes;
}
