import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SampleOutcome } from '../support/app-page-server.js';
import {
  activateOrigin,
  ADMIN_LOGIN,
  deactivateOrigin,
  deleteOrigin,
  runAllSamples,
  sessionCookie,
  signInThroughPage,
  useBrowserHarness,
  trustOrigin,
  type SampleName,
} from '../support/browser.js';

/**
 * The "Enable CORS" guide's three request samples (fetch, XMLHttpRequest,
 * jQuery), run in a real Chromium from a second local website against the
 * emulator, with the org's trusted origins changed through its API from Node.
 */
const h = useBrowserHarness();

/** A fresh browser with a session in the org (signed in on the sign-in page), on the app page. */
async function signedInOnAppPage(): Promise<Page> {
  const page = await h.newPage();
  await signInThroughPage(page, h.okta.url);
  expect(await sessionCookie(page, h.okta.url)).toBeDefined();
  await page.goto(h.app.pageUrl);
  return page;
}

/** Each sample got the signed-in user's profile. */
function expectProfiles(results: Record<SampleName, SampleOutcome>): void {
  const profile = { profile: expect.objectContaining({ login: ADMIN_LOGIN }) };
  expect(results.fetchSample).toEqual({ outcome: 'resolved', status: 200, body: expect.objectContaining(profile) });
  expect(results.xhrSample).toEqual({ outcome: 'onload', status: 200, body: expect.objectContaining(profile) });
  expect(results.jquerySample).toEqual({ outcome: 'done', body: expect.objectContaining(profile) });
}

/** Each sample failed the way the guide says a blocked cross-origin request fails. */
function expectBlocked(results: Record<SampleName, SampleOutcome>): void {
  expect(results.fetchSample).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
  expect(results.xhrSample).toEqual({ outcome: 'onerror', status: 0 });
  expect(results.jquerySample).toMatchObject({ outcome: 'fail', status: 0, title: 'Invalid URL or cross-origin request blocked' });
}

describe('the guide\'s samples in a real browser', () => {
  it('gets the signed-in user\'s profile with each sample when the app\'s origin is trusted for CORS', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const page = await signedInOnAppPage();
    expectProfiles(await runAllSamples(page));
  });

  it('gets the 403 the jQuery sample reports as "log in first" when the origin is trusted but the browser has no session', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const page = await h.newPage();
    await page.goto(h.app.pageUrl);
    const results = await runAllSamples(page);
    expect(results.fetchSample).toMatchObject({ outcome: 'resolved', status: 403, body: { errorCode: 'E0000005' } });
    expect(results.xhrSample).toMatchObject({ outcome: 'onload', status: 403, body: { errorCode: 'E0000005' } });
    expect(results.jquerySample).toMatchObject({ outcome: 'fail', status: 403, errorSummary: 'Invalid session', title: 'Invalid session' });
  });

  it('blocks each sample as the guide describes when the app\'s origin is not trusted, and leaves the org\'s data untouched', async () => {
    const before = structuredClone(h.okta.store.trustedOrigins.all());
    const page = await signedInOnAppPage();
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    expectBlocked(await runAllSamples(page));
    expect(structuredClone(h.okta.store.trustedOrigins.all())).toEqual(before);
    // The browser explains the block as the guide's "Response example: error" does.
    const blocked = messages.filter((text) => text.includes("No 'Access-Control-Allow-Origin' header is present on the requested resource"));
    expect(blocked.some((text) => text.startsWith(`Access to fetch at '${h.okta.url}/api/v1/users/me' from origin '${h.app.origin}'`))).toBe(true);
    expect(blocked.some((text) => text.startsWith(`Access to XMLHttpRequest at '${h.okta.url}/api/v1/users/me'`))).toBe(true);
  });

  it('blocks each sample when the app\'s origin is trusted only for REDIRECT', async () => {
    await trustOrigin(h.okta, h.app.origin, ['REDIRECT']);
    const page = await signedInOnAppPage();
    expectBlocked(await runAllSamples(page));
  });

  it('blocks the samples once the origin is deactivated, lets them through once it is activated again, and blocks them once it is deleted', async () => {
    const trusted = await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const page = await signedInOnAppPage();
    expectProfiles(await runAllSamples(page));

    expect((await deactivateOrigin(h.okta, trusted.id)).status).toBe('INACTIVE');
    expectBlocked(await runAllSamples(page));

    expect((await activateOrigin(h.okta, trusted.id)).status).toBe('ACTIVE');
    expectProfiles(await runAllSamples(page));

    await deleteOrigin(h.okta, trusted.id);
    expectBlocked(await runAllSamples(page));
  });

  it('lets the samples through from a trusted origin stored with a trailing slash, as browsers send the origin without one', async () => {
    await trustOrigin(h.okta, `${h.app.origin}/`, ['CORS']);
    const page = await signedInOnAppPage();
    expectProfiles(await runAllSamples(page));
  });
});
