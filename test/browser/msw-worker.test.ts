import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import type { CallOutcome, MswPageApi } from '../support/msw-page/page.js';
import { bundleForBrowser, PAGE_ENTRY, startMswPageServer, type BrowserBundle, type MswPageServer } from '../support/msw-page/server.js';

/**
 * okta-mock/msw in a real page: MSW's `setupWorker` over `createOktaHandlers`,
 * bundled for the browser by esbuild, served from 127.0.0.1, in headless
 * Chromium. The org URL is not a real host: the service worker answers every
 * call to it, nothing goes to the network.
 */
const ORG_URL = 'https://dev-123.okta.example';
const TOKEN = '00okta-mock-default-api-token-for-local-use';
const SSWS = { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json' };
const JSON_SSWS = { ...SSWS, 'Content-Type': 'application/json' };
const AUTHN: RequestInit = {
  method: 'POST',
  headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'admin@example.com', password: 'okta-mock' }),
};
const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

interface OriginBody {
  id: string;
  name: string;
  origin: string;
  _links: { self: { href: string } };
}

describe('the browser entry point, bundled for the browser', () => {
  it('bundles the page (msw/browser + okta-mock/msw) with no node:* or other Node built-in reachable', async () => {
    const bundle = await bundleForBrowser(PAGE_ENTRY);
    expect(bundle.nodeImports).toEqual([]);
    expect(Object.keys(bundle.metafile.inputs).filter((i) => i.startsWith('node:'))).toEqual([]);
    expect(Object.keys(bundle.metafile.inputs)).toContain('src/msw.ts');
    expect(Object.keys(bundle.metafile.inputs)).toContain('src/store/browser-persistence.ts');
  });

  it('bundles src/msw.ts on its own the same way', async () => {
    const bundle = await bundleForBrowser(src('msw.ts'));
    expect(bundle.nodeImports).toEqual([]);
  });

  it('fails for an entry that does reach a Node built-in (the check bites)', async () => {
    await expect(bundleForBrowser(src('node.ts'))).rejects.toThrow(/node:|built into node|Could not resolve/i);
  });
});

describe('okta-mock/msw under setupWorker in headless Chromium', () => {
  let bundle: BrowserBundle;
  let site: MswPageServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    bundle = await bundleForBrowser(PAGE_ENTRY);
    site = await startMswPageServer(bundle);
    try {
      browser = await launchChromium();
    } catch (error) {
      await site.close();
      throw error;
    }
  });
  afterEach(async () => {
    await Promise.allSettled(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  interface MockPage {
    page: Page;
    /** Console lines of the page, in order. */
    console: string[];
    call(path: string, init?: RequestInit): Promise<CallOutcome>;
    /** Reloads the page and waits for the worker and the org again. */
    reload(): Promise<void>;
  }

  /** A fresh context (own storage, own service worker registration) on the page, worker started. */
  async function openPage(query = ''): Promise<MockPage> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const lines: string[] = [];
    page.on('console', (m) => lines.push(m.text()));
    page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
    const ready = async () => {
      await page.waitForFunction(() => 'oktaMock' in window);
      await page.evaluate(() => (window as unknown as { oktaMock: MswPageApi }).oktaMock.ready);
    };
    await page.goto(site.pageUrl + query);
    await ready();
    return {
      page,
      console: lines,
      call: (path, init = {}) =>
        page.evaluate(([p, i]) => (window as unknown as { oktaMock: MswPageApi }).oktaMock.call(p, i), [path, init] as const),
      async reload() {
        await page.reload();
        await ready();
      },
    };
  }

  async function createOrigin(p: MockPage, name: string, origin: string, scopes: string[]): Promise<OriginBody> {
    const res = await p.call('/api/v1/trustedOrigins', {
      method: 'POST',
      headers: JSON_SSWS,
      body: JSON.stringify({ name, origin, scopes: scopes.map((type) => ({ type })) }),
    });
    expect(res).toMatchObject({ outcome: 'resolved', status: 200 });
    return (res as { body: OriginBody }).body;
  }

  async function list(p: MockPage): Promise<OriginBody[]> {
    const res = await p.call('/api/v1/trustedOrigins', { headers: SSWS });
    expect(res).toMatchObject({ outcome: 'resolved', status: 200 });
    return (res as { body: OriginBody[] }).body;
  }

  const blockedLine = (method: string, path: string) =>
    `[okta-mock] ${method} ${ORG_URL}${path} blocked as the real org would: ${site.origin} is not a trusted origin for CORS`;

  it('registers the worker and serves the Trusted Origins API to fetch: ids and _links under the org URL', async () => {
    const p = await openPage();
    expect(await p.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site.origin}/mockServiceWorker.js`);

    const seeded = await list(p);
    expect(seeded.map((o) => o.id)).toEqual(['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4']);

    const created = await createOrigin(p, 'Created in the page', 'https://created-in-the-page.example', ['CORS', 'REDIRECT']);
    expect(created.id).toMatch(/^tos[0-9A-Za-z]{17}$/);
    expect(created._links.self.href).toBe(`${ORG_URL}/api/v1/trustedOrigins/${created.id}`);

    const listed = await list(p);
    expect(listed.map((o) => o.id)).toEqual([...seeded.map((o) => o.id), created.id]);
    for (const o of listed) expect(o._links.self.href.startsWith(`${ORG_URL}/api/v1/trustedOrigins/`)).toBe(true);

    const one = await p.call(`/api/v1/trustedOrigins/${created.id}`, { headers: SSWS });
    expect(one).toMatchObject({ outcome: 'resolved', status: 200, body: { id: created.id, origin: 'https://created-in-the-page.example' } });
    expect(p.console.filter((l) => l.includes('[okta-mock]') || l.startsWith('pageerror'))).toEqual([]);
  });

  it('blocks a CORS-enabled endpoint for an untrusted page origin with a TypeError and a console line, then allows it once trusted', async () => {
    const p = await openPage('?empty=1');

    // Preflighted (JSON body): the browser would not even send it.
    const blocked = await p.call('/api/v1/authn', AUTHN);
    expect(blocked).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    expect(p.console.some((l) => l.startsWith(blockedLine('POST', '/api/v1/authn')))).toBe(true);
    expect(p.console.some((l) => l.includes('simulateCors: false'))).toBe(true);

    // A simple request (no preflight): sent, but its answer is refused all the same.
    const simple = await p.call('/api/v1/users/me', { credentials: 'include' });
    expect(simple).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    expect(p.console.some((l) => l.startsWith(blockedLine('GET', '/api/v1/users/me')))).toBe(true);

    // The native failure of a blocked fetch in this browser has the same shape.
    const native = await p.page.evaluate(async (origin) => {
      try {
        await fetch(`${origin}/does-not-matter`, { headers: { 'X-Custom': '1' }, mode: 'cors' });
        return null;
      } catch (e) {
        return { name: (e as Error).name, message: (e as Error).message };
      }
    }, 'http://127.0.0.1:1');
    expect(blocked).toEqual({ outcome: 'rejected', ...native });

    // Trust the page's origin for CORS through the mocked API: the very next call goes through.
    const trusted = await createOrigin(p, 'The test page', site.origin, ['CORS']);
    expect(trusted.origin).toBe(site.origin);
    const allowed = await p.call('/api/v1/authn', AUTHN);
    expect(allowed).toMatchObject({ outcome: 'resolved', status: 200, body: { status: 'SUCCESS' } });

    // An SSWS token stays blocked on a CORS-enabled endpoint even from a trusted origin.
    const withToken = await p.call('/api/v1/users/me', { headers: SSWS });
    expect(withToken).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
  });

  it('still blocks the page origin when it is trusted for REDIRECT only', async () => {
    const p = await openPage('?empty=1');
    const redirectOnly = await createOrigin(p, 'Redirect only', site.origin, ['REDIRECT']);
    expect(await p.call('/api/v1/authn', AUTHN)).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    // The console line names the record and the scope it lacks.
    expect(p.console).toContainEqual(expect.stringContaining(`${site.origin} (${redirectOnly.id}) has REDIRECT, not CORS`));
  });

  it('with simulateCors: false, the untrusted page gets the org answer and no console line', async () => {
    const p = await openPage('?empty=1&simulateCors=0');
    const res = await p.call('/api/v1/authn', AUTHN);
    expect(res).toMatchObject({ outcome: 'resolved', status: 200, body: { status: 'SUCCESS' } });
    expect(p.console.filter((l) => l.includes('[okta-mock]'))).toEqual([]);
  });

  it('with persist: true, records survive a reload (the page re-registers the same handlers); reset goes back to the seed', async () => {
    const p = await openPage('?persist=1');
    const created = await createOrigin(p, 'Survives reloads', 'https://survives-reloads.example', ['CORS']);
    const deactivated = await p.call('/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4/lifecycle/deactivate', { method: 'POST', headers: SSWS });
    expect(deactivated).toMatchObject({ outcome: 'resolved', status: 200 });
    const before = await list(p);

    await p.reload();
    const after = await list(p);
    expect(after).toEqual(before);
    expect(after.map((o) => o.id)).toContain(created.id);
    expect(after.find((o) => o.id === 'tos10hzarOl8zfPM80g4')).toMatchObject({ status: 'INACTIVE' });

    // The restored records are live: the page origin trusted before a reload still is after it.
    await createOrigin(p, 'The test page', site.origin, ['CORS']);
    await p.reload();
    expect(await p.call('/api/v1/authn', AUTHN)).toMatchObject({ outcome: 'resolved', status: 200 });

    await p.page.evaluate(() => (window as unknown as { oktaMock: MswPageApi }).oktaMock.reset());
    await p.reload();
    expect((await list(p)).map((o) => o.id)).toEqual(['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4']);
  });

  it('without persist, a reload starts from the seed again', async () => {
    const p = await openPage();
    const created = await createOrigin(p, 'Gone after reload', 'https://gone-after-reload.example', ['CORS']);
    await p.reload();
    expect((await list(p)).map((o) => o.id)).not.toContain(created.id);
  });
});
