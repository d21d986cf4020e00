import { parseOrigin, type ParsedOrigin } from './origin-url.js';
import type { ScopeType, TrustedOriginRecord } from './trusted-origin.js';

/** Ports a scheme uses when an origin names none. */
export const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ftp: '21' };

/**
 * The comparable form of an origin: lower-case scheme and host, the default
 * port dropped, no trailing slash. Browsers send `Origin` in this form;
 * a trusted origin stored as `http://localhost:8080/` must still match it.
 */
export function canonicalOrigin(value: string): string | undefined {
  const parsed = parseOrigin(value);
  return parsed && canonicalOfParsed(parsed);
}

/** The same, from an origin already parsed; undefined for a wildcard. */
export function canonicalOfParsed(parsed: ParsedOrigin): string | undefined {
  if (parsed.wildcard) return undefined;
  const port = parsed.port === undefined || parsed.port === DEFAULT_PORTS[parsed.scheme] ? '' : `:${Number(parsed.port)}`;
  return `${parsed.scheme}://${parsed.host}${port}`;
}

/** The origin of an absolute URL (for redirect targets), or undefined when it has none. */
export function originOfUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? undefined : canonicalOrigin(parsed.origin);
  } catch {
    return undefined;
  }
}

/**
 * The record through which the org trusts `origin` for `scope`: an ACTIVE
 * trusted origin with that scope whose scheme, host and port are exactly the same.
 */
export function trustingRecord<T extends Pick<TrustedOriginRecord, 'origin' | 'scopes' | 'status'>>(
  origin: string,
  scope: ScopeType,
  trustedOrigins: Iterable<T>,
): T | undefined {
  const wanted = canonicalOrigin(origin);
  if (wanted === undefined) return undefined;
  for (const trusted of trustedOrigins) {
    if (trusted.status !== 'ACTIVE' || !trusted.scopes.some((s) => s.type === scope)) continue;
    if (canonicalOrigin(trusted.origin) === wanted) return trusted;
  }
  return undefined;
}

/** Whether the org trusts `origin` for `scope` (see `trustingRecord`). */
export function isTrustedFor(
  origin: string,
  scope: ScopeType,
  trustedOrigins: Iterable<Pick<TrustedOriginRecord, 'origin' | 'scopes' | 'status'>>,
): boolean {
  return trustingRecord(origin, scope, trustedOrigins) !== undefined;
}
