/**
 * `npx okta-mock --trust <app origin>` in real Chromium: the "Enable CORS"
 * guide's fetch sample works on the app's page with no API call to set up a
 * trusted origin first, and a page on another origin is still blocked.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppPageServer, type AppPageServer } from '../support/app-page-server.js';
import { ADMIN_LOGIN, launchChromium, runSample, signInThroughPage } from '../support/browser.js';
import { spawnCli, stopAllClis, LISTENING_LINE, type CliRun } from '../support/cli.js';

/** A port nothing listens on right now: the app page must know the org's URL before the CLI starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function listening(run: CliRun): Promise<void> {
  for (let i = 0; i < 200 && !LISTENING_LINE.test(run.stdout()); i++) {
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!LISTENING_LINE.test(run.stdout())) throw new Error(`the CLI did not start: ${run.stderr()}`);
}

let oktaUrl: string;
let trustedApp: AppPageServer;
let otherApp: AppPageServer;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  oktaUrl = `http://127.0.0.1:${port}`;
  trustedApp = await startAppPageServer(oktaUrl);
  otherApp = await startAppPageServer(oktaUrl);
  const cli = spawnCli(['--port', String(port), '--trust', trustedApp.origin]);
  await listening(cli);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.allSettled([trustedApp?.close(), otherApp?.close(), stopAllClis()]);
});

describe('--trust in a real browser', () => {
  it('lets the guide\'s fetch sample on the trusted app page read the signed-in user, with no API call first', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughPage(page, oktaUrl);
    await page.goto(trustedApp.pageUrl);
    expect(await runSample(page, 'fetchSample')).toEqual({
      outcome: 'resolved',
      status: 200,
      body: expect.objectContaining({ profile: expect.objectContaining({ login: ADMIN_LOGIN }) }),
    });
    await context.close();
  });

  it('still blocks the same sample on a page of an origin not given to --trust', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughPage(page, oktaUrl);
    await page.goto(otherApp.pageUrl);
    expect(await runSample(page, 'fetchSample')).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    await context.close();
  });
});
