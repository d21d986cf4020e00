/** Browser sign-in steps over a test org: authn, the session-cookie redirect, and cookie handling. */
import { expect } from 'vitest';
import type { TestOrg } from './org.js';

export const ADMIN_LOGIN = 'admin@example.com';
export const ADMIN_PASSWORD = 'okta-mock';
/** Seeded trusted origins (fixtures/trusted-origins.json). */
export const CORS_ONLY_ORIGIN = 'http://example.com';
export const CORS_AND_REDIRECT_ORIGIN = 'https://rf.example.com';
export const SESSION_ID = /^102[A-Za-z0-9_-]{22}$/;
export const SESSION_TOKEN = /^20111[A-Za-z0-9_-]{50}$/;

export type RequestInitWithAuth = Parameters<TestOrg['request']>[1];

/** `POST /api/v1/authn` without an API token, as a browser sends it. */
export function authn(org: TestOrg, username = ADMIN_LOGIN, password = ADMIN_PASSWORD, headers: HeadersInit = {}): Promise<Response> {
  return org.request('/api/v1/authn', { method: 'POST', auth: false, headers, json: { username, password } });
}

export async function sessionToken(org: TestOrg): Promise<string> {
  const res = await authn(org);
  expect(res.status).toBe(200);
  return ((await res.json()) as { sessionToken: string }).sessionToken;
}

export function cookieRedirect(org: TestOrg, token: string, redirectUrl: string, headers: HeadersInit = {}): Promise<Response> {
  const query = new URLSearchParams({ checkAccountSetupComplete: 'true', token, redirectUrl });
  return org.request(`/login/sessionCookieRedirect?${query}`, { auth: false, headers });
}

/** The `sid` value a response sets, or undefined when it sets none (a cleared cookie counts as none). */
export function sidOf(res: Response): string | undefined {
  for (const cookie of res.headers.getSetCookie()) {
    const m = /^sid=([^;]*)/.exec(cookie);
    if (m && m[1] !== '') return m[1];
  }
  return undefined;
}

/** Signs the admin in through authn and the cookie redirect; returns the `Cookie` header value. */
export async function signIn(org: TestOrg): Promise<string> {
  const res = await cookieRedirect(org, await sessionToken(org), `${CORS_AND_REDIRECT_ORIGIN}/app`);
  expect(res.status).toBe(302);
  const sid = sidOf(res);
  expect(sid).toMatch(SESSION_ID);
  return `sid=${sid}`;
}

/** A request as a browser sends it: no API token, the session cookie if given, extra headers. */
export function browser(org: TestOrg, path: string, cookie: string | undefined, init: RequestInitWithAuth = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie !== undefined) headers.set('Cookie', cookie);
  return org.request(path, { ...init, auth: false, headers });
}
