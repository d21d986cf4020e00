import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/node.js';
import { startAppPageServer, type AppPageServer, type SampleOutcome } from './app-page-server.js';

/** The Debian package's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.OKTA_MOCK_CHROMIUM ?? '/usr/bin/chromium';

export const ADMIN_LOGIN = 'admin@example.com';
export const ADMIN_PASSWORD = 'okta-mock';

export type SampleName = 'fetchSample' | 'xhrSample' | 'jquerySample';
export const SAMPLES: readonly SampleName[] = ['fetchSample', 'xhrSample', 'jquerySample'];

/** Headless Chromium (playwright-core adds `--headless` itself for `headless: true`; the duplicate is harmless). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The emulator, the app website and a browser, all on 127.0.0.1. */
export interface BrowserHarness {
  okta: RunningServer;
  app: AppPageServer;
  browser: Browser;
  /** A fresh browser context (no cookies, no caches) with one page; closed by `close()` or `closeContexts()`. */
  newPage(): Promise<Page>;
  /** Closes the contexts opened so far (call after each test). */
  closeContexts(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One harness per test file: started before the file, the org reset before
 * each test, browser contexts closed after each. The returned object stands
 * for the harness once it has started.
 */
export function useBrowserHarness(): BrowserHarness {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await harness!.okta.store.reset();
  });
  afterEach(async () => {
    await harness!.closeContexts();
  });
  return new Proxy({} as BrowserHarness, { get: (_, key) => Reflect.get(harness!, key) });
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const okta = await startServer({ port: 0, host: '127.0.0.1' });
  const app = await startAppPageServer(okta.url);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await Promise.allSettled([app.close(), okta.close()]);
    throw error;
  }
  const contexts = new Set<BrowserContext>();
  const closeContexts = async () => {
    const open = [...contexts];
    contexts.clear();
    await Promise.allSettled(open.map((c) => c.close()));
  };
  return {
    okta,
    app,
    browser,
    async newPage() {
      const context = await browser.newContext();
      contexts.add(context);
      return context.newPage();
    },
    closeContexts,
    async close() {
      await closeContexts();
      await Promise.allSettled([browser.close(), app.close(), okta.close()]);
    },
  };
}

/** Runs one of the guide's samples on the app page and returns what it saw. */
export function runSample(page: Page, name: SampleName): Promise<SampleOutcome> {
  return page.evaluate((fn) => (window as unknown as Record<string, () => Promise<SampleOutcome>>)[fn]!(), name);
}

export async function runAllSamples(page: Page): Promise<Record<SampleName, SampleOutcome>> {
  const results = {} as Record<SampleName, SampleOutcome>;
  for (const name of SAMPLES) results[name] = await runSample(page, name);
  return results;
}

/** A credentialed fetch from the app page to the org (`window.callOkta`). */
export function callOkta(page: Page, path: string, init: RequestInit = {}): Promise<SampleOutcome> {
  return page.evaluate(
    ([p, i]) => (window as unknown as { callOkta: (p: string, i: RequestInit) => Promise<SampleOutcome> }).callOkta(p, i),
    [path, init] as const,
  );
}

/** Signs in through the org's sign-in page in the browser, as a person would. */
export async function signInThroughPage(page: Page, oktaUrl: string, login = ADMIN_LOGIN, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(`${oktaUrl}/login/login.htm`);
  await page.fill('#username', login);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${oktaUrl}/login/login.htm`, { waitUntil: 'load' }), page.click('button[type=submit]')]);
  const signedIn = await page.textContent('#signed-in');
  if (!signedIn?.includes(login)) throw new Error(`sign-in did not succeed; the page says: ${await page.textContent('body')}`);
}

/** The `sid` cookie the browser holds for the org, if any. */
export async function sessionCookie(page: Page, oktaUrl: string): Promise<string | undefined> {
  const cookies = await page.context().cookies(oktaUrl);
  return cookies.find((c) => c.name === 'sid')?.value;
}

/* ----- The org's Trusted Origins API, called from Node with the SSWS token (never from the browser). ----- */

export type Scope = 'CORS' | 'REDIRECT' | 'IFRAME_EMBED';

export interface TrustedOriginBody {
  id: string;
  origin: string;
  status: string;
  scopes: Array<{ type: Scope }>;
}

/**
 * Node's fetch does not trust the certificate an `https: true` org generates, so
 * such an org is called in-process (the same app the socket serves); over plain HTTP, over the socket.
 */
export function nodeFetch(okta: RunningServer, url: string, init: RequestInit): Promise<Response> {
  return okta.certificate?.generated ? Promise.resolve(okta.app.fetch(new Request(url, init))) : fetch(url, init);
}

async function api(okta: RunningServer, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `SSWS ${okta.token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await nodeFetch(okta, `${okta.url}/api/v1/trustedOrigins${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} /api/v1/trustedOrigins${path}: ${res.status} ${await res.text()}`);
  return res;
}

export async function trustOrigin(okta: RunningServer, origin: string, scopes: Scope[]): Promise<TrustedOriginBody> {
  const res = await api(okta, 'POST', '', { name: `browser test ${origin} ${scopes.join('+')}`, origin, scopes: scopes.map((type) => ({ type })) });
  return (await res.json()) as TrustedOriginBody;
}

export async function deactivateOrigin(okta: RunningServer, id: string): Promise<TrustedOriginBody> {
  return (await (await api(okta, 'POST', `/${id}/lifecycle/deactivate`)).json()) as TrustedOriginBody;
}

export async function activateOrigin(okta: RunningServer, id: string): Promise<TrustedOriginBody> {
  return (await (await api(okta, 'POST', `/${id}/lifecycle/activate`)).json()) as TrustedOriginBody;
}

export async function deleteOrigin(okta: RunningServer, id: string): Promise<void> {
  await api(okta, 'DELETE', `/${id}`);
}

/** `POST /api/v1/authn` from Node (no `Origin`): a one-time session token for the fixture admin. */
export async function sessionTokenFromNode(okta: RunningServer, login = ADMIN_LOGIN, password = ADMIN_PASSWORD): Promise<string> {
  const res = await nodeFetch(okta, `${okta.url}/api/v1/authn`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: login, password }),
  });
  if (!res.ok) throw new Error(`POST /api/v1/authn: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { status: string; sessionToken: string };
  return body.sessionToken;
}

export function sessionCookieRedirectUrl(oktaUrl: string, token: string, redirectUrl: string): string {
  const url = new URL('/login/sessionCookieRedirect', oktaUrl);
  url.searchParams.set('token', token);
  url.searchParams.set('redirectUrl', redirectUrl);
  return url.toString();
}
