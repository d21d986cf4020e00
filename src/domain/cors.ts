/**
 * Okta's CORS answers, as recorded from real orgs: only on the endpoints Okta
 * enables CORS for, only for a trusted origin, never for API-token requests.
 */
import type { JournalDecision } from '../journal.js';
import { decideTrust, type TrustedOriginLookup } from './trust-decision.js';

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
  /** The org's trusted origins right now. */
  trustedOrigins: TrustedOriginLookup;
}

export type CorsDecision =
  /** Not a CORS matter for us: answer as usual. */
  | { kind: 'none' }
  /** A preflight: answer it here with these headers (none for an untrusted origin). */
  | { kind: 'preflight'; headers: Record<string, string>; explanation: JournalDecision }
  /** An actual request: answer as usual and add these headers. */
  | { kind: 'actual'; headers: Record<string, string>; explanation: JournalDecision };

export function corsEndpoint(path: string) {
  return CORS_ENDPOINTS.find((e) => e.path.test(path));
}

/**
 * Whether a browser on `origin` may read the org's answers, and why: the
 * trusted-origin rule, except that an API-token request never gets CORS headers.
 */
export function explainCors(origin: string | undefined, hasApiToken: boolean, trustedOrigins: TrustedOriginLookup): JournalDecision {
  if (origin === undefined) {
    return { kind: 'cors', subject: '', allowed: false, trustedOriginId: null, reason: 'the request carries no Origin header', hint: null };
  }
  const trust = decideTrust({ kind: 'cors', subject: origin, origin, scope: 'CORS', trustedOrigins });
  if (!hasApiToken) return trust;
  return {
    ...trust,
    allowed: false,
    trustedOriginId: trust.allowed ? trust.trustedOriginId : null,
    reason: 'a request with an SSWS API token never gets CORS headers',
    hint: 'Okta never sends CORS headers to API-token requests: from a browser, send the session cookie and no Authorization header',
  };
}

export function decideCors(request: CorsRequest): CorsDecision {
  const endpoint = corsEndpoint(request.path);
  if (!endpoint) return { kind: 'none' };
  const isPreflight = request.method === 'OPTIONS';
  const origin = request.origin;
  const explanation = explainCors(origin, request.hasApiToken, request.trustedOrigins);
  const trusted = explanation.allowed;

  if (isPreflight) {
    if (!trusted) return { kind: 'preflight', headers: {}, explanation };
    const requested = request.requestHeaders?.trim();
    return {
      kind: 'preflight',
      headers: {
        'Access-Control-Allow-Origin': origin!,
        'Access-Control-Allow-Methods': [...endpoint.methods, 'OPTIONS'].join(', '),
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
        // Okta echoes the requested headers and appends its own `,Content-Type`.
        'Access-Control-Allow-Headers': requested ? `${requested},Content-Type` : 'Content-Type',
      },
      explanation,
    };
  }
  if (!trusted) return { kind: 'actual', headers: {}, explanation };
  return {
    kind: 'actual',
    headers: {
      'Access-Control-Allow-Origin': origin!,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    },
    explanation,
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

/** The headers of the preflight a browser on `origin` sends before such a request (names lower-cased and sorted, as Chromium sends them). */
export function preflightFor(origin: string, method: string, headers: Iterable<[string, string]>): Record<string, string> {
  const unsafe = [...headers]
    .filter(([name, value]) => needsPreflight('GET', [[name, value]]))
    .map(([name]) => name.toLowerCase())
    .sort();
  const preflight: Record<string, string> = { Origin: origin, 'Access-Control-Request-Method': method.toUpperCase() };
  if (unsafe.length > 0) preflight['Access-Control-Request-Headers'] = unsafe.join(',');
  return preflight;
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
  trustedOrigins: TrustedOriginLookup;
}): { outcome: BrowserCorsOutcome; explanation: JournalDecision | null } {
  if (input.pageOrigin === input.requestOrigin || !corsEndpoint(input.path)) return { outcome: 'not-cross-origin', explanation: null };
  const explanation = explainCors(input.pageOrigin, input.hasApiToken, input.trustedOrigins);
  if (explanation.allowed) return { outcome: 'allowed', explanation };
  // A request with an SSWS token always carries Authorization, which is never safelisted.
  return { outcome: needsPreflight(input.method, input.headers) ? 'blocked-before-sending' : 'blocked-after-sending', explanation };
}
