import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { serialize } from 'hono/utils/cookie';
import { sessionCookieAttributes } from './domain/session-cookie-attributes.js';

/** Okta's browser session cookie; its attributes follow the scheme the org was reached on. */
export const SESSION_COOKIE = 'sid';

const schemeOf = (c: Context) => new URL(c.req.url).protocol.replace(/:$/, '');

export const readSessionId = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

export function setSessionCookie(c: Context, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, sessionCookieAttributes(schemeOf(c)));
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, sessionCookieAttributes(schemeOf(c)));
}

/** The same clearing `Set-Cookie` value, for answers built without Hono's helpers. */
export function clearedSessionCookie(c: Context): string {
  return serialize(SESSION_COOKIE, '', { ...sessionCookieAttributes(schemeOf(c)), maxAge: 0 });
}
