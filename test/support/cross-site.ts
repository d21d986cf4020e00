/**
 * The production topology in a real Chromium: the app on `http://localhost:<A>`,
 * the org on `https://127.0.0.1:<B>` (a generated certificate). Different
 * sites, so the org's cookie is a third-party cookie on the app's calls.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';
import { startAppPageServer } from './app-page-server.js';
import { CHROMIUM } from './browser.js';

export interface CrossSiteApp {
  /** `http://localhost:<A>`: what the browser sends as `Origin`. */
  origin: string;
  pageUrl: string;
  landingUrl: string;
}

export interface CrossSiteHarness {
  okta: RunningServer;
  app: CrossSiteApp;
  context: BrowserContext;
  /** A new page in the file's browser profile (cookies are cleared before each test). */
  newPage(): Promise<Page>;
}

/**
 * Chromium's third-party cookie setting, the `profile.cookie_controls_mode`
 * preference: `allowed` writes 0 into a fresh profile; `browser default`
 * leaves the profile as Chromium makes it (which blocks them).
 */
export type ThirdPartyCookies = 'allowed' | 'browser default';

function freshProfile(thirdPartyCookies: ThirdPartyCookies): string {
  const dir = mkdtempSync(join(tmpdir(), 'okta-mock-chromium-'));
  if (thirdPartyCookies === 'allowed') {
    mkdirSync(join(dir, 'Default'));
    writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  }
  return dir;
}

/** One harness per test file, in a fresh Chromium profile with the given third-party cookie setting. */
export function useCrossSiteHarness(thirdPartyCookies: ThirdPartyCookies): CrossSiteHarness {
  let harness: CrossSiteHarness | undefined;
  let cleanup: Array<() => Promise<void> | void> = [];
  beforeAll(async () => {
    const okta = await startServer({ port: 0, host: '127.0.0.1', https: true });
    cleanup.push(() => okta.close());
    const site = await startAppPageServer(okta.url);
    cleanup.push(() => site.close());
    const port = new URL(site.origin).port;
    const origin = `http://localhost:${port}`;
    const profile = freshProfile(thirdPartyCookies);
    cleanup.push(() => rmSync(profile, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreHTTPSErrors: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    cleanup.unshift(() => context.close());
    harness = {
      okta,
      app: { origin, pageUrl: `${origin}/app`, landingUrl: `${origin}/landing` },
      context,
      newPage: () => context.newPage(),
    };
  });
  afterAll(async () => {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => undefined);
    cleanup = [];
  });
  beforeEach(async () => {
    await harness!.okta.store.reset();
    await harness!.context.clearCookies();
    for (const page of harness!.context.pages()) await page.close();
  });
  return new Proxy({} as CrossSiteHarness, { get: (_, key) => Reflect.get(harness!, key) });
}
