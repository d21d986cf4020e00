/**
 * A page on a trusted origin, in a real Chromium, reads the 429 of an enforced
 * rate limit and the answer of a fault rule: status, Okta's error body, and the
 * rate-limit headers the org exposes to it. The org's clock stands still at
 * its start, so the minute's window cannot roll over while the test runs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';
import { startAppPageServer, type AppPageServer } from '../support/app-page-server.js';
import { launchChromium, runSample, signInThroughPage, trustOrigin } from '../support/browser.js';

const LIMIT = 3;

let okta: RunningServer;
let app: AppPageServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  const start = new Date();
  okta = await startServer({ port: 0, rateLimit: LIMIT, now: () => start });
  app = await startAppPageServer(okta.url);
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  await okta.reset();
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), app?.close(), okta?.close()]);
});

/** Signed in to the org, on the app page, with the app's origin trusted for CORS. */
async function signedInOnAppPage(): Promise<Page> {
  await trustOrigin(okta, app.origin, ['CORS']);
  context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughPage(page, okta.url);
  await page.goto(app.pageUrl);
  return page;
}

/** What the page's own fetch of /api/v1/users/me can read: status, body and the exposed rate-limit headers. */
function readMe(page: Page) {
  return page.evaluate(async (oktaUrl) => {
    const response = await fetch(`${oktaUrl}/api/v1/users/me`, { credentials: 'include' });
    return {
      status: response.status,
      body: (await response.json()) as { errorCode?: string; errorSummary?: string },
      remaining: response.headers.get('X-Rate-Limit-Remaining'),
      reset: response.headers.get('X-Rate-Limit-Reset'),
    };
  }, okta.url);
}

describe('rate limits and faults seen from a page in Chromium', () => {
  it('lets a page on a trusted origin read the 429 E0000047 past the limit, with X-Rate-Limit-Remaining 0 and the Reset', async () => {
    const page = await signedInOnAppPage();
    const answers = [];
    for (let i = 0; i <= LIMIT; i++) answers.push(await readMe(page));
    expect(answers.slice(0, LIMIT).map((a) => a.status)).toEqual([200, 200, 200]);
    const refused = answers[LIMIT]!;
    expect(refused).toMatchObject({ status: 429, remaining: '0', body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' } });
    expect(refused.reset).toBe(answers[0]!.reset);
  });

  it('lets the guide\'s fetch sample read a fault answer (503 E0000009), then the real profile once the rule is used up', async () => {
    const page = await signedInOnAppPage();
    okta.faults.add({ path: '/api/v1/users/me', status: 503, times: 1 });
    expect(await runSample(page, 'fetchSample')).toMatchObject({ outcome: 'resolved', status: 503, body: { errorCode: 'E0000009', errorSummary: 'Internal Server Error' } });
    expect(await runSample(page, 'fetchSample')).toMatchObject({ outcome: 'resolved', status: 200, body: { profile: { login: 'admin@example.com' } } });
  });
});
