import { parseOrigin } from './origin-url.js';
import type { TrustedOriginRecord } from './trusted-origin.js';

/**
 * Which pages a person may see inside another site's iframe. Okta lists the
 * ACTIVE IFRAME_EMBED trusted origins in the `frame-ancestors` directive of
 * its pages' Content-Security-Policy; an empty `allowedOktaApps` covers the
 * sign-in pages only, `["OKTA_ENDUSER"]` the End-User Dashboard too.
 */

/**
 * The kinds of page the org serves to people; the signed-in page stands in for
 * the End-User Dashboard. The Admin Console is never framed by another site:
 * IFRAME_EMBED covers the sign-in pages and the dashboard only.
 */
export type OrgPage = 'sign-in' | 'end-user-dashboard' | 'admin-console';

export interface PageFramingHeaders {
  'Content-Security-Policy': string;
  /** For browsers without CSP; those with it let `frame-ancestors` take precedence. */
  'X-Frame-Options': 'SAMEORIGIN';
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ftp: '21' };

/** A trusted origin as a CSP source expression: lower case, no default port, no trailing slash, `*.` kept. */
export function frameSource(origin: string): string | undefined {
  const parsed = parseOrigin(origin);
  if (!parsed) return undefined;
  const port = parsed.port === undefined || parsed.port === DEFAULT_PORTS[parsed.scheme] ? '' : `:${Number(parsed.port)}`;
  return `${parsed.scheme}://${parsed.wildcard ? '*.' : ''}${parsed.host}${port}`;
}

function mayFrame(record: Pick<TrustedOriginRecord, 'scopes' | 'status'>, page: OrgPage): boolean {
  if (record.status !== 'ACTIVE') return false;
  const scope = record.scopes.find((s) => s.type === 'IFRAME_EMBED');
  if (!scope || page === 'admin-console') return false;
  return page === 'sign-in' || (scope.allowedOktaApps ?? []).includes('OKTA_ENDUSER');
}

/** The framing headers of one page, from the org's trusted origins as they are now. */
export function pageFramingHeaders(
  page: OrgPage,
  trustedOrigins: Iterable<Pick<TrustedOriginRecord, 'origin' | 'scopes' | 'status'>>,
): PageFramingHeaders {
  const sources = new Set<string>(["'self'"]);
  for (const record of trustedOrigins) {
    if (!mayFrame(record, page)) continue;
    const source = frameSource(record.origin);
    if (source !== undefined) sources.add(source);
  }
  return { 'Content-Security-Policy': `frame-ancestors ${[...sources].join(' ')}`, 'X-Frame-Options': 'SAMEORIGIN' };
}
