/**
 * Query parameters that carry a secret (the session token of
 * `/login/sessionCookieRedirect?token=`, and any a caller puts there by
 * mistake). The journal keeps the name and drops the value, so neither the
 * journal, the control API nor a log line can ever show one.
 */
const SECRET_PARAMETERS = new Set(['token', 'sessiontoken', 'password', 'sid', 'access_token', 'id_token', 'refresh_token', 'api_token']);

export const REDACTED = '[redacted]';

function decodedName(raw: string): string {
  // Most names carry nothing to decode; the journal asks for every request.
  if (!raw.includes('%') && !raw.includes('+')) return raw.toLowerCase();
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** The query string (without `?`) with every secret parameter's value replaced by `[redacted]`. */
export function redactQuery(query: string): string {
  if (query === '') return query;
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAMETERS.has(decodedName(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}
