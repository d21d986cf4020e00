import { describe, expect, it } from 'vitest';
import { runAllSamples, sessionCookie, signInThroughPage, trustOrigin } from '../support/browser.js';
import { useCrossSiteHarness } from '../support/cross-site.js';

/**
 * The same cross-site topology (app on http://localhost, org on
 * https://127.0.0.1) in a Chromium profile left as Chromium makes it, which
 * blocks third-party cookies: what a user whose browser blocks them gets.
 */
const h = useCrossSiteHarness('browser default');

describe('cross-site, third-party cookies blocked (the browser default)', () => {
  it('reaches the trusted org without a session: each sample gets 403 E0000005 although the browser holds the sid cookie', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const page = await h.newPage();
    await signInThroughPage(page, h.okta.url);
    expect(await sessionCookie(page, h.okta.url)).toMatch(/^102/);
    await page.goto(h.app.pageUrl);
    const results = await runAllSamples(page);
    expect(results.fetchSample).toMatchObject({ outcome: 'resolved', status: 403, body: { errorCode: 'E0000005', errorSummary: 'Invalid session' } });
    expect(results.xhrSample).toMatchObject({ outcome: 'onload', status: 403, body: { errorCode: 'E0000005' } });
    expect(results.jquerySample).toMatchObject({ outcome: 'fail', status: 403, errorSummary: 'Invalid session' });
  });
});
