import type { Context } from 'hono';

/**
 * The request headers the org's step decides on (CORS, the token check, the
 * journal), read once per request.
 */
export interface SentHeaders {
  origin: string | undefined;
  authorization: string | undefined;
  cookie: string | undefined;
  /** `X-Okta-Retry-Count` and `X-Okta-Retry-For`, which the Okta SDKs send on a retry after a 429. */
  retryCount: string | undefined;
  retryFor: string | undefined;
  /** What a body read checks (readJsonBody): its media type and declared length. */
  contentType: string | undefined;
  contentLength: string | undefined;
}

const FORBIDDEN_IN_VALUE = /[\0\r\n]/;
const HTTP_WHITESPACE_ENDS = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** Tab, LF, CR and space: what a Fetch `Headers` strips from both ends of a value. */
const isHttpWhitespace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** A header line's value as a Fetch `Headers` gives it: without HTTP whitespace at either end. */
const normalized = (value: string) =>
  value.length > 0 && (isHttpWhitespace(value.charCodeAt(0)) || isHttpWhitespace(value.charCodeAt(value.length - 1)))
    ? value.replace(HTTP_WHITESPACE_ENDS, '')
    : value;

const joined = (before: string | undefined, value: string, separator: string) => (before === undefined ? value : before + separator + value);

/**
 * The headers from node's raw header lines (names as sent, then values), as
 * @hono/node-server's request gives them: repeated lines joined with ", ", or
 * with "; " for Cookie, as node joins cookies. Undefined for a value a Fetch
 * `Headers` would refuse (then the request's own headers decide).
 *
 * Why not `c.req.header()`: each read checks the name, lower-cases it and
 * looks it up again, about a tenth of a µs; five reads per request were a
 * twentieth of a GET's own time. One pass over the lines costs less than one read.
 */
export function sentHeadersFromLines(lines: readonly string[]): SentHeaders | undefined {
  let origin: string | undefined;
  let authorization: string | undefined;
  let cookie: string | undefined;
  let retryCount: string | undefined;
  let retryFor: string | undefined;
  let contentType: string | undefined;
  let contentLength: string | undefined;
  for (let at = 0; at + 1 < lines.length; at += 2) {
    const name = lines[at]!;
    // The length first: most lines are none of these, and it needs no lower-cased copy.
    const length = name.length;
    if (length !== 6 && length !== 12 && length !== 13 && length !== 14 && length !== 16 && length !== 18) continue;
    const lower = name.toLowerCase();
    const raw = lines[at + 1]!;
    if (FORBIDDEN_IN_VALUE.test(raw)) return undefined;
    const value = normalized(raw);
    if (lower === 'origin') origin = joined(origin, value, ', ');
    else if (lower === 'cookie') cookie = joined(cookie, value, '; ');
    else if (lower === 'authorization') authorization = joined(authorization, value, ', ');
    else if (lower === 'x-okta-retry-for') retryFor = joined(retryFor, value, ', ');
    else if (lower === 'x-okta-retry-count') retryCount = joined(retryCount, value, ', ');
    else if (lower === 'content-type') contentType = joined(contentType, value, ', ');
    else if (lower === 'content-length') contentLength = joined(contentLength, value, ', ');
  }
  return { origin, authorization, cookie, retryCount, retryFor, contentType, contentLength };
}

/** Node's raw header lines, where @hono/node-server handed the app node's request (`c.env.incoming`). */
function rawLinesOf(c: Context): readonly string[] | undefined {
  const env = c.env as { incoming?: { rawHeaders?: unknown } } | undefined;
  const lines = env?.incoming?.rawHeaders;
  return Array.isArray(lines) ? (lines as string[]) : undefined;
}

/** The headers the org's step decides on: from node's lines where there are any, else from the Fetch request (MSW). */
export function readSentHeaders(c: Context): SentHeaders {
  const lines = rawLinesOf(c);
  const fromLines = lines === undefined ? undefined : sentHeadersFromLines(lines);
  if (fromLines !== undefined) return fromLines;
  return {
    origin: c.req.header('Origin'),
    authorization: c.req.header('Authorization'),
    cookie: c.req.header('Cookie'),
    retryCount: c.req.header('X-Okta-Retry-Count'),
    retryFor: c.req.header('X-Okta-Retry-For'),
    contentType: c.req.header('Content-Type'),
    contentLength: c.req.header('Content-Length'),
  };
}
