/**
 * Whether a routed path is `prefix` itself or below it, as Hono's `/prefix/*`
 * matches: `/api` covers `/api/v1` but not `/apis`. Runs on every request, so
 * it builds no string.
 */
export const isPathUnder = (path: string, prefix: string): boolean =>
  path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47 /* '/' */);
