import type { Context, MiddlewareHandler } from 'hono';
import { OktaApiError } from './errors.js';
import type { UserRecord } from './store/schemas.js';

export interface AppEnv {
  Variables: {
    actor: UserRecord;
    /** What every answer carries (request id, rate limit, Date, …), plus CORS headers where they apply. */
    responseHeaders: Record<string, string>;
  };
}

type ExtraHeaders = ReadonlyArray<readonly [string, string]>;

function withExtras(base: Record<string, string>, extra: ExtraHeaders | undefined) {
  // Tuples keep repeated names (one Link header per relation); a plain object is the fast path.
  return extra && extra.length > 0 ? [...Object.entries(base), ...extra.map(([k, v]) => [k, v] as [string, string])] : base;
}

/** A JSON answer with the org's standard headers. */
export function jsonResponse(c: Context<AppEnv>, body: unknown, status = 200, extra?: ExtraHeaders): Response {
  return jsonTextResponse(c, JSON.stringify(body), status, extra);
}

/** The same, for a body already serialized to JSON text. */
export function jsonTextResponse(c: Context<AppEnv>, json: string, status = 200, extra?: ExtraHeaders): Response {
  const headers = { ...c.var.responseHeaders, 'Content-Type': 'application/json' };
  return new Response(json, { status, headers: withExtras(headers, extra) });
}

/** An answer without a body (and so without Content-Type), with the org's standard headers. */
export function emptyResponse(c: Context<AppEnv>, status: number, extra?: ExtraHeaders): Response {
  return new Response(null, { status, headers: withExtras(c.var.responseHeaders, extra) });
}

/** For answers built with Hono's own helpers (HTML pages, redirects): stamp the standard headers first. */
export const stampResponseHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  for (const [name, value] of Object.entries(c.var.responseHeaders)) c.header(name, value);
  await next();
};

/** Origins by the scheme-and-authority prefix of request URLs: a server sees few, and `new URL()` per request is not free. */
const originByPrefix = new Map<string, string>();

/** The org URL as this request reached it: links point back where the caller came from. */
export function orgUrlOf(c: Context): string {
  const url = c.req.url;
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const prefix = pathStart === -1 ? url : url.slice(0, pathStart);
  let origin = originByPrefix.get(prefix);
  if (origin === undefined) {
    origin = new URL(url).origin;
    if (originByPrefix.size >= 64) originByPrefix.clear();
    originByPrefix.set(prefix, origin);
  }
  return origin;
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** Reads a JSON request body the way Okta binds one: wrong media type E0000021, unparsable E0000003. */
export async function readJsonBody(c: Context): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test(c.req.header('Content-Type') ?? '')) throw OktaApiError.of('E0000021');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw OktaApiError.of('E0000003');
  }
}
