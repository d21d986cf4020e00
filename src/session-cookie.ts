import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';

/** Okta's browser session cookie. Plain HTTP on loopback, so not `Secure`; `HttpOnly` as Okta sets it. */
export const SESSION_COOKIE = 'sid';

export const readSessionId = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

export function setSessionCookie(c: Context, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, { path: '/', httpOnly: true });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The same clearing `Set-Cookie` value, for answers built without Hono's helpers. */
export function clearedSessionCookie(): string {
  return serialize(SESSION_COOKIE, '', { path: '/', maxAge: 0 });
}
