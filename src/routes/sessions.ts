import { Hono } from 'hono';
import { serializeSession } from '../domain/serialize-session.js';
import { emptyResponse, jsonResponse, orgUrlOf, type AppEnv } from '../http.js';
import type { SessionModel } from '../model/sessions.js';
import { clearedSessionCookie, readSessionId } from '../session-cookie.js';

/**
 * `/api/v1/sessions/me`: the browser's own session, found by its cookie
 * only. An API token is not accepted for these operations, as on Okta.
 */
export function sessionRoutes(sessions: SessionModel): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/me', (c) => {
    const { session, user } = sessions.requireCurrent(readSessionId(c));
    return jsonResponse(c, serializeSession(session, user, orgUrlOf(c)));
  });

  routes.delete('/me', (c) => {
    sessions.requireCurrent(readSessionId(c));
    sessions.end(readSessionId(c));
    return emptyResponse(c, 204, [['Set-Cookie', clearedSessionCookie(c)]]);
  });

  routes.post('/me/lifecycle/refresh', (c) => {
    const { session, user } = sessions.refresh(readSessionId(c));
    return jsonResponse(c, serializeSession(session, user, orgUrlOf(c)));
  });

  return routes;
}
