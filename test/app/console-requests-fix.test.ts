/** The request view's one-click fix through the app: who may make it, and what it changes. */
import { describe, expect, it } from 'vitest';
import { ADMIN_ID, createTestOrg, ORG_URL, type TestOrg } from '../support/org.js';
import { browser, cookieRedirect, sessionToken } from '../support/session-flow.js';
import { APP, callFrom, consoleSession, feed, recordFor, trust, TRUST } from '../support/console-requests.js';

describe('the one-click fix', () => {
  it('creates an ACTIVE trusted origin named after the refused Origin, with CORS, as the admin; the next call passes', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const refused = await callFrom(org, APP, session.cookie);
    expect(refused.res.headers.get('Access-Control-Allow-Origin')).toBeNull();

    const res = await trust(org, session, refused.requestId);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { message: string; trustedOrigin: { id: string } };
    expect(body.message).toBe(`Done. A new ACTIVE trusted origin "${APP}" for ${APP} with CORS.`);
    const record = recordFor(org, APP);
    expect(record).toMatchObject({ id: body.trustedOrigin.id, name: APP, status: 'ACTIVE', scopes: [{ type: 'CORS' }], createdBy: ADMIN_ID, lastUpdatedBy: ADMIN_ID });

    const next = await callFrom(org, APP, session.cookie);
    expect(next.res.headers.get('Access-Control-Allow-Origin')).toBe(APP);
    expect(org.requests().at(-1)!.decision).toMatchObject({ allowed: true, trustedOriginId: record!.id });
  });

  it('adds the missing scope to the record for exactly that origin, keeping its name and other scopes', async () => {
    const org = await createTestOrg();
    const created = await org.request('/api/v1/trustedOrigins', { method: 'POST', json: { name: 'my app', origin: `${APP}/`, scopes: [{ type: 'REDIRECT' }] } });
    const { id } = (await created.json()) as { id: string };
    const session = await consoleSession(org);
    const refused = await callFrom(org, APP, session.cookie);
    expect((await feed(org, session, '?refused=1')).rows[0]!.fix!.label).toBe(`Trust ${APP} for CORS`);

    const res = await trust(org, session, refused.requestId);
    expect(res.status).toBe(200);
    expect(org.store.trustedOrigins.get(id)).toMatchObject({ name: 'my app', origin: `${APP}/`, status: 'ACTIVE', scopes: [{ type: 'REDIRECT' }, { type: 'CORS' }], lastUpdatedBy: ADMIN_ID });
    expect(org.store.trustedOrigins.count()).toBe(4);
    expect((await callFrom(org, APP, session.cookie)).res.headers.get('Access-Control-Allow-Origin')).toBe(APP);
  });

  it('activates an INACTIVE record that already has the scope', async () => {
    const org = await createTestOrg();
    const created = await org.request('/api/v1/trustedOrigins', { method: 'POST', json: { name: 'paused', origin: APP, scopes: [{ type: 'CORS' }] } });
    const { id } = (await created.json()) as { id: string };
    await org.request(`/api/v1/trustedOrigins/${id}/lifecycle/deactivate`, { method: 'POST' });
    const session = await consoleSession(org);
    const refused = await callFrom(org, APP, session.cookie);

    const res = await trust(org, session, refused.requestId);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { message: string }).message).toBe(`Done. The trusted origin "paused" (${id}) for ${APP}: activated.`);
    expect(org.store.trustedOrigins.get(id)).toMatchObject({ status: 'ACTIVE', scopes: [{ type: 'CORS' }] });
  });

  it('adds REDIRECT for a refused redirect target\'s origin, and the same redirect is then followed', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const target = 'http://localhost:4200/after?x=1';
    const refusedRedirect = await cookieRedirect(org, await sessionToken(org), target);
    const requestId = refusedRedirect.headers.get('X-Okta-Request-Id')!;
    expect(org.requests().at(-1)!.decision).toMatchObject({ kind: 'redirect', allowed: false });

    const res = await trust(org, session, requestId);
    expect(res.status).toBe(200);
    expect(recordFor(org, 'http://localhost:4200')).toMatchObject({ name: 'http://localhost:4200', status: 'ACTIVE', scopes: [{ type: 'REDIRECT' }] });
    const followed = await cookieRedirect(org, await sessionToken(org), target);
    expect(followed.status).toBe(302);
    expect(followed.headers.get('Location')).toBe(target);
  });

  it('refuses a fix without the session\'s CSRF token, and changes nothing', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const refused = await callFrom(org, APP, session.cookie);
    const before = org.store.trustedOrigins.all();
    const missing = await browser(org, TRUST, session.cookie, {
      method: 'POST',
      headers: { Origin: ORG_URL, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ requestId: refused.requestId }),
    });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('CSRF token');
    expect((await trust(org, session, refused.requestId, { 'X-Okta-Mock-CSRF': 'x'.repeat(32) })).status).toBe(403);
    expect(org.store.trustedOrigins.all()).toEqual(before);
  });

  it('refuses a fix sent from a foreign origin, even with the right token, and changes nothing', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const refused = await callFrom(org, APP, session.cookie);
    const before = org.store.trustedOrigins.all();
    const res = await trust(org, session, refused.requestId, { Origin: APP });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(`The change came from ${APP}`);
    expect(org.store.trustedOrigins.all()).toEqual(before);
  });

  it('sends a fix without a session to the sign-in page, and changes nothing', async () => {
    const org = await createTestOrg();
    const refused = await callFrom(org, APP);
    const before = org.store.trustedOrigins.all();
    const res = await browser(org, TRUST, undefined, { method: 'POST', headers: { Origin: ORG_URL }, body: new URLSearchParams({ requestId: refused.requestId }) });
    expect(res.status).toBe(302);
    expect(org.store.trustedOrigins.all()).toEqual(before);
  });

  it('answers 404 for a request the journal does not hold, and changes nothing', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const before = org.store.trustedOrigins.all();
    const res = await trust(org, session, 'no-such-request');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe('No request no-such-request is in the journal (it may have been cleared or rolled over).');
    expect(org.store.trustedOrigins.all()).toEqual(before);
  });

  it('answers 400 for an allowed request, and for one already fixed, and changes nothing', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const allowed = await callFrom(org, 'http://example.com', session.cookie);
    const before = org.store.trustedOrigins.all();
    const res = await trust(org, session, allowed.requestId);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('Nothing to change: the org already allowed it: http://example.com is a trusted origin for CORS.');
    expect(org.store.trustedOrigins.all()).toEqual(before);

    const refused = await callFrom(org, APP, session.cookie);
    expect((await trust(org, session, refused.requestId)).status).toBe(200);
    const fixed = org.store.trustedOrigins.all();
    const again = await trust(org, session, refused.requestId);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { message: string }).message).toBe(`Nothing to change: ${APP} is already a trusted origin for CORS.`);
    expect(org.store.trustedOrigins.all()).toEqual(fixed);
  });
});
