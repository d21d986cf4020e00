/** The request view as its script uses it, through a test org: a signed-in admin's session, the feed, the fix. */
import { expect } from 'vitest';
import { ORG_URL, type TestOrg } from './org.js';
import { browser, signIn } from './session-flow.js';
import type { RequestFeed } from '../../src/console/requests-feed.js';

export const VIEW = '/admin/okta-mock/requests';
export const FEED = `${VIEW}/feed`;
export const TRUST = `${VIEW}/trust`;
export const APP = 'https://app.example';
export const NOT_ADMIN = { id: '00unotadmin000000001', profile: { login: 'reader@example.com' }, password: 'reader-pass' };

export interface ConsoleSession {
  cookie: string;
  csrf: string;
}

/** Signs the admin in and reads the CSRF token from the request view, as its script does. */
export async function consoleSession(org: TestOrg): Promise<ConsoleSession> {
  const cookie = await signIn(org);
  const page = await (await browser(org, VIEW, cookie)).text();
  const csrf = /<meta name="okta-mock-csrf" content="([^"]+)">/.exec(page)?.[1];
  expect(csrf).toBeDefined();
  return { cookie, csrf: csrf! };
}

/** A credentialed call to /api/v1/users/me from a page on `origin`; returns its request id. */
export async function callFrom(org: TestOrg, origin: string, cookie?: string): Promise<{ requestId: string; res: Response }> {
  const res = await browser(org, '/api/v1/users/me', cookie, { headers: { Origin: origin } });
  return { requestId: res.headers.get('X-Okta-Request-Id')!, res };
}

export async function feed(org: TestOrg, session: ConsoleSession, query = ''): Promise<RequestFeed> {
  const res = await browser(org, `${FEED}${query}`, session.cookie);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  return (await res.json()) as RequestFeed;
}

export function trust(org: TestOrg, session: ConsoleSession, requestId: string, headers: Record<string, string> = {}): Promise<Response> {
  return browser(org, TRUST, session.cookie, {
    method: 'POST',
    headers: { Origin: ORG_URL, 'X-Okta-Mock-CSRF': session.csrf, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ requestId }),
  });
}

export const recordFor = (org: TestOrg, origin: string) => org.store.trustedOrigins.all().find((r) => r.origin === origin);
