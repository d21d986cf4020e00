/**
 * Why a refused origin was refused, when the org can tell: the closest
 * trusted origin and the one thing that differs. Most real trusted-origin
 * problems are near misses like these, and the browser only ever says
 * "No 'Access-Control-Allow-Origin' header".
 *
 * Matching already forgives letter case of scheme and host, a default port and
 * a trailing slash (see `canonicalOrigin`), so those are never a near miss;
 * what remains is a host alias, `www.`, the scheme, the port, a path where only
 * an origin belongs, an INACTIVE record and a missing scope.
 */
import { parseOrigin, type ParsedOrigin } from './origin-url.js';
import type { TrustedCandidate, TrustedOriginLookup } from './trust-decision.js';
import { canonicalOrigin, DEFAULT_PORTS, trustingRecord } from './trusted-for.js';
import type { ScopeType } from './trusted-origin.js';

export interface NearMiss {
  /** The trusted origin the hint is about, or null when it names none. */
  trustedOriginId: string | null;
  hint: string;
}

/** Names browsers treat as different origins although they reach the same machine. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const hasScope = (record: TrustedCandidate, scope: ScopeType) => record.scopes.some((s) => s.type === scope);

/** Hosts one difference away from `host`: the other loopback names, and the name with or without `www.`. */
function neighbourHosts(host: string): string[] {
  if (LOOPBACK_HOSTS.includes(host)) return LOOPBACK_HOSTS.filter((h) => h !== host);
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return [];
  return [host.startsWith('www.') ? host.slice(4) : `www.${host}`];
}

const portText = (o: ParsedOrigin) => o.port ?? (DEFAULT_PORTS[o.scheme] ? `${DEFAULT_PORTS[o.scheme]} (the default)` : 'none');

/** The one difference between two canonical origins, as the end of a sentence; undefined for none or several. */
function oneDifference(wanted: ParsedOrigin, trusted: ParsedOrigin): string | undefined {
  const differs = { host: wanted.host !== trusted.host, scheme: wanted.scheme !== trusted.scheme, port: wanted.port !== trusted.port };
  if (Object.values(differs).filter(Boolean).length !== 1) return undefined;
  if (differs.scheme) return `the scheme differs (${wanted.scheme} here, ${trusted.scheme} there)`;
  if (differs.port) return `the port differs (${portText(wanted)} here, ${portText(trusted)} there)`;
  if (LOOPBACK_HOSTS.includes(wanted.host)) return `browsers treat ${trusted.host} and ${wanted.host} as different origins`;
  return `${trusted.host} and ${wanted.host} are different hosts to a browser (www. counts)`;
}

/** A subject that is not an origin at all: the opaque `null`, or a URL with a path. */
function notAnOrigin(subject: string, scope: ScopeType, trustedOrigins: TrustedOriginLookup): NearMiss | undefined {
  if (subject === 'null') {
    return {
      trustedOriginId: null,
      hint: 'the page has an opaque origin ("null": a file: or data: URL, or a sandboxed iframe); serve it from an http(s) origin the org trusts',
    };
  }
  let url: URL;
  try {
    url = new URL(subject);
  } catch {
    return undefined;
  }
  const origin = url.origin === 'null' ? undefined : canonicalOrigin(url.origin);
  if (origin === undefined) return undefined;
  const rest = `${url.pathname}${url.search}${url.hash}`;
  const trusted = trustingRecord(origin, scope, trustedOrigins.withSameOrigin(origin));
  const why = `an origin is only scheme, host and port, without a path like ${rest}`;
  return trusted ? { trustedOriginId: trusted.id, hint: `${trusted.origin} is (${trusted.id}): ${why}` } : { trustedOriginId: null, hint: `${why}; send ${origin}` };
}

/**
 * Asked only once `origin` has been refused for `scope`, so it may look at
 * more records than the allowed path does (a few hosts' worth, never all).
 */
export function nearMiss(origin: string, scope: ScopeType, trustedOrigins: TrustedOriginLookup): NearMiss | undefined {
  const canonical = canonicalOrigin(origin);
  const wanted = canonical === undefined ? undefined : parseOrigin(canonical);
  if (canonical === undefined || wanted === undefined) return notAnOrigin(origin, scope, trustedOrigins);

  const same = trustedOrigins.withSameOrigin(canonical);
  const inactive = same.find((r) => r.status !== 'ACTIVE' && hasScope(r, scope));
  if (inactive) {
    return {
      trustedOriginId: inactive.id,
      hint: `${inactive.origin} (${inactive.id}) is INACTIVE: activate it (POST /api/v1/trustedOrigins/${inactive.id}/lifecycle/activate)`,
    };
  }
  const unscoped = same.find((r) => !hasScope(r, scope));
  if (unscoped) {
    const has = unscoped.scopes.length > 0 ? unscoped.scopes.map((s) => s.type).join(' and ') : 'no scope';
    const alsoInactive = unscoped.status === 'ACTIVE' ? '' : ', and activate it';
    return {
      trustedOriginId: unscoped.id,
      hint: `${unscoped.origin} (${unscoped.id}) has ${has}, not ${scope}: add {"type": "${scope}"} to its scopes${alsoInactive}`,
    };
  }

  for (const host of [wanted.host, ...neighbourHosts(wanted.host)]) {
    for (const record of trustedOrigins.withHost(host)) {
      if (record.status !== 'ACTIVE' || !hasScope(record, scope)) continue;
      const candidate = canonicalOrigin(record.origin);
      const parsed = candidate === undefined ? undefined : parseOrigin(candidate);
      const difference = parsed && oneDifference(wanted, parsed);
      if (difference) return { trustedOriginId: record.id, hint: `${record.origin} is (${record.id}): ${difference}` };
    }
  }
  return undefined;
}
