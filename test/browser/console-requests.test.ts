/**
 * The request view in a real Chromium: a page on a second, untrusted origin
 * calls the org, the view shows the refusal live, its filters narrow the rows,
 * and its one-click fix makes the page's next call pass.
 */
import { request as httpRequest } from 'node:http';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runSample, signInThroughPage, trustOrigin, useBrowserHarness } from '../support/browser.js';

const h = useBrowserHarness();
const VIEW = '/admin/okta-mock/requests';
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** The admin, signed in, on the request view at 1280×800; and a second tab on the app page of the other origin. */
async function openView(query = ''): Promise<{ view: Page; app: Page }> {
  const view = await h.newPage();
  await view.setViewportSize({ width: 1280, height: 800 });
  await signInThroughPage(view, h.okta.url);
  await view.goto(`${h.okta.url}${VIEW}${query}`);
  await view.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
  const app = await view.context().newPage();
  await app.goto(h.app.pageUrl);
  return { view, app };
}

/** The row of the newest request from `origin`. */
const rowFrom = (view: Page, origin: string) => view.locator('#requests tbody tr', { has: view.locator('td.origin', { hasText: origin }) }).first();

/** Sends a request with any `Origin` header at all, as no browser would. */
function sendWithOrigin(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { Origin: origin } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the request view in a real browser', () => {
  it('shows a refused CORS call within a second with its hint, filters it, and its one-click fix makes the next call pass', async () => {
    h.okta.clearRequests();
    // localhost is trusted, the page runs on 127.0.0.1: the near miss the hint explains.
    const alias = h.app.origin.replace('127.0.0.1', 'localhost');
    await trustOrigin(h.okta, alias, ['CORS']);
    const { view, app } = await openView();

    expect(await runSample(app, 'fetchSample')).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    const refused = rowFrom(view, h.app.origin);
    await refused.waitFor({ timeout: 1000 }); // the promise: within a second of the call
    expect(await refused.getAttribute('class')).toBe('refused');
    expect(await refused.locator('.verdict').textContent()).toBe('Refused');
    expect(await refused.locator('.reason').textContent()).toBe(`${h.app.origin} is not a trusted origin for CORS`);
    expect(await refused.locator('.hint').textContent()).toMatch(/^Hint: http:\/\/localhost:\d+ is \(tos\w+\): browsers treat localhost and 127\.0\.0\.1 as different origins$/);
    expect(await refused.locator('code').textContent()).toBe('GET /api/v1/users/me');
    // The sign-in's own requests are listed too, without a verdict; the view's own are not.
    expect(await view.locator('#requests tbody tr:not(.refused)').count()).toBeGreaterThan(0);
    expect(await view.locator('#requests tbody code', { hasText: '/admin' }).count()).toBe(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await view.screenshot({ path: `${SCREENSHOTS}requests.png` });

    // "Refused only": in the address, kept across a reload, and applied to rows that arrive later.
    await view.getByLabel('Refused only').check();
    await view.waitForURL(/[?&]refused=1(&|$)/);
    const shown = async () => ({ refused: await view.locator('#requests tbody tr.refused').count(), other: await view.locator('#requests tbody tr:not(.refused)').count() });
    await expect.poll(shown, { timeout: 5000 }).toEqual({ refused: 1, other: 0 });
    await view.reload();
    expect(await view.getByLabel('Refused only').isChecked()).toBe(true);
    await expect.poll(shown, { timeout: 5000 }).toEqual({ refused: 1, other: 0 });
    expect(await runSample(app, 'fetchSample')).toMatchObject({ outcome: 'rejected' });
    await expect.poll(() => view.locator('#requests tbody tr.refused td.origin', { hasText: h.app.origin }).count(), { timeout: 5000 }).toBe(2);

    // By origin: another origin's text hides the rows, live ones too; the app's origin shows them.
    await view.getByLabel('Origin contains').fill('nothing.example');
    await view.waitForURL(/[?&]origin=nothing\.example/);
    await view.locator('#requests-empty').waitFor({ state: 'visible', timeout: 5000 });
    expect(await runSample(app, 'fetchSample')).toMatchObject({ outcome: 'rejected' });
    // Once the view has polled past that call, its row would be there if the filter let it through.
    const journalIndex = (requestId: string | null) => h.okta.requests().findIndex((e) => e.requestId === requestId);
    const hiddenCall = journalIndex(h.okta.requests().at(-1)!.requestId);
    await expect.poll(async () => journalIndex(await view.locator('#requests').getAttribute('data-since')) >= hiddenCall, { timeout: 5000 }).toBe(true);
    expect(await view.locator('#requests tbody tr').count()).toBe(0);
    await view.getByLabel('Origin contains').fill(new URL(h.app.origin).host);
    await expect.poll(() => view.locator('#requests tbody tr').count(), { timeout: 5000 }).toBe(3);

    // The fix: a confirmation first (Cancel changes nothing), then the record, then the next call passes.
    const before = structuredClone(h.okta.store.trustedOrigins.all());
    const fix = view.getByRole('button', { name: `Trust ${h.app.origin} for CORS` }).first();
    await fix.click();
    const dialog = view.getByRole('dialog', { name: `Trust ${h.app.origin} for CORS?` });
    await dialog.waitFor();
    expect(await dialog.locator('#trust-dialog-text').textContent()).toBe(`A new ACTIVE trusted origin "${h.app.origin}" for ${h.app.origin} with CORS.`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(h.okta.store.trustedOrigins.all()).toEqual(before);

    await fix.click();
    await dialog.getByRole('button', { name: 'Trust it' }).click();
    await expect.poll(() => view.locator('#requests-outcome').textContent(), { timeout: 5000 }).toBe(`Done. A new ACTIVE trusted origin "${h.app.origin}" for ${h.app.origin} with CORS.`);
    expect(h.okta.store.trustedOrigins.all().find((r) => r.origin === h.app.origin)).toMatchObject({ status: 'ACTIVE', scopes: [{ type: 'CORS' }] });
    // Rows are fetched anew: the fixed refusals no longer offer a fix.
    await expect.poll(() => view.getByRole('button', { name: `Trust ${h.app.origin} for CORS` }).count(), { timeout: 5000 }).toBe(0);

    expect(await runSample(app, 'fetchSample')).toMatchObject({ outcome: 'resolved', status: 200 });
  });

  it('shows an Origin header carrying markup as text, never as markup', async () => {
    h.okta.clearRequests();
    const { view } = await openView();
    const hostile = 'https://x.example/<img src=x onerror="window.__pwned=1">';
    expect(await sendWithOrigin(`${h.okta.url}/api/v1/users/me`, hostile)).toBe(403);
    const row = rowFrom(view, 'x.example');
    await row.waitFor({ timeout: 1000 });
    expect(await row.locator('td.origin').textContent()).toBe(hostile);
    expect(await row.locator('.reason').textContent()).toContain('<img src=x');
    expect(await view.locator('#requests img').count()).toBe(0);
    expect(await view.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Not an origin a trusted origin can name: no fix is offered.
    expect(await row.locator('button').count()).toBe(0);
  });
});
