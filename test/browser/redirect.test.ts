import { describe, expect, it } from 'vitest';
import {
  ADMIN_LOGIN,
  ADMIN_PASSWORD,
  callOkta,
  runAllSamples,
  runSample,
  sessionCookie,
  sessionCookieRedirectUrl,
  sessionTokenFromNode,
  signInThroughPage,
  useBrowserHarness,
  trustOrigin,
} from '../support/browser.js';

/**
 * The REDIRECT scope in a real browser: the org sends the browser back to the
 * app (session-token redirect, sign-in form, sign-out) only when the app's
 * origin is an ACTIVE trusted origin with REDIRECT; otherwise it stays put.
 */
const h = useBrowserHarness();

const profileOf = (login: string) => expect.objectContaining({ profile: expect.objectContaining({ login }) });

describe('session-token redirect', () => {
  it('lands on the app with a session when the app\'s origin is trusted for REDIRECT, and /api/v1/users/me then works from the app', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS', 'REDIRECT']);
    const page = await h.newPage();
    await page.goto(h.app.pageUrl);
    // Primary authentication from the app page itself (a preflighted JSON POST).
    const authn = await callOkta(page, '/api/v1/authn', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: ADMIN_LOGIN, password: ADMIN_PASSWORD }),
    });
    expect(authn).toMatchObject({ outcome: 'resolved', status: 200, body: { status: 'SUCCESS' } });
    const token = (authn as { body: { sessionToken: string } }).body.sessionToken;

    const response = await page.goto(sessionCookieRedirectUrl(h.okta.url, token, h.app.landingUrl));
    expect(page.url()).toBe(h.app.landingUrl);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('#landing')).toBe('Back on the app');

    const sid = await sessionCookie(page, h.okta.url);
    expect(sid).toBeDefined();
    expect(h.okta.store.sessions.getSession(sid!)?.login).toBe(ADMIN_LOGIN);
    const results = await runAllSamples(page);
    expect(results.fetchSample).toEqual({ outcome: 'resolved', status: 200, body: profileOf(ADMIN_LOGIN) });
    expect(results.xhrSample).toEqual({ outcome: 'onload', status: 200, body: profileOf(ADMIN_LOGIN) });
    expect(results.jquerySample).toEqual({ outcome: 'done', body: profileOf(ADMIN_LOGIN) });
  });

  it('sets the session but keeps the app blocked from the API when its origin is trusted for REDIRECT only', async () => {
    await trustOrigin(h.okta, h.app.origin, ['REDIRECT']);
    const token = await sessionTokenFromNode(h.okta);
    const page = await h.newPage();
    await page.goto(sessionCookieRedirectUrl(h.okta.url, token, h.app.landingUrl));
    expect(page.url()).toBe(h.app.landingUrl);
    expect(await sessionCookie(page, h.okta.url)).toBeDefined();
    expect(await runSample(page, 'fetchSample')).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
  });

  it('shows the refusal page instead of landing on the app, and starts no session, when the app\'s origin is not trusted for REDIRECT', async () => {
    // Trusted for CORS only, so the app page can still ask the org whether a session exists.
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const token = await sessionTokenFromNode(h.okta);
    const page = await h.newPage();
    const target = sessionCookieRedirectUrl(h.okta.url, token, h.app.landingUrl);

    const response = await page.goto(target);
    expect(response?.status()).toBe(403);
    expect(page.url()).toBe(target);
    expect(await page.textContent('#untrusted-redirect')).toContain(h.app.landingUrl);
    expect(await sessionCookie(page, h.okta.url)).toBeUndefined();

    await page.goto(h.app.pageUrl);
    expect(await runSample(page, 'fetchSample')).toMatchObject({ outcome: 'resolved', status: 403, body: { errorCode: 'E0000005' } });
    expect(await callOkta(page, '/api/v1/sessions/me')).toMatchObject({ outcome: 'resolved', status: 404, body: { errorCode: 'E0000007' } });
  });

  it('shows the refusal page when the org trusts no origin of the app at all', async () => {
    const token = await sessionTokenFromNode(h.okta);
    const page = await h.newPage();
    const response = await page.goto(sessionCookieRedirectUrl(h.okta.url, token, h.app.landingUrl));
    expect(response?.status()).toBe(403);
    expect(page.url().startsWith(h.okta.url)).toBe(true);
    expect(await sessionCookie(page, h.okta.url)).toBeUndefined();
  });
});

describe('sign-in form with fromURI', () => {
  it('sends the browser back to the app after signing in when the app\'s origin is trusted for REDIRECT', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS', 'REDIRECT']);
    const page = await h.newPage();
    await page.goto(`${h.okta.url}/login/login.htm?fromURI=${encodeURIComponent(h.app.landingUrl)}`);
    await page.fill('#username', ADMIN_LOGIN);
    await page.fill('#password', ADMIN_PASSWORD);
    await Promise.all([page.waitForURL(h.app.landingUrl), page.click('button[type=submit]')]);
    expect(await page.textContent('#landing')).toBe('Back on the app');
    expect(await runSample(page, 'xhrSample')).toEqual({ outcome: 'onload', status: 200, body: profileOf(ADMIN_LOGIN) });
  });

  it('keeps the browser on the org after signing in when fromURI\'s origin is not trusted for REDIRECT', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const page = await h.newPage();
    await page.goto(`${h.okta.url}/login/login.htm?fromURI=${encodeURIComponent(h.app.landingUrl)}`);
    await page.fill('#username', ADMIN_LOGIN);
    await page.fill('#password', ADMIN_PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
    await page.waitForSelector('#signed-in');
    expect(page.url().startsWith(h.okta.url)).toBe(true);
  });
});

describe('sign-out', () => {
  it('lands on the app and ends the session when fromURI\'s origin is trusted for REDIRECT', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS', 'REDIRECT']);
    const page = await h.newPage();
    await signInThroughPage(page, h.okta.url);
    const sid = (await sessionCookie(page, h.okta.url))!;
    expect(h.okta.store.sessions.getSession(sid)).toBeDefined();

    await page.goto(`${h.okta.url}/login/signout?fromURI=${encodeURIComponent(h.app.landingUrl)}`);
    expect(page.url()).toBe(h.app.landingUrl);
    expect(await page.textContent('#landing')).toBe('Back on the app');
    expect(h.okta.store.sessions.getSession(sid)).toBeUndefined();
    expect(await sessionCookie(page, h.okta.url)).toBeUndefined();
    expect(await runSample(page, 'jquerySample')).toMatchObject({ outcome: 'fail', status: 403, errorSummary: 'Invalid session' });
  });

  it('ends the session but stays on the org\'s sign-in page when fromURI\'s origin is not trusted for REDIRECT', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const page = await h.newPage();
    await signInThroughPage(page, h.okta.url);
    const sid = (await sessionCookie(page, h.okta.url))!;

    await page.goto(`${h.okta.url}/login/signout?fromURI=${encodeURIComponent(h.app.landingUrl)}`);
    expect(page.url()).toBe(`${h.okta.url}/login/login.htm`);
    expect(await page.isVisible('#username')).toBe(true);
    expect(h.okta.store.sessions.getSession(sid)).toBeUndefined();
  });
});
