import { Hono } from 'hono';
import { orgMetadata } from '../domain/org-metadata.js';
import { jsonResponse, orgUrlOf, type AppEnv } from '../http.js';

/** `/.well-known/okta-organization`: public (no token, no session) and CORS-enabled. */
export function wellKnownRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/okta-organization', (c) => jsonResponse(c, orgMetadata(orgUrlOf(c))));
  return routes;
}
