import { Hono } from 'hono';
import { notFound, OktaApiError } from '../errors.js';
import { FaultRuleError, type FaultRules } from '../faults.js';
import { emptyResponse, jsonResponse, readJsonBody, type AppEnv } from '../http.js';

/**
 * `/__okta-mock/faults`: add rules (one object, or a list, all or nothing),
 * list them, clear them all or one by id. Mounted inside the control API, so
 * it has the same operator auth.
 */
export function faultRoutes(faults: FaultRules): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => jsonResponse(c, faults.list()));
  routes.post('/', async (c) => {
    const body = await readJsonBody(c);
    try {
      return jsonResponse(c, faults.add(body));
    } catch (error) {
      throw error instanceof FaultRuleError ? OktaApiError.validation(error.problems) : error;
    }
  });
  routes.delete('/', (c) => {
    faults.clear();
    return emptyResponse(c, 204);
  });
  routes.delete('/:faultId', (c) => {
    const id = c.req.param('faultId');
    if (!faults.remove(id)) throw notFound(id, 'FaultRule');
    return emptyResponse(c, 204);
  });
  return routes;
}
