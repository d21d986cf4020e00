/**
 * What `npm run contract` checks before it runs the suite against a real org, so that a
 * setting, a network or a token problem reads as one line with its own exit code and never
 * as a list of "differences". The one call it makes is a read (`GET /api/v1/trustedOrigins?limit=1`).
 */

/** The command's exit codes; README.md and test/contract/README.md document them. */
export const EXIT = { MATCHES: 0, DIFFERENCES: 1, UNREACHABLE: 2, TOKEN_REFUSED: 3, NOT_ALLOWED: 4 };

const VARIABLES = ['OKTA_ORG_URL', 'OKTA_API_TOKEN', 'OKTA_CONTRACT_ALLOW_REAL_ORG'];

/**
 * Undefined when the run may go on (no real org asked for, or one that answers the token);
 * else `{ code, line }` to print and exit with.
 */
export async function preflight(env, { timeoutMs = 10_000 } = {}) {
  if (!VARIABLES.some((name) => env[name])) return undefined;
  const missing = VARIABLES.slice(0, 2).filter((name) => !env[name]);
  if (missing.length > 0) {
    return { code: EXIT.NOT_ALLOWED, line: `contract: ${missing.join(' and ')} not set, so there is no real org to compare with; nothing was sent` };
  }
  let org;
  try {
    org = new URL(env.OKTA_ORG_URL);
  } catch {
    return { code: EXIT.NOT_ALLOWED, line: 'contract: OKTA_ORG_URL is not a URL (e.g. https://dev-123.okta.com); nothing was sent' };
  }
  if (org.pathname !== '/' || org.search !== '') {
    return { code: EXIT.NOT_ALLOWED, line: 'contract: OKTA_ORG_URL must be the org URL only (e.g. https://dev-123.okta.com); nothing was sent' };
  }
  if (env.OKTA_CONTRACT_ALLOW_REAL_ORG !== 'yes') {
    return {
      code: EXIT.NOT_ALLOWED,
      line: `contract: OKTA_CONTRACT_ALLOW_REAL_ORG=yes is not set; the suite creates and deletes trusted origins in ${org.origin}, so it needs that opt-in. Nothing was sent`,
    };
  }
  let res;
  try {
    res = await fetch(`${org.origin}/api/v1/trustedOrigins?limit=1`, {
      headers: { Accept: 'application/json', Authorization: `SSWS ${env.OKTA_API_TOKEN}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = error?.cause?.code ?? (error?.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : error?.message ?? String(error));
    return { code: EXIT.UNREACHABLE, line: `contract: cannot reach the org at ${org.origin} (${reason}); nothing was compared` };
  }
  if (res.status === 401 || res.status === 403) {
    let detail = '';
    try {
      const body = await res.json();
      if (body?.errorCode) detail = ` ${body.errorCode} ${JSON.stringify(body.errorSummary ?? '')}`;
    } catch {
      // not an Okta error body; the status says enough
    }
    return {
      code: EXIT.TOKEN_REFUSED,
      line: `contract: the org at ${org.origin} refused OKTA_API_TOKEN (${res.status}${detail}); check the token and its admin role. Nothing was compared`,
    };
  }
  await res.body?.cancel();
  return undefined;
}
