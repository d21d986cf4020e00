import { Hono, type MiddlewareHandler } from 'hono';
import { OktaApiError } from '../errors.js';
import { emptyResponse, jsonResponse, orgUrlOf, readJsonBody, type AppEnv } from '../http.js';
import type { FaultRules } from '../faults.js';
import type { Journal } from '../journal.js';
import { apiTokenOwner } from '../middleware/auth.js';
import type { OrgOperations } from '../org-operations.js';
import { FixtureError, parseFixtures } from '../store/fixtures.js';
import type { OrgStore } from '../store/org-store.js';
import { faultRoutes } from './control-faults.js';

export { CONTROL_PREFIX } from '../domain/control-path.js';

/**
 * Only the org's API token, and never from a web page of another origin: a
 * page could otherwise reset or read the org (the answers carry no CORS
 * headers either, so a browser would not let the page read them anyway).
 */
function requireOperator(users: OrgStore['users']): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const owner = apiTokenOwner(c.req.header('Authorization'), users);
    if (!owner) throw OktaApiError.of('E0000005');
    const origin = c.req.header('Origin');
    if (origin !== undefined && origin !== orgUrlOf(c)) throw OktaApiError.of('E0000006');
    c.set('actor', owner);
    await next();
  };
}

/** `?limit=`: a whole number from 0 up; anything else is a bad paging request, as on the list endpoints. */
function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw OktaApiError.of('E0000029');
  return Number(value);
}

/** A rejected fixtures document as Okta's validation error: one cause per problem, named by where it is. */
function documentRejected(error: FixtureError): OktaApiError {
  const problems = error.problems.length > 0 ? error.problems : [{ where: 'fixtures', message: error.message }];
  return OktaApiError.validation(problems.map((p) => ({ field: p.where, message: p.message })));
}

/**
 * The operator's view of the org: its journal, its state, a reset. As on every
 * path outside `/api/`, a method a path does not define gets the unknown-path 404.
 */
export function controlRoutes(deps: { store: OrgStore; journal: Journal; faults: FaultRules; operations: OrgOperations }): Hono<AppEnv> {
  const { journal, operations } = deps;
  const control = new Hono<AppEnv>();
  control.use('*', requireOperator(deps.store.users));

  control.get('/requests', (c) =>
    jsonResponse(c, journal.entries({ limit: parseLimit(c.req.query('limit')), since: c.req.query('since') })),
  );
  control.delete('/requests', (c) => {
    journal.clear();
    return emptyResponse(c, 204);
  });

  control.post('/reset', async (c) => {
    await operations.reset();
    return emptyResponse(c, 204);
  });

  control.get('/state', async (c) => jsonResponse(c, await operations.exportState()));
  control.put('/state', async (c) => {
    const body = await readJsonBody(c);
    let document;
    try {
      document = parseFixtures(body, { defaultUsers: false });
    } catch (error) {
      throw error instanceof FixtureError ? documentRejected(error) : error;
    }
    // Loading a document without the caller's token would lock the caller out of the org until a restart.
    const token = /^SSWS\s+(\S+)/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    if (!deps.store.acceptsTokenWith(token, document)) {
      throw OktaApiError.validation([{ field: 'users', message: 'no user of the document owns the API token of this request, so the org would refuse it from now on' }]);
    }
    return jsonResponse(c, await operations.importState(document));
  });

  control.route('/faults', faultRoutes(deps.faults));

  return control;
}
