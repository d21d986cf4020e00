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

/**
 * True when no parameter name in `query` can be a secret: nothing encoded, and
 * no secret name at a parameter's start. Most queries (`limit=20`,
 * `after=…`) then pass as they are, without splitting each pair.
 */
const mayNameASecret = new RegExp(`%|\\+|(?:^|&)(?:${[...SECRET_PARAMETERS].join('|')})(?:=|&|$)`, 'i');

/** The query string (without `?`) with every secret parameter's value replaced by `[redacted]`. */
export function redactQuery(query: string): string {
  if (query === '' || !mayNameASecret.test(query)) return query;
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAMETERS.has(decodedName(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}
