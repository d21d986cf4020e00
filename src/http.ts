import type { Context, MiddlewareHandler } from 'hono';
import { OktaApiError } from './errors.js';
import type { JournalDecision } from './journal.js';
import { readBodyText } from './request-body.js';
import type { UserRecord } from './store/schemas.js';

export interface AppEnv {
  Variables: {
    actor: UserRecord;
    /** What every answer carries (request id, rate limit, Date, …), plus CORS headers where they apply. */
    responseHeaders: Record<string, string>;
    /** The CORS or redirect decision taken for this request, with its explanation, for the journal. */
    decision: JournalDecision;
    /** The Okta error code this request was answered with, for the journal. */
    errorCode: string;
  };
}

type ExtraHeaders = ReadonlyArray<readonly [string, string]>;

function withExtras(base: Record<string, string>, extra: ExtraHeaders | undefined) {
  // Tuples keep repeated names (one Link header per relation); a plain object is the fast path.
  return extra && extra.length > 0 ? [...Object.entries(base), ...extra.map(([k, v]) => [k, v] as [string, string])] : base;
}

/** A JSON answer with the org's standard headers. */
export function jsonResponse(c: Context<AppEnv>, body: unknown, status = 200, extra?: ExtraHeaders): Response {
  const headers = { ...c.var.responseHeaders, 'Content-Type': 'application/json' };
  return new Response(JSON.stringify(body), { status, headers: withExtras(headers, extra) });
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

/** The org URL as this request reached it: links point back where the caller came from. */
export function orgUrlOf(c: Context): string {
  return new URL(c.req.url).origin;
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Reads a JSON request body the way Okta binds one: wrong media type E0000021,
 * unparsable, cut short or over the size limit E0000003.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test(c.req.header('Content-Type') ?? '')) throw OktaApiError.of('E0000021');
  const text = await readBodyText(c.req.raw);
  try {
    return JSON.parse(text);
  } catch {
    throw OktaApiError.of('E0000003');
  }
}
