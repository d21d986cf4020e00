import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { REPO_ROOT } from '../support/cli.js';
import { bundleForBrowser, startMswPageServer, type MswPageServer } from '../support/msw-page/server.js';

/**
 * The entries as they ship (dist/, the esbuild bundle and its shared chunks,
 * built by the global setup the way `npm run build` does) still load in a
 * browser: bundled for the browser with no Node built-in reachable, and
 * answering in headless Chromium.
 */
const dist = (file: string) => join(REPO_ROOT, 'dist', 'src', file);
const PAGE = join(REPO_ROOT, 'test', 'support', 'published-page', 'page.mjs');
const FIXTURE_ID = 'tosue7JvguwJ7U6kz0g3';

describe('the published browser entries (dist/src/index.js, dist/src/msw.js)', () => {
  for (const entry of ['index.js', 'msw.js']) {
    it(`bundles dist/src/${entry} for the browser with no node:* or other Node built-in reachable`, async () => {
      const bundle = await bundleForBrowser(dist(entry));
      expect(bundle.nodeImports).toEqual([]);
      // It is the shipped bundle, not the sources: the graph is dist files plus msw at most.
      const inputs = Object.keys(bundle.metafile.inputs);
      expect(inputs.filter((i) => i.startsWith('src/'))).toEqual([]);
      expect(inputs.some((i) => /^dist\/src\/chunk-.*\.js$/.test(i))).toBe(true);
    });
  }

  it('fails for the published node entry, which does reach Node built-ins (the check bites)', async () => {
    await expect(bundleForBrowser(dist('node.js'))).rejects.toThrow(/node:|built into node|Could not resolve/i);
  });
});

describe('the published browser entries in headless Chromium', () => {
  let site: MswPageServer;
  let browser: Browser;

  beforeAll(async () => {
    const bundle = await bundleForBrowser(PAGE);
    expect(bundle.nodeImports).toEqual([]);
    site = await startMswPageServer(bundle);
    try {
      browser = await launchChromium();
    } catch (error) {
      await site.close();
      throw error;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function inPage(method: 'viaApp' | 'viaWorker') {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.pageUrl);
      await page.waitForFunction(() => 'published' in window);
      return await page.evaluate((m) => (window as unknown as Record<string, Record<string, () => Promise<unknown>>>).published![m]!(), method);
    } finally {
      await context.close();
    }
  }

  it("okta-mock's createOrg answers GET by id with the fixture record inside the page", async () => {
    expect(await inPage('viaApp')).toEqual({ status: 200, id: FIXTURE_ID });
  });

  it("okta-mock/msw's handlers under setupWorker answer the page's fetch of GET by id", async () => {
    expect(await inPage('viaWorker')).toEqual({ status: 200, id: FIXTURE_ID });
  });
});
