import { canonicalOrigin } from './trusted-for.js';

export type RedirectTarget =
  | { ok: true; location: string; origin: string }
  | { ok: false; reason: string };

/** The schemes a trusted origin can have that also have a WHATWG origin to check. */
const REDIRECT_SCHEMES = new Set(['http:', 'https:', 'ftp:']);

/**
 * RFC 3986 appendix B: how curl, Python `requests` and other non-browser
 * clients split a URL. Its authority must name the same host the WHATWG
 * parser saw, or the two kinds of client go to different places.
 */
const RFC3986 = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

const refuse = (reason: string): RedirectTarget => ({ ok: false, reason });

/**
 * Parses a redirect target (`fromURI`, `redirectUrl`) into the exact string
 * that goes into `Location` and the origin that must be trusted for it.
 *
 * Refused: anything browsers and RFC 3986 clients could read as different hosts
 * (backslashes, whitespace, control characters, userinfo), anything without an
 * http(s)/ftp origin (`javascript:`, `data:`, relative and `//host` targets).
 * Otherwise `location` is the WHATWG serialization: IDN hosts in punycode,
 * non-ASCII percent-encoded, so the header never carries raw input.
 */
export function parseRedirectTarget(raw: string): RedirectTarget {
  if (raw.includes('\\')) {
    return refuse('it contains a backslash, which browsers read as "/" and other clients do not');
  }
  // \s covers Unicode spaces too; browsers strip or drop some of them, a Location header cannot carry them.
  if (/[\s\x00-\x1f\x7f]/u.test(raw)) return refuse('it contains whitespace or a control character');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('it is not an absolute URL');
  }
  if (!REDIRECT_SCHEMES.has(url.protocol)) return refuse(`its scheme ${url.protocol} has no origin to trust`);
  if (url.username !== '' || url.password !== '' || rfcAuthority(raw).includes('@')) {
    return refuse('it carries a user name or password before the host, which hides where it leads');
  }
  const location = url.href;
  if (rfcAuthority(location).toLowerCase() !== url.host) {
    return refuse('browsers and RFC 3986 clients would read different hosts in it');
  }
  const origin = canonicalOrigin(url.origin);
  if (origin === undefined) return refuse(`its origin ${url.origin} is not one a trusted origin can name`);
  return { ok: true, location, origin };
}

function rfcAuthority(url: string): string {
  return RFC3986.exec(url)?.[2] ?? '';
}

/**
 * A `fromURI` that stays inside the org (`/admin/...`), as the org's own pages
 * send: the path itself, or undefined for anything a browser could read as
 * another host (`//host`, `/\host`) or that a Location header cannot carry.
 */
export function orgRelativeTarget(raw: string): string | undefined {
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return undefined;
  if (/[\s\x00-\x1f\x7f]/u.test(raw)) return undefined;
  return raw;
}
