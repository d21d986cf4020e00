/** Driving the Admin Console as a signed-in browser does: its pages, its CSRF token, its form posts. */
import { expect } from 'vitest';
import { ORG_URL, type TestOrg } from './org.js';
import { browser, signIn } from './session-flow.js';

export interface ConsoleBrowser {
  cookie: string;
  csrfToken: string;
}

export const csrfTokenOf = (page: string): string => {
  const token = /<meta name="okta-mock-csrf" content="([^"]+)">/.exec(page)?.[1];
  expect(token).toBeDefined();
  return token!;
};

/** Signs the fixture admin in and reads the CSRF token from the Trusted Origins tab. */
export async function consoleBrowser(org: TestOrg, cookie?: string): Promise<ConsoleBrowser> {
  const sessionCookie = cookie ?? (await signIn(org));
  const res = await browser(org, '/admin/access/api/trusted_origins', sessionCookie);
  expect(res.status).toBe(200);
  return { cookie: sessionCookie, csrfToken: csrfTokenOf(await res.text()) };
}

export interface PostOptions {
  /** The `Origin` the browser sends; the org's own by default. */
  origin?: string | null;
  /** The `_csrf` field; the session's token by default, `null` for none. */
  csrfToken?: string | null;
  headers?: Record<string, string>;
}

/** A console form posted as a browser posts it: form-encoded, with `Origin`, the cookie and `_csrf`. */
export function postForm(org: TestOrg, path: string, as: ConsoleBrowser | { cookie: string | undefined; csrfToken?: string }, fields: Record<string, string> = {}, options: PostOptions = {}): Promise<Response> {
  const body = new URLSearchParams(fields);
  const token = options.csrfToken === undefined ? as.csrfToken : options.csrfToken;
  if (token !== null && token !== undefined) body.set('_csrf', token);
  const headers: Record<string, string> = { ...options.headers };
  const origin = options.origin === undefined ? ORG_URL : options.origin;
  if (origin !== null) headers.Origin = origin;
  return browser(org, path, as.cookie, { method: 'POST', body, headers });
}

/** The text of an element with the given id (tags stripped, entities of hono/html decoded). */
export function textOfId(page: string, id: string): string | undefined {
  const m = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(page);
  if (!m) return undefined;
  return decodeEntities(m[2]!.replace(/<\/p><p>/g, '\n').replace(/<[^>]+>/g, '')).trim();
}

export const decodeEntities = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The `value` attribute of the input with the given id, decoded. */
export function valueOfInput(page: string, id: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(page)?.[0];
  const value = tag && /\bvalue="([^"]*)"/.exec(tag)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

export function isChecked(page: string, id: string): boolean {
  const tag = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(page)?.[0];
  expect(tag, id).toBeDefined();
  return / checked\b/.test(tag!);
}
