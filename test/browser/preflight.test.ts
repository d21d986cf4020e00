import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN_LOGIN,
  callOkta,
  runSample,
  sessionCookie,
  signInThroughPage,
  useBrowserHarness,
  trustOrigin,
} from '../support/browser.js';

/**
 * Requests the browser preflights (a custom header, a DELETE, a JSON POST):
 * Chromium sends them only after the org's OPTIONS answer allows the origin,
 * method and headers.
 */
const h = useBrowserHarness();

async function signedInOnAppPage(): Promise<{ page: Page; sid: string }> {
  const page = await h.newPage();
  await signInThroughPage(page, h.okta.url);
  const sid = await sessionCookie(page, h.okta.url);
  expect(sid).toBeDefined();
  await page.goto(h.app.pageUrl);
  return { page, sid: sid! };
}

const withCustomHeader = { headers: { 'X-Custom': 'preflight-me', Accept: 'application/json' } };

describe('preflighted requests from the app page', () => {
  it('gets the profile with a custom request header from an origin trusted for CORS', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const { page } = await signedInOnAppPage();
    expect(await callOkta(page, '/api/v1/users/me', withCustomHeader)).toMatchObject({
      outcome: 'resolved',
      status: 200,
      body: { profile: { login: ADMIN_LOGIN } },
    });
  });

  it('ends the session with DELETE /api/v1/sessions/me from an origin trusted for CORS', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const { page, sid } = await signedInOnAppPage();
    expect(await callOkta(page, '/api/v1/sessions/me', withCustomHeader)).toMatchObject({
      outcome: 'resolved',
      status: 200,
      body: { id: sid, login: ADMIN_LOGIN, status: 'ACTIVE' },
    });

    expect(await callOkta(page, '/api/v1/sessions/me', { method: 'DELETE' })).toEqual({ outcome: 'resolved', status: 204, body: null });
    expect(h.okta.store.sessions.getSession(sid)).toBeUndefined();
    expect(await sessionCookie(page, h.okta.url)).toBeUndefined();
    expect(await runSample(page, 'fetchSample')).toMatchObject({ outcome: 'resolved', status: 403, body: { errorCode: 'E0000005' } });
  });

  it('rejects with TypeError and never sends the request with a custom header or DELETE from an untrusted origin', async () => {
    const { page, sid } = await signedInOnAppPage();
    expect(await callOkta(page, '/api/v1/users/me', withCustomHeader)).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    expect(await callOkta(page, '/api/v1/sessions/me', { method: 'DELETE' })).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    // The preflight failed, so the DELETE never reached the org: the session is still there.
    expect(h.okta.store.sessions.getSession(sid)).toBeDefined();
    expect(await sessionCookie(page, h.okta.url)).toBe(sid);
  });

  it('rejects DELETE /api/v1/sessions/me from an origin trusted only for REDIRECT, and keeps the session', async () => {
    await trustOrigin(h.okta, h.app.origin, ['REDIRECT']);
    const { page, sid } = await signedInOnAppPage();
    expect(await callOkta(page, '/api/v1/sessions/me', { method: 'DELETE' })).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
    expect(h.okta.store.sessions.getSession(sid)).toBeDefined();
  });

  it('refreshes the session with POST /api/v1/sessions/me/lifecycle/refresh from an origin trusted for CORS', async () => {
    await trustOrigin(h.okta, h.app.origin, ['CORS']);
    const { page, sid } = await signedInOnAppPage();
    expect(await callOkta(page, '/api/v1/sessions/me/lifecycle/refresh', { method: 'POST', ...withCustomHeader })).toMatchObject({
      outcome: 'resolved',
      status: 200,
      body: { id: sid },
    });
  });

  it('rejects a JSON POST /api/v1/authn with TypeError from an untrusted origin', async () => {
    const page = await h.newPage();
    await page.goto(h.app.pageUrl);
    const result = await callOkta(page, '/api/v1/authn', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: ADMIN_LOGIN, password: 'okta-mock' }),
    });
    expect(result).toMatchObject({ outcome: 'rejected', name: 'TypeError' });
  });
});
