/** The request view's feed and its one-click fix, through the app: who may read and change, and what a fix changes. */
import { describe, expect, it } from 'vitest';
import { ADMIN_ID, createTestOrg, ORG_URL, TOKEN, type TestOrg } from '../support/org.js';
import { browser, cookieRedirect, sessionToken, signIn } from '../support/session-flow.js';
import type { RequestFeed } from '../../src/console/requests-feed.js';
import { REQUESTS_SCRIPT } from '../../src/console/requests-script.js';

const VIEW = '/admin/okta-mock/requests';
const FEED = `${VIEW}/feed`;
const TRUST = `${VIEW}/trust`;
const APP = 'https://app.example';
const NOT_ADMIN = { id: '00unotadmin000000001', profile: { login: 'reader@example.com' }, password: 'reader-pass' };

interface ConsoleSession {
  cookie: string;
  csrf: string;
}

/** Signs the admin in and reads the CSRF token from the request view, as its script does. */
async function consoleSession(org: TestOrg): Promise<ConsoleSession> {
  const cookie = await signIn(org);
  const page = await (await browser(org, VIEW, cookie)).text();
  const csrf = /<meta name="okta-mock-csrf" content="([^"]+)">/.exec(page)?.[1];
  expect(csrf).toBeDefined();
  return { cookie, csrf: csrf! };
}

/** A credentialed call to /api/v1/users/me from a page on `origin`; returns its request id. */
async function callFrom(org: TestOrg, origin: string, cookie?: string): Promise<{ requestId: string; res: Response }> {
  const res = await browser(org, '/api/v1/users/me', cookie, { headers: { Origin: origin } });
  return { requestId: res.headers.get('X-Okta-Request-Id')!, res };
}

async function feed(org: TestOrg, session: ConsoleSession, query = ''): Promise<RequestFeed> {
  const res = await browser(org, `${FEED}${query}`, session.cookie);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  return (await res.json()) as RequestFeed;
}

function trust(org: TestOrg, session: ConsoleSession, requestId: string, headers: Record<string, string> = {}): Promise<Response> {
  return browser(org, TRUST, session.cookie, {
    method: 'POST',
    headers: { Origin: ORG_URL, 'X-Okta-Mock-CSRF': session.csrf, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ requestId }),
  });
}

const recordFor = (org: TestOrg, origin: string) => org.store.trustedOrigins.all().find((r) => r.origin === origin);

describe('the request view\'s feed', () => {
  it('sends a visitor without a session to the sign-in page and refuses a signed-in user who is not an administrator', async () => {
    const fixtures = { users: [{ id: ADMIN_ID, profile: { login: 'admin@example.com' }, password: 'okta-mock', apiTokens: [TOKEN] }, NOT_ADMIN] };
    const org = await createTestOrg({ fixtures });
    const anonymous = await browser(org, `${FEED}?refused=1`, undefined);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toBe(`/login/login.htm?fromURI=${encodeURIComponent(`${FEED}?refused=1`)}`);

    const signedIn = await org.request('/login/login.htm', { method: 'POST', auth: false, body: new URLSearchParams({ username: NOT_ADMIN.profile.login, password: NOT_ADMIN.password }) });
    const sid = /sid=([^;]+)/.exec(signedIn.headers.get('Set-Cookie') ?? '')?.[1];
    const reader = await browser(org, FEED, `sid=${sid}`);
    expect(reader.status).toBe(403);
    expect(reader.headers.get('Content-Type')).not.toMatch(/json/);
  });

  it('does not answer to the API token alone: the feed is the signed-in console\'s', async () => {
    const org = await createTestOrg();
    const res = await org.request(FEED);
    expect(res.status).toBe(302);
  });

  it('lists the journal newest first, with the refused decision\'s reason, hint and fix', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const first = await callFrom(org, 'http://localhost:3000');
    const refused = await callFrom(org, APP, session.cookie);
    const body = await feed(org, session);
    expect(body.latest).toBe(refused.requestId);
    expect(body.reset).toBe(false);
    expect(body.rows[0]).toEqual({
      requestId: refused.requestId,
      time: expect.any(String),
      method: 'GET',
      path: '/api/v1/users/me',
      query: '',
      status: 200,
      origin: APP,
      errorCode: null,
      fault: null,
      retry: null,
      decision: { kind: 'cors', subject: APP, allowed: false, reason: `${APP} is not a trusted origin for CORS`, hint: null },
      refused: true,
      fix: { label: `Trust ${APP} for CORS`, confirm: `A new ACTIVE trusted origin "${APP}" for ${APP} with CORS.` },
    });
    expect(body.rows[1]).toMatchObject({ requestId: first.requestId, origin: 'http://localhost:3000', status: 403, errorCode: 'E0000005', refused: true });
    // Older rows (the sign-in) follow: newest first all the way.
    const ids = body.rows.map((r) => r.requestId);
    const journalOrder = org.requests().map((e) => e.requestId).reverse();
    expect(ids).toEqual(journalOrder);
  });

  it('redacts the query as the journal keeps it', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    await browser(org, '/api/v1/users/me?token=secret-value&limit=2', session.cookie);
    const body = await feed(org, session);
    expect(body.rows[0]!.query).not.toContain('secret-value');
    expect(body.rows[0]!.query).toContain('limit=2');
  });

  it('marks the request a fault rule answered, and a retry an Okta SDK marked, as the journal does', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const added = await org.request('/__okta-mock/faults', { method: 'POST', json: { path: '/api/v1/users/me', status: 500, times: 1 } });
    expect(added.status).toBe(200);
    const rule = (await added.json()) as { id: string };
    await browser(org, '/api/v1/users/me', session.cookie);
    await browser(org, '/api/v1/users/me', session.cookie, { headers: { 'X-Okta-Retry-Count': '1', 'X-Okta-Retry-For': 'abc' } });
    const [retried, faulted] = (await feed(org, session)).rows;
    expect(faulted).toMatchObject({ status: 500, errorCode: 'E0000009', fault: rule.id, retry: null });
    expect(retried).toMatchObject({ status: 200, fault: null, retry: 1 });
  });

  it('answers only the entries after `since`, and says when `since` is no longer in the journal', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const before = await feed(org, session);
    const nothingNew = await feed(org, session, `?since=${before.latest}`);
    expect(nothingNew).toEqual({ latest: before.latest, reset: false, rows: [] });

    const a = await callFrom(org, APP);
    const b = await callFrom(org, 'https://other.example');
    const after = await feed(org, session, `?since=${before.latest}`);
    expect(after.rows.map((r) => r.requestId)).toEqual([b.requestId, a.requestId]);
    expect(after.latest).toBe(b.requestId);

    const gone = await feed(org, session, '?since=no-such-request');
    expect(gone.reset).toBe(true);
    expect(gone.rows.map((r) => r.requestId)).toEqual(org.requests().map((e) => e.requestId).reverse());
  });

  it('filters to refused decisions and to an origin, and still moves `latest` past rows it filtered out', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const trusted = await callFrom(org, 'http://example.com', session.cookie);
    const refused = await callFrom(org, APP, session.cookie);
    const other = await callFrom(org, 'https://other.example', session.cookie);
    await org.request('/api/v1/trustedOrigins');

    const refusedOnly = await feed(org, session, '?refused=1');
    expect(refusedOnly.rows.map((r) => r.requestId)).toEqual([other.requestId, refused.requestId]);
    const byOrigin = await feed(org, session, '?origin=APP.example');
    expect(byOrigin.rows.map((r) => r.requestId)).toEqual([refused.requestId]);
    const both = await feed(org, session, `?refused=1&origin=example.com&since=${trusted.requestId}`);
    expect(both.rows).toEqual([]);
    expect(both.latest).toBe(org.requests().at(-1)!.requestId);
  });

  it('offers no fix for an allowed request or an API-token request', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    await callFrom(org, 'http://example.com', session.cookie);
    await org.request('/api/v1/users/me', { headers: { Origin: APP } });
    const [ssws, allowed] = (await feed(org, session)).rows;
    expect(allowed).toMatchObject({ refused: false, fix: null, decision: { allowed: true } });
    expect(ssws).toMatchObject({ refused: true, fix: null, decision: { reason: 'a request with an SSWS API token never gets CORS headers' } });
  });
});

describe('the request view page', () => {
  it('keeps the filters of its address in the form, escaped', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const page = await (await browser(org, `${VIEW}?refused=1&origin=${encodeURIComponent('"><script>x</script>')}`, session.cookie)).text();
    expect(page).toContain('<input type="checkbox" id="filter-refused" name="refused" value="1" checked>');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(page).not.toContain('<script>x</script>');
    expect(page).toContain('<script type="module" src="/admin/okta-mock/assets/requests-view.js"></script>');
    expect(page).not.toContain(TOKEN);
  });

  it('says so when the org keeps no journal, instead of an empty list that looks like no traffic', async () => {
    const org = await createTestOrg({ journalSize: 0 });
    const session = await consoleSession(org);
    const page = await (await browser(org, VIEW, session.cookie)).text();
    expect(page).toContain('<strong>This org keeps no journal</strong>');
    const kept = await createTestOrg();
    expect(await (await browser(kept, VIEW, (await consoleSession(kept)).cookie)).text()).not.toContain('keeps no journal');
  });

  it('serves its script without any markup sink for journal data, and without a token', async () => {
    const org = await createTestOrg();
    const res = await browser(org, '/admin/okta-mock/assets/requests-view.js', undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    const script = await res.text();
    expect(script).toBe(REQUESTS_SCRIPT);
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write']) expect(script).not.toContain(sink);
    expect(script).not.toContain(TOKEN);
  });
});

describe('the console is not journaled', () => {
  it('leaves the console\'s pages, scripts, feed and fixes out of the journal, and still journals the org\'s other pages', async () => {
    const org = await createTestOrg();
    const session = await consoleSession(org);
    const refused = await callFrom(org, APP, session.cookie);
    const before = org.requests().length;
    await browser(org, '/admin', session.cookie);
    await browser(org, VIEW, session.cookie);
    await browser(org, '/admin/access/api/trusted_origins', session.cookie);
    await browser(org, '/admin/okta-mock/assets/requests-view.js', session.cookie);
    await feed(org, session);
    expect((await trust(org, session, refused.requestId)).status).toBe(200);
    await browser(org, '/admin/no-such-page', session.cookie);
    expect(org.requests().length).toBe(before);
    expect(org.requests().filter((e) => e.path.startsWith('/admin'))).toEqual([]);

    await browser(org, '/administrator', undefined);
    expect(org.requests().at(-1)!.path).toBe('/administrator');
  });
});

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
