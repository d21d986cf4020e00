import { Hono } from 'hono';
import { serializeAuthnSuccess } from '../domain/serialize-session.js';
import { jsonResponse, orgUrlOf, readJsonBody, type AppEnv } from '../http.js';
import type { SessionModel } from '../model/sessions.js';

/** Primary authentication: username and password in, a one-time session token out. */
export function authnRoutes(sessions: SessionModel): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/', async (c) => {
    const body = (await readJsonBody(c)) as { username?: unknown; password?: unknown } | null;
    const { token, user } = sessions.authenticate(body?.username, body?.password);
    return jsonResponse(c, serializeAuthnSuccess(token, user, orgUrlOf(c)));
  });

  return routes;
}
