import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN_LOGIN,
  deactivateOrigin,
  runAllSamples,
  runSample,
  sessionCookie,
  sessionCookieRedirectUrl,
  sessionTokenFromNode,
  signInThroughPage,
  trustOrigin,
} from '../support/browser.js';
import { useCrossSiteHarness } from '../support/cross-site.js';

/**
 * The production topology: the app on http://localhost:<A>, the org on
 * https://127.0.0.1:<B>, in a Chromium profile that allows third-party cookies
 * (Chromium's `profile.cookie_controls_mode` = 0).
 */
const h = useCrossSiteHarness('allowed');

async function signedInOnAppPage(): Promise<Page> {
  const page = await h.newPage();
  await signInThroughPage(page, h.okta.url);
  await page.goto(h.app.pageUrl);
  return page;
}

describe('cross-site, third-party cookies allowed', () => {
  it('serves the org on https:// and the app on another site', () => {
    expect(h.okta.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(h.app.origin).toMatch(/^http:\/\/localhost:\d+$/);
  });

  it('sets the sid cookie Secure and SameSite=None on sign-in', async () => {
    const page = await h.newPage();
    await signInThroughPage(page, h.okta.url);
    const [sid] = (await h.context.cookies(h.okta.url)).filter((c) => c.name === 'sid');
    expect(sid).toMatchObject({ secure: true, sameSite: 'None', httpOnly: true, path: '/' });
  });

  it("gets the signed-in user's profile with the guide's fetch, XHR and jQuery samples when the app's origin is trusted for CORS", async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const page = await signedInOnAppPage();
    const results = await runAllSamples(page);
    const profile = { profile: expect.objectContaining({ login: ADMIN_LOGIN }) };
    expect(results.fetchSample).toEqual({ outcome: 'resolved', status: 200, body: expect.objectContaining(profile) });
    expect(results.xhrSample).toEqual({ outcome: 'onload', status: 200, body: expect.objectContaining(profile) });
    expect(results.jquerySample).toEqual({ outcome: 'done', body: expect.objectContaining(profile) });
  });

  it("gets the browser's CORS error in each sample when the app's origin is not trusted", async () => {
    const page = await signedInOnAppPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    const results = await runAllSamples(page);
    expect(results.fetchSample).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    expect(results.xhrSample).toEqual({ outcome: 'onerror', status: 0 });
    expect(results.jquerySample).toMatchObject({ outcome: 'fail', status: 0, title: 'Invalid URL or cross-origin request blocked' });
    expect(messages.some((t) => t.startsWith(`Access to fetch at '${h.okta.url}/api/v1/users/me' from origin '${h.app.origin}'`) && t.includes("No 'Access-Control-Allow-Origin'"))).toBe(true);
  });

  it('sessionCookieRedirect back to the app sets a cookie that the next cross-site call carries', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS', 'REDIRECT']);
    const page = await h.newPage();
    const token = await sessionTokenFromNode(h.okta);
    await page.goto(sessionCookieRedirectUrl(h.okta.url, token, h.app.landingUrl));
    expect(page.url()).toBe(h.app.landingUrl);
    expect(await sessionCookie(page, h.okta.url)).toMatch(/^102/);
    expect(await runSample(page, 'fetchSample')).toEqual({
      outcome: 'resolved',
      status: 200,
      body: expect.objectContaining({ profile: expect.objectContaining({ login: ADMIN_LOGIN }) }),
    });
  });
});

describe('cross-site iframe embedding', () => {
  /** Puts an iframe of the org's sign-in page on the app page; resolves once the frame has loaded (or failed to). */
  async function frameSignInPage(page: Page) {
    await page.goto(h.app.pageUrl);
    const src = `${h.okta.url}/login/login.htm`;
    await page.evaluate(
      (url) =>
        new Promise<void>((resolve) => {
          const frame = document.createElement('iframe');
          frame.src = url;
          frame.onload = () => resolve();
          document.body.append(frame);
        }),
      src,
    );
    return page.frames().find((f) => f !== page.mainFrame());
  }

  it('is refused once the IFRAME_EMBED origin is deactivated, on the very next load', async () => {
    const trusted = await trustOrigin(h.okta, h.app.origin, ['IFRAME_EMBED']);
    const page = await h.newPage();
    expect(await (await frameSignInPage(page))!.locator('#username').count()).toBe(1);
    await deactivateOrigin(h.okta, trusted.id);
    expect(await (await frameSignInPage(page))!.locator('#username').count()).toBe(0);
  });

  it('shows the signed-in page (the End-User Dashboard stand-in) in an iframe only once the IFRAME_EMBED origin allows OKTA_ENDUSER', async () => {
    const trusted = await trustOrigin(h.okta, h.app.origin, ['IFRAME_EMBED']);
    const page = await h.newPage();
    await signInThroughPage(page, h.okta.url);
    // Refused: the signed-in page lists only OKTA_ENDUSER origins in frame-ancestors.
    // The frame's URL reaches Playwright in a navigation event that may come after the page's onload.
    const refused = (await frameSignInPage(page))!;
    await expect.poll(() => refused.url()).toBe('chrome-error://chromewebdata/');

    const put = await h.okta.app.fetch(
      new Request(`${h.okta.url}/api/v1/trustedOrigins/${trusted.id}`, {
        method: 'PUT',
        headers: { Authorization: `SSWS ${h.okta.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'embed with dashboard', origin: h.app.origin, scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] }),
      }),
    );
    expect(put.status).toBe(200);
    const frame = await frameSignInPage(page);
    expect(await frame!.textContent('#signed-in')).toContain(ADMIN_LOGIN);
  });

  it('shows the sign-in page in an iframe on an origin trusted for IFRAME_EMBED', async () => {
    await trustOrigin(h.okta, h.app.origin, ['IFRAME_EMBED']);
    const page = await h.newPage();
    const frame = await frameSignInPage(page);
    expect(await frame!.locator('#username').count()).toBe(1);
    expect(await frame!.textContent('h1')).toBe('Sign in');
  });

  it('is refused by the browser, with a frame-ancestors report, on an origin trusted only for CORS and REDIRECT', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS', 'REDIRECT']);
    const page = await h.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    const frame = await frameSignInPage(page);
    expect(await frame!.locator('#username').count()).toBe(0);
    await expect.poll(() => frame!.url()).toBe('chrome-error://chromewebdata/');
    expect(messages).toContain(`Framing '${h.okta.url}/' violates the following Content Security Policy directive: "frame-ancestors 'self'". The request has been blocked.\n`);
  });
});
