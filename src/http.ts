import type { Context, MiddlewareHandler } from 'hono';
import type { OrgPage } from './domain/frame-ancestors.js';
import type { RateLimitTake } from './domain/rate-limit.js';
import { OktaApiError } from './errors.js';
import type { JournalDecision } from './journal.js';
import { MAX_BODY_BYTES, readBodyText } from './request-body.js';
import type { SentHeaders } from './sent-headers.js';
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
    /** What kind of page an HTML answer is, for who may frame it (see middleware/page-headers.ts). */
    orgPage: OrgPage | undefined;
    /** What this request took from its rate-limit window (its family's), and whether it is past an enforced limit. */
    rateLimit: RateLimitTake;
    /** The fault rule that answered or delayed this request, for the journal. */
    fault: { id: string };
    /** The request headers the org's step read once (sent-headers.ts), for the steps after it. */
    sentHeaders: SentHeaders;
  };
}

export type HeaderLines = ReadonlyArray<readonly [string, string]>;

/**
 * The extra header lines of an answer, one entry per line as Okta sends them
 * (one `Link` line per relation). A Fetch `Headers` joins repeated names into
 * one value, so an answer the node server writes has them as arrays in its own
 * header object (see respond), and for a Fetch consumer they travel on the
 * Response itself, under a symbol, for whoever needs them apart (the contract
 * suite over app.fetch). A symbol, not a WeakMap: a WeakMap entry per answer
 * was work for the garbage collector.
 */
const HEADER_LINES = Symbol('okta-mock.headerLines');

type AnswerWithLines = Response & { [HEADER_LINES]?: HeaderLines };

/** The extra header lines an answer was built with, if it has any. */
export const headerLinesOf = (response: Response): HeaderLines | undefined => (response as AnswerWithLines)[HEADER_LINES];


/**
 * A copy of `base` with `more` added. Not `{ ...base, ...more }`: V8 clones a
 * spread object's shape, and adding a key to that clone measured ten times
 * slower than Object.assign onto a new object (1.5 µs against 0.15 µs), on
 * every answer.
 */
export function withHeaders(base: Record<string, string>, more: Record<string, string> = {}): Record<string, string> {
  return Object.assign({}, base, more);
}

function sameNameIn(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  for (const key in headers) if (key.length === lower.length && key.toLowerCase() === lower) return true;
  return false;
}

/**
 * Whether this request came through @hono/node-server (`c.env.outgoing` is
 * node's response), which writes a header object's array values as one line
 * each. node.ts replaces the global Response with the node server's own,
 * which hands that object to node as it is.
 */
const isSocketBound = (c: Context): boolean => (c.env as { outgoing?: unknown } | undefined)?.outgoing !== undefined;

/** The lines of `extra` as header entries, a name given more than once as an array of its values in order. */
function linesApart(extra: HeaderLines): Record<string, string | string[]> {
  const apart: Record<string, string | string[]> = {};
  const nameOf = new Map<string, string>();
  for (const [name, value] of extra) {
    const lower = name.toLowerCase();
    const first = nameOf.get(lower);
    if (first === undefined) {
      nameOf.set(lower, name);
      apart[name] = value;
    } else {
      const lines = apart[first]!;
      apart[first] = typeof lines === 'string' ? [lines, value] : [...lines, value];
    }
  }
  return apart;
}

/**
 * The entries of the lines given last: a list's routes hand back the very same
 * lines while its links stay the same. Shared between answers, so never
 * changed once made (node only reads a header's array).
 */
let lastLines: HeaderLines | undefined;
let lastApart: Record<string, string | string[]> = {};
function linesApartOf(extra: HeaderLines): Record<string, string | string[]> {
  if (extra !== lastLines) {
    lastApart = linesApart(extra);
    lastLines = extra;
  }
  return lastApart;
}

/**
 * `own` is this answer's own header object (a copy made for it), which the answer keeps.
 * `socketBound`: the answer goes to the node server only (see isSocketBound).
 */
function respond(body: string | null, status: number, own: Record<string, string>, extra: HeaderLines | undefined, socketBound: boolean): Response {
  // A plain object is the node server's fast path.
  if (!extra || extra.length === 0) return new Response(body, { status, headers: own });
  // A name in both would be one joined line on the socket too: that rare answer keeps the Headers path.
  let apart = true;
  for (const [name] of extra) if (sameNameIn(own, name)) apart = false;
  if (apart && socketBound) {
    // Only the socket reads this answer: its lines go apart into its own object, with no second form.
    Object.assign(own, linesApartOf(extra));
    const response: AnswerWithLines = new Response(body, { status, headers: own });
    response[HEADER_LINES] = extra;
    return response;
  }
  // For a Fetch consumer, repeated names are one value joined with ", ", as a `Headers` joins them.
  for (const [name, value] of extra) own[name] = own[name] === undefined ? value : `${own[name]}, ${value}`;
  const response: AnswerWithLines = new Response(body, { status, headers: own });
  response[HEADER_LINES] = extra;
  return response;
}

const JSON_CONTENT_TYPE = { 'Content-Type': 'application/json' };

/** A JSON answer with the org's standard headers. */
export function jsonResponse(c: Context<AppEnv>, body: unknown, status = 200, extra?: HeaderLines): Response {
  return jsonTextResponse(c, JSON.stringify(body), status, extra);
}

/** The same, for a body already serialized to JSON text. */
export function jsonTextResponse(c: Context<AppEnv>, json: string, status = 200, extra?: HeaderLines): Response {
  const own = c.get('responseHeaders');
  if (own === undefined) return respond(json, status, withHeaders({}, JSON_CONTENT_TYPE), extra, isSocketBound(c));
  // The stamp makes this object for this request alone, so the answer's Content-Type is added to it
  // in place: a copy of its ten properties was a twentieth of a get's own time.
  own['Content-Type'] = JSON_CONTENT_TYPE['Content-Type'];
  return respond(json, status, own, extra, isSocketBound(c));
}

/** An answer without a body (and so without Content-Type), with the org's standard headers. */
export function emptyResponse(c: Context<AppEnv>, status: number, extra?: HeaderLines): Response {
  const base = c.get('responseHeaders');
  return respond(null, status, extra && extra.length > 0 ? withHeaders(base) : base, extra, isSocketBound(c));
}

/** For answers built with Hono's own helpers (HTML pages, redirects): stamp the standard headers first. */
export const stampResponseHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  for (const [name, value] of Object.entries(c.get('responseHeaders'))) c.header(name, value);
  await next();
};

/** Origins by the scheme-and-authority prefix of request URLs: a server sees few, and `new URL()` per request is not free. */
const originByPrefix = new Map<string, string>();
/** The prefix asked last and its origin: nearly every request repeats it, and comparing it costs no slice. */
let lastPrefix = '';
let lastOrigin = '';

/** The org URL as this request reached it: links point back where the caller came from. */
export function orgUrlOf(c: Context): string {
  const url = c.req.url;
  if (lastPrefix !== '' && url.startsWith(lastPrefix) && url.charCodeAt(lastPrefix.length) === 47 /* '/' */) return lastOrigin;
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const prefix = pathStart === -1 ? url : url.slice(0, pathStart);
  let origin = originByPrefix.get(prefix);
  if (origin === undefined) {
    origin = new URL(url).origin;
    if (originByPrefix.size >= 64) originByPrefix.clear();
    originByPrefix.set(prefix, origin);
  }
  if (pathStart !== -1) {
    lastPrefix = prefix;
    lastOrigin = origin;
  }
  return origin;
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Reads a JSON request body the way Okta binds one: wrong media type E0000021,
 * unparsable, cut short or over the size limit E0000003.
 */
export function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  // The org's step read these once already; a context without it (none in the app today) reads them here.
  const sent = c.get('sentHeaders') as SentHeaders | undefined;
  const contentType = sent ? sent.contentType : c.req.header('Content-Type');
  if (!JSON_MEDIA_TYPE.test(contentType ?? '')) return Promise.reject(OktaApiError.of('E0000021'));
  // Not async: the body's promise is continued, without one more of its own around it.
  return readBodyText(c.req.raw, MAX_BODY_BYTES, sent ? (sent.contentLength ?? null) : undefined).then(parseJsonBody);
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw OktaApiError.of('E0000003');
  }
}
