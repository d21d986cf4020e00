/**
 * The attributes of the org's `sid` cookie, by the scheme the org is reached on.
 * Okta sets `Path=/` and `HttpOnly` (recorded 2017) and, on its HTTPS orgs,
 * `Secure` (recorded 2025). `SameSite=None` goes with `Secure`: without it a
 * current browser sends the cookie only to same-site requests, and an app on
 * another site could never make a credentialed call. Over plain HTTP neither
 * can be set (browsers drop `SameSite=None` cookies that are not `Secure`).
 */
export interface SessionCookieAttributes {
  path: '/';
  httpOnly: true;
  secure?: true;
  sameSite?: 'None';
}

export function sessionCookieAttributes(scheme: string): SessionCookieAttributes {
  return scheme.toLowerCase() === 'https' ? { path: '/', httpOnly: true, secure: true, sameSite: 'None' } : { path: '/', httpOnly: true };
}
