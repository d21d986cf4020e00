/**
 * Okta accepts an origin (scheme, host, optional port, optional trailing
 * slash) for the schemes it documents: HTTP, HTTPS, FTP, Ionic 2 and Capacitor.
 * A leading `*.` wildcard is accepted only where the caller allows it.
 * A port with leading zeros (`:00080`) is refused: browsers never send one in
 * `Origin`, so stored as given it could never match.
 */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ORIGIN_PATTERN = new RegExp(
  `^(https?|ftp|ionic|capacitor)://(\\*\\.)?(${LABEL}(?:\\.${LABEL})*|\\[[0-9A-Fa-f:.]+\\])(?::([1-9]\\d{0,4}))?/?$`,
  'i',
);

export interface ParsedOrigin {
  scheme: string;
  host: string;
  port: string | undefined;
  wildcard: boolean;
}

export function parseOrigin(value: string): ParsedOrigin | undefined {
  const m = ORIGIN_PATTERN.exec(value);
  if (!m) return undefined;
  const [, scheme, star, host, port] = m;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined;
  return { scheme: scheme!.toLowerCase(), host: host!.toLowerCase(), port, wildcard: star !== undefined };
}

export function isValidOrigin(value: string, { allowWildcard }: { allowWildcard: boolean }): boolean {
  const parsed = parseOrigin(value);
  return parsed !== undefined && (allowWildcard || !parsed.wildcard);
}
