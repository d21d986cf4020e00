/**
 * The "Enable CORS" guide's six steps done in a real Chromium through the
 * Admin Console, by label and role, then the guide's fetch sample on the
 * origin just trusted; then Edit, Deactivate, Activate and Delete, and the
 * API's validation message beside the field. Writes the tab's screenshots.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { consolePath } from '../../src/console/paths.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD, deactivateOrigin, runSample, useBrowserHarness } from '../support/browser.js';

const h = useBrowserHarness();
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const TAB = consolePath('trusted-origins');

/** Opens a console page signed out, signs in on the org's sign-in page with the keyboard, and lands back on it. */
async function signInToConsole(page: Page, path: string): Promise<void> {
  await page.goto(h.okta.url + path);
  expect(new URL(page.url()).pathname).toBe('/login/login.htm');
  await page.getByLabel('Username').fill(ADMIN_LOGIN);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await Promise.all([page.waitForURL(h.okta.url + path), page.getByLabel('Password').press('Enter')]);
}

/** The list's row for a trusted origin, found by its name. */
const rowOf = (page: Page, name: string): Locator => page.locator('tr', { has: page.getByRole('rowheader', { name, exact: true }) });

/** The guide's fetch sample, run on the app's page in the same browser (so with the org's session cookie). */
async function fetchSampleFromApp(page: Page) {
  const app = await page.context().newPage();
  await app.goto(h.app.pageUrl);
  const outcome = await runSample(app, 'fetchSample');
  await app.close();
  return outcome;
}

const passed = { outcome: 'resolved', status: 200, body: expect.objectContaining({ profile: expect.objectContaining({ login: ADMIN_LOGIN }) }) };
const blocked = { outcome: 'rejected', name: 'TypeError' };

/** A trusted origin with a name a person would give it, made through the API from Node. */
async function createOrigin(name: string, origin: string, scopes: Array<{ type: string; allowedOktaApps?: string[] }>): Promise<string> {
  const res = await fetch(`${h.okta.url}/api/v1/trustedOrigins`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `SSWS ${h.okta.token}` },
    body: JSON.stringify({ name, origin, scopes }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

describe('the Trusted Origins tab in a real browser', () => {
  it('follows the guide\'s steps 1-6 to trust the app\'s origin for CORS and Redirect, after which the guide\'s fetch sample passes', async () => {
    const page = await h.newPage();
    await signInToConsole(page, consolePath('requests'));
    expect(await fetchSampleFromApp(page)).toMatchObject(blocked);

    // 1-2. Security › API, then the Trusted Origins tab.
    const nav = page.getByRole('navigation', { name: 'Admin Console' });
    expect(await nav.getByText('Security › API').count()).toBe(1);
    await clickAndLoad(page, nav.getByRole('link', { name: 'Trusted Origins' }));
    expect(new URL(page.url()).pathname).toBe(TAB);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Trusted Origins');

    // 3. Add Origin, and a name.
    await clickAndLoad(page, page.getByRole('link', { name: 'Add Origin' }));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Add Origin');
    await page.getByLabel('Name').fill('Guide app');
    // 4. The Origin URL: the app's website.
    await page.getByLabel('Origin URL').fill(h.app.origin);
    // 5. CORS as the Type, and Redirect, ticked with the keyboard.
    const type = page.getByRole('group', { name: 'Type' });
    for (const box of ['CORS', 'Redirect']) {
      await type.getByLabel(box, { exact: true }).focus();
      await page.keyboard.press('Space');
      expect(await type.getByLabel(box, { exact: true }).isChecked()).toBe(true);
    }
    expect(await type.getByLabel('iFrame embed', { exact: true }).isChecked()).toBe(false);
    // 6. Save.
    await page.getByRole('button', { name: 'Save' }).focus();
    await Promise.all([page.waitForURL(h.okta.url + TAB), page.keyboard.press('Enter')]);

    expect(await page.getByRole('status').textContent()).toBe('Trusted origin Guide app added.');
    const row = rowOf(page, 'Guide app');
    expect(await row.locator('td').allTextContents()).toEqual([h.app.origin, 'CORS, Redirect', 'Active', expect.any(String)]);
    expect(await fetchSampleFromApp(page)).toMatchObject(passed);
  });

  it('edits, deactivates (the sample fails), activates (it passes again) and deletes after a confirmation, through the UI', async () => {
    await createOrigin('Sign-out landing', 'https://other.example.com', [{ type: 'REDIRECT' }]);
    const page = await h.newPage();
    await signInToConsole(page, TAB);
    await clickAndLoad(page, page.getByRole('link', { name: 'Add Origin' }));
    await page.getByLabel('Name').fill('Guide app');
    await page.getByLabel('Origin URL').fill(h.app.origin);
    await page.getByLabel('CORS', { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Save' }));

    // Edit: the same form, filled.
    await clickAndLoad(page, rowOf(page, 'Guide app').getByRole('link', { name: 'Edit Guide app' }));
    expect(await page.getByLabel('Name').inputValue()).toBe('Guide app');
    expect(await page.getByLabel('Origin URL').inputValue()).toBe(h.app.origin);
    expect(await page.getByLabel('CORS', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Name').fill('Guide app (edited)');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save' }));
    expect(await page.getByRole('status').textContent()).toBe('Trusted origin Guide app (edited) saved.');
    const row = rowOf(page, 'Guide app (edited)');
    expect(await fetchSampleFromApp(page)).toMatchObject(passed);

    await clickAndLoad(page, row.getByRole('button', { name: 'Deactivate Guide app (edited)' }));
    expect(await page.getByRole('status').textContent()).toBe('Trusted origin Guide app (edited) deactivated.');
    expect(await row.locator('td').nth(2).textContent()).toBe('Inactive');
    expect(await fetchSampleFromApp(page)).toMatchObject(blocked);

    await clickAndLoad(page, row.getByRole('button', { name: 'Activate Guide app (edited)' }));
    expect(await row.locator('td').nth(2).textContent()).toBe('Active');
    expect(await fetchSampleFromApp(page)).toMatchObject(passed);

    await clickAndLoad(page, row.getByRole('link', { name: 'Delete Guide app (edited)' }));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Delete Guide app (edited)');
    // Cancel keeps it; confirming deletes it.
    await clickAndLoad(page, page.getByRole('link', { name: 'Cancel' }));
    expect(await rowOf(page, 'Guide app (edited)').count()).toBe(1);
    await clickAndLoad(page, rowOf(page, 'Guide app (edited)').getByRole('link', { name: 'Delete Guide app (edited)' }));
    await clickAndLoad(page, page.getByRole('button', { name: 'Delete' }));
    expect(await page.getByRole('status').textContent()).toBe('Trusted origin Guide app (edited) deleted.');
    expect(await rowOf(page, 'Guide app (edited)').count()).toBe(0);
    expect(await fetchSampleFromApp(page)).toMatchObject(blocked);

    await page.setViewportSize({ width: 1280, height: 800 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Fixed origins only, so the picture does not change with the test's ports.
    await createOrigin('Local app', 'http://localhost:3000', [{ type: 'CORS' }, { type: 'REDIRECT' }]);
    await createOrigin('Customer portal', 'https://portal.example.com', [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }]);
    await deactivateOrigin(h.okta, await createOrigin('Old staging site', 'https://staging.example.com', [{ type: 'CORS' }]));
    await page.reload();
    await page.screenshot({ path: `${SCREENSHOTS}trusted-origins.png` });
  });

  it('shows the API\'s message beside the Origin URL field for an origin without a scheme, keeping what was typed', async () => {
    const page = await h.newPage();
    await signInToConsole(page, TAB);
    await clickAndLoad(page, page.getByRole('link', { name: 'Add Origin' }));
    await page.getByLabel('Name').fill('Bad origin');
    await page.getByLabel('Origin URL').fill('example.com');
    await page.getByLabel('CORS', { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Save' }));

    const originField = page.getByLabel('Origin URL');
    expect(await originField.getAttribute('aria-invalid')).toBe('true');
    expect(await originField.inputValue()).toBe('example.com');
    expect(await page.getByLabel('Name').inputValue()).toBe('Bad origin');
    expect(await page.getByLabel('CORS', { exact: true }).isChecked()).toBe(true);
    // The message is the field's description, and the focus is on the field.
    const description = await originField.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim()),
    );
    expect(description).toContain('origin: Origin value is not valid');
    expect(await originField.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await page.getByRole('alert').textContent()).toContain('Api validation failed: origin');
    // Beside the field: right below it, before the Type choices.
    const fieldBox = (await originField.boundingBox())!;
    const messageBox = (await page.getByText('origin: Origin value is not valid').boundingBox())!;
    const typeBox = (await page.getByRole('group', { name: 'Type' }).boundingBox())!;
    expect(messageBox.y).toBeGreaterThan(fieldBox.y);
    expect(messageBox.y).toBeLessThan(typeBox.y);

    await page.setViewportSize({ width: 1280, height: 800 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}add-origin.png` });
  });
});
