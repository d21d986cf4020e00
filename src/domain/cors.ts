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
