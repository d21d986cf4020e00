import { Hono } from 'hono';
import { serializeUser } from '../domain/serialize-user.js';
import { OktaApiError } from '../errors.js';
import { jsonResponse, orgUrlOf, type AppEnv } from '../http.js';
import { apiTokenOwner } from '../middleware/auth.js';
import type { SessionModel } from '../model/sessions.js';
import { readSessionId } from '../session-cookie.js';
import type { UserStore } from '../store/user-store.js';

/** `/api/v1/users/me`: the token owner with an API token, else the session's user, else 403 E0000005. */
export function userRoutes(users: UserStore, sessions: SessionModel): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/me', (c) => {
    const user = apiTokenOwner(c.req.header('Authorization'), users) ?? sessions.current(readSessionId(c))?.user;
    if (!user) throw OktaApiError.of('E0000005');
    return jsonResponse(c, serializeUser(user, orgUrlOf(c)));
  });

  return routes;
}
