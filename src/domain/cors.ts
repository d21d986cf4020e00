/**
 * Okta's CORS answers, as recorded from real orgs: only on the endpoints Okta
 * enables CORS for, only for a trusted origin, never for API-token requests.
 */

/** The CORS-enabled endpoints the emulator serves, with the methods each answers. */
export const CORS_ENDPOINTS: ReadonlyArray<{ path: RegExp; methods: readonly string[] }> = [
  { path: /^\/api\/v1\/users\/me$/, methods: ['GET'] },
  { path: /^\/api\/v1\/sessions\/me$/, methods: ['GET', 'DELETE'] },
  { path: /^\/api\/v1\/sessions\/me\/lifecycle\/refresh$/, methods: ['POST'] },
  { path: /^\/api\/v1\/authn$/, methods: ['POST'] },
  { path: /^\/\.well-known\/okta-organization$/, methods: ['GET'] },
];

export const EXPOSED_HEADERS = 'Date, Link, X-Okta-Request-Id, X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Reset';
export const PREFLIGHT_MAX_AGE = '3600';

export interface CorsRequest {
  path: string;
  method: string;
  /** The `Origin` header, if any. */
  origin: string | undefined;
  /** The `Access-Control-Request-Headers` header of a preflight, if any. */
  requestHeaders: string | undefined;
  /** Whether the request carries an `SSWS` API token. */
  hasApiToken: boolean;
  /** Whether the origin is trusted for CORS by the org right now. */
  isTrusted: (origin: string) => boolean;
}

export type CorsDecision =
  /** Not a CORS matter for us: answer as usual. */
  | { kind: 'none' }
  /** A preflight: answer it here with these headers (none for an untrusted origin). */
  | { kind: 'preflight'; headers: Record<string, string> }
  /** An actual request: answer as usual and add these headers. */
  | { kind: 'actual'; headers: Record<string, string> };

export function corsEndpoint(path: string) {
  return CORS_ENDPOINTS.find((e) => e.path.test(path));
}

export function decideCors(request: CorsRequest): CorsDecision {
  const endpoint = corsEndpoint(request.path);
  if (!endpoint) return { kind: 'none' };
  const isPreflight = request.method === 'OPTIONS';
  const origin = request.origin;
  const trusted = origin !== undefined && !request.hasApiToken && request.isTrusted(origin);

  if (isPreflight) {
    if (!trusted) return { kind: 'preflight', headers: {} };
    const requested = request.requestHeaders?.trim();
    return {
      kind: 'preflight',
      headers: {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': [...endpoint.methods, 'OPTIONS'].join(', '),
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
        // Okta echoes the requested headers and appends its own `,Content-Type`.
        'Access-Control-Allow-Headers': requested ? `${requested},Content-Type` : 'Content-Type',
      },
    };
  }
  if (!trusted) return { kind: 'actual', headers: {} };
  return {
    kind: 'actual',
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    },
  };
}

const SAFELISTED_HEADERS = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Whether a browser would send a preflight before this cross-origin request (Fetch standard, simplified). */
export function needsPreflight(method: string, headers: Iterable<[string, string]>): boolean {
  if (!['GET', 'HEAD', 'POST'].includes(method.toUpperCase())) return true;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (!SAFELISTED_HEADERS.has(lower)) return true;
    if (lower === 'content-type' && !SIMPLE_CONTENT_TYPES.has(value.split(';')[0]!.trim().toLowerCase())) return true;
  }
  return false;
}

export type BrowserCorsOutcome =
  /** Same origin, or an endpoint the simulation leaves alone: answer normally. */
  | 'not-cross-origin'
  | 'allowed'
  /** The preflight would fail: the request never reaches the org. */
  | 'blocked-before-sending'
  /** The request reaches the org, but the browser refuses the answer. */
  | 'blocked-after-sending';

/**
 * What a browser on `pageOrigin` makes of a credentialed call to a CORS-enabled
 * endpoint, decided from the same rules as the server's CORS answers. A
 * service worker answers before the browser's CORS check, so MSW in a page
 * needs this to block what the real org would block.
 */
export function browserCorsOutcome(input: {
  pageOrigin: string;
  requestOrigin: string;
  path: string;
  method: string;
  headers: Iterable<[string, string]>;
  hasApiToken: boolean;
  isTrusted: (origin: string) => boolean;
}): BrowserCorsOutcome {
  if (input.pageOrigin === input.requestOrigin || !corsEndpoint(input.path)) return 'not-cross-origin';
  const allowed = !input.hasApiToken && input.isTrusted(input.pageOrigin);
  if (allowed) return 'allowed';
  // A request with an SSWS token always carries Authorization, which is never safelisted.
  return needsPreflight(input.method, input.headers) ? 'blocked-before-sending' : 'blocked-after-sending';
}
