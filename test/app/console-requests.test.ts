/** The request view's feed and page through the app: who may read it, what it lists, and that the console is not journaled. */
import { describe, expect, it } from 'vitest';
import { ADMIN_ID, createTestOrg, TOKEN, type TestOrg } from '../support/org.js';
import { browser } from '../support/session-flow.js';
import { APP, callFrom, consoleSession, feed, FEED, NOT_ADMIN, trust, VIEW } from '../support/console-requests.js';
import { REQUESTS_SCRIPT } from '../../src/console/requests-script.js';

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
