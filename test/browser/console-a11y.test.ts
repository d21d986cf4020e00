/**
 * The accessibility check: axe-core, injected into every console page in a
 * real Chromium, signed in and with a few rows, finds nothing "serious" or
 * "critical". Lesser findings are printed, not failed.
 */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONSOLE_PAGES } from '../../src/console/paths.js';
import { trustedOriginsTabPaths } from '../../src/console/trusted-origins-paths.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD, callOkta, deactivateOrigin, trustOrigin, useBrowserHarness } from '../support/browser.js';

const h = useBrowserHarness();

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** What to open, and anything to do on it first. */
interface CheckedPage {
  name: string;
  path: (ids: { inactive: string }) => string;
  prepare?: (page: Page) => Promise<void>;
}

const PAGES: CheckedPage[] = [
  ...CONSOLE_PAGES.map((p) => ({ name: `${p.title} (${p.id})`, path: () => p.path })),
  { name: 'the Add Origin form', path: () => trustedOriginsTabPaths.addForm },
  {
    name: 'the Add Origin form with validation messages beside every field',
    path: () => trustedOriginsTabPaths.addForm,
    prepare: async (page) => {
      await page.getByLabel('Origin URL').fill('example.com');
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
    },
  },
  { name: 'the Edit form of an inactive origin', path: ({ inactive }) => trustedOriginsTabPaths.editForm(inactive) },
  { name: 'the Delete confirmation', path: ({ inactive }) => trustedOriginsTabPaths.deleteConfirmation(inactive) },
];

async function signedIn(): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.okta.url}/login/login.htm`);
  await page.getByLabel('Username').fill(ADMIN_LOGIN);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
  return page;
}

/** A few rows in every list: origins of each kind, one inactive, and journal entries with a refused call among them. */
async function seedRows(): Promise<{ inactive: string }> {
  await trustOrigin(h.okta, 'https://portal.example.com', ['IFRAME_EMBED']);
  const inactive = await trustOrigin(h.okta, 'https://old.example.com', ['CORS', 'REDIRECT']);
  await deactivateOrigin(h.okta, inactive.id);
  const app = await h.newPage();
  await app.goto(h.app.pageUrl);
  await callOkta(app, '/api/v1/users/me');
  return { inactive: inactive.id };
}

async function axeFindings(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

describe('the Admin Console\'s accessibility (axe-core in Chromium)', () => {
  it.each(PAGES.map((p) => [p.name, p] as const))('finds no serious or critical violation on %s', async (_name, checked) => {
    const ids = await seedRows();
    const page = await signedIn();
    const res = await page.goto(h.okta.url + checked.path(ids));
    expect(res?.status()).toBe(200);
    await checked.prepare?.(page);
    const findings = await axeFindings(page);
    const minor = findings.filter((f) => f.impact !== 'serious' && f.impact !== 'critical');
    if (minor.length > 0) console.log(`axe on ${checked.name}: ${minor.map((f) => `${f.impact} ${f.id} (${f.help}) at ${f.nodes.join(', ')}`).join('; ')}`);
    expect(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
  });
});
