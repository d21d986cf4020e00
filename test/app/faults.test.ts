/** Fault rules through app.fetch: `/__okta-mock/faults`, the answers they give, count-down, delays, bad rules, the journal. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FaultRule } from '../../src/faults.js';
import { createOrg, type Org } from '../../src/org.js';
import { checkAgainstContract } from '../contract/support/schema.js';
import { expectOktaError, REQUEST_ID } from '../support/okta-assertions.js';
import { send, type Send } from '../support/control.js';
import { FIXED_NOW } from '../support/org.js';

const COLLECTION = '/api/v1/trustedOrigins';
const TRUSTED_FOR_CORS = 'http://example.com'; // the seed's first origin, ACTIVE with CORS
const NEW_ORIGIN = { name: 'Made during a fault', origin: 'https://fault.example.com', scopes: [{ type: 'CORS' }] };

async function newOrg(options: Parameters<typeof createOrg>[0] = {}): Promise<Org> {
  const org = createOrg({ now: () => FIXED_NOW, randomSeed: 11, ...options });
  await org.ready;
  return org;
}

async function addRule(org: Org, rule: unknown): Promise<FaultRule> {
  const res = await send(org, '/__okta-mock/faults', { method: 'POST', json: rule });
  expect(res.status).toBe(200);
  return (await res.json()) as FaultRule;
}

const listRules = async (org: Org) => (await (await send(org, '/__okta-mock/faults')).json()) as FaultRule[];

describe('fault rules: the control API', () => {
  it('answers POST /faults with the rule as added: an id, its answer resolved, nulls for what it leaves out', async () => {
    const org = await newOrg();
    expect(await addRule(org, { method: 'POST', path: COLLECTION, status: 500, errorCode: 'E0000009', times: 2 })).toEqual({
      id: 'flt1',
      method: 'POST',
      path: COLLECTION,
      status: 500,
      errorCode: 'E0000009',
      delayMs: null,
      times: 2,
    });
    expect(await addRule(org, { path: '/api/v1/users/me', delayMs: 800 })).toMatchObject({ id: 'flt2', status: null, errorCode: null, delayMs: 800, times: null });
    expect((await listRules(org)).map((r) => r.id)).toEqual(['flt1', 'flt2']);
  });

  it('adds a list of rules at once and answers the list', async () => {
    const org = await newOrg();
    const res = await send(org, '/__okta-mock/faults', { method: 'POST', json: [{ path: '/a', status: 500 }, { path: '/b', errorCode: 'E0000047' }] });
    expect(((await res.json()) as FaultRule[]).map((r) => [r.id, r.status])).toEqual([['flt1', 500], ['flt2', 429]]);
  });

  it('clears every rule with DELETE /faults and one with DELETE /faults/{id}; an unknown id is 404 E0000007', async () => {
    const org = await newOrg();
    await addRule(org, { path: '/a', status: 500 });
    await addRule(org, { path: '/b', status: 500 });
    expect((await send(org, '/__okta-mock/faults/flt1', { method: 'DELETE' })).status).toBe(204);
    expect((await listRules(org)).map((r) => r.id)).toEqual(['flt2']);
    await expectOktaError(await send(org, '/__okta-mock/faults/flt1', { method: 'DELETE' }), 404, 'E0000007', {
      summary: 'Not found: Resource not found: flt1 (FaultRule)',
    });
    expect((await send(org, '/__okta-mock/faults', { method: 'DELETE' })).status).toBe(204);
    expect(await listRules(org)).toEqual([]);
  });

  it('clears the rules on reset', async () => {
    const org = await newOrg();
    await addRule(org, { path: '/a', status: 500 });
    expect((await send(org, '/__okta-mock/reset', { method: 'POST' })).status).toBe(204);
    expect(await listRules(org)).toEqual([]);
  });

  it.each([
    ['without a token', 403, 'E0000005', { token: null }],
    ['with an unknown token', 401, 'E0000011', { token: 'not-a-token' }],
    ['from a web page of another origin, even a trusted one,', 403, 'E0000006', { origin: TRUSTED_FOR_CORS }],
  ] as const)('refuses to add or list rules %s with %i %s, and adds nothing', async (_label, status, code, who) => {
    const org = await newOrg();
    await expectOktaError(await send(org, '/__okta-mock/faults', { method: 'POST', json: { path: '/a', status: 500 }, ...who }), status, code);
    await expectOktaError(await send(org, '/__okta-mock/faults', who), status, code);
    expect(org.faults.list()).toEqual([]);
  });

  it.each([
    ['an unknown key', { path: COLLECTION, status: 500, statusCode: 500 }, 'statusCode: unknown key; a rule takes method, path, status, errorCode, delayMs, times'],
    ['a status that is not an error', { path: COLLECTION, status: 302 }, 'status: must be an error status from 400 to 599'],
    ['an unknown errorCode', { path: COLLECTION, errorCode: 'E0000999' }, 'errorCode: unknown error code; the emulator answers'],
    ['negative times', { path: COLLECTION, status: 500, times: -1 }, 'times: must be a whole number from 1 (leave it out to apply until cleared)'],
    ['a delay too large', { path: COLLECTION, delayMs: 600_000 }, 'delayMs: must be a whole number of milliseconds from 0 to 60000'],
    ['a path without a leading /', { path: 'api/v1/users', status: 500 }, 'path: must start with "/", got "api/v1/users"'],
  ])('answers a rule with %s with 400 E0000001 naming the reason, and adds nothing', async (_label, rule, cause) => {
    const org = await newOrg();
    const res = await send(org, '/__okta-mock/faults', { method: 'POST', json: rule });
    const body = await expectOktaError(res, 400, 'E0000001', { summary: `Api validation failed: ${cause.split(':')[0]}` });
    expect(body.errorCauses).toHaveLength(1);
    expect(body.errorCauses[0]!.errorSummary.startsWith(cause)).toBe(true);
    expect(org.faults.list()).toEqual([]);
  });

  it('refuses a whole list when one rule is bad (400 E0000001 naming it by place) and adds none of it', async () => {
    const org = await newOrg();
    const res = await send(org, '/__okta-mock/faults', { method: 'POST', json: [{ path: '/a', status: 500 }, { path: '/b' }] });
    await expectOktaError(res, 400, 'E0000001', { causes: ['[1].rule: needs a status, an errorCode or a delayMs'] });
    expect(org.faults.list()).toEqual([]);
  });

  it('answers a body that is not JSON with 400 E0000003', async () => {
    const org = await newOrg();
    await expectOktaError(await send(org, '/__okta-mock/faults', { method: 'POST', body: '{' }), 400, 'E0000003');
  });

  it('answers every faults call as contracts/ declares it (status, headers, body schema)', async () => {
    const org = await newOrg();
    const calls: Array<[string, string, Send]> = [
      ['POST', '/__okta-mock/faults', { json: { path: COLLECTION, status: 500, times: 1 } }],
      ['POST', '/__okta-mock/faults', { json: [{ path: '/a', delayMs: 0 }] }],
      ['POST', '/__okta-mock/faults', { json: { path: 'bad' } }],
      ['GET', '/__okta-mock/faults', {}],
      ['GET', '/__okta-mock/faults', { token: null }],
      ['DELETE', '/__okta-mock/faults/flt1', {}],
      ['DELETE', '/__okta-mock/faults/flt1', {}],
      ['DELETE', '/__okta-mock/faults', {}],
    ];
    for (const [method, path, init] of calls) {
      const res = await send(org, path, { ...init, method });
      expect(checkAgainstContract({ method, path, status: res.status, headers: res.headers, text: await res.text() })).toEqual([]);
    }
  });
});

describe('fault rules: the answers', () => {
  it('answers the issue example twice with 500 E0000009 in Okta\'s shape, counting down, then lets the real create through', async () => {
    const org = await newOrg();
    await addRule(org, { method: 'POST', path: COLLECTION, status: 500, errorCode: 'E0000009', times: 2 });
    const before = org.store.trustedOrigins.count();

    const first = await send(org, COLLECTION, { method: 'POST', json: NEW_ORIGIN });
    expect(first.headers.get('X-Okta-Request-Id')).toMatch(REQUEST_ID);
    expect(first.headers.get('X-Rate-Limit-Remaining')).toMatch(/^\d+$/);
    expect(first.headers.get('Date')).toBe(FIXED_NOW.toUTCString());
    await expectOktaError(first, 500, 'E0000009', { summary: 'Internal Server Error', causes: [] });
    expect((await listRules(org))[0]!.times).toBe(1);

    await expectOktaError(await send(org, COLLECTION, { method: 'POST', json: NEW_ORIGIN }), 500, 'E0000009');
    expect(await listRules(org)).toEqual([]);
    expect(org.store.trustedOrigins.count()).toBe(before);

    expect((await send(org, COLLECTION, { method: 'POST', json: NEW_ORIGIN })).status).toBe(200);
    expect(org.store.trustedOrigins.count()).toBe(before + 1);
  });

  it('leaves other methods and other paths alone', async () => {
    const org = await newOrg();
    await addRule(org, { method: 'POST', path: COLLECTION, status: 500 });
    expect((await send(org, COLLECTION)).status).toBe(200);
    expect((await send(org, `${COLLECTION}/tosue7JvguwJ7U6kz0g3`, { method: 'DELETE' })).status).toBe(204);
  });

  it('answers with the catalogue status of an errorCode given alone, and names the path in E0000007', async () => {
    const org = await newOrg();
    await addRule(org, { path: `${COLLECTION}/*`, errorCode: 'E0000007' });
    await expectOktaError(await send(org, `${COLLECTION}/tosue7JvguwJ7U6kz0g3`), 404, 'E0000007', {
      summary: `Not found: Resource not found: ${COLLECTION}/tosue7JvguwJ7U6kz0g3 (Path)`,
    });
  });

  it('answers a status given alone (503) with the 500 error under that status', async () => {
    const org = await newOrg();
    await addRule(org, { path: '/api/v1/authn', status: 503 });
    await expectOktaError(await send(org, '/api/v1/authn', { method: 'POST', token: null, json: {} }), 503, 'E0000009');
  });

  it('gives a fault answer on a CORS-enabled endpoint the CORS headers, so a page on a trusted origin can read it', async () => {
    const org = await newOrg();
    await addRule(org, { path: '/api/v1/users/me', status: 503 });
    const res = await send(org, '/api/v1/users/me', { token: null, origin: TRUSTED_FOR_CORS });
    expect(res.status).toBe(503);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(TRUSTED_FOR_CORS);
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true');
  });

  it('never faults the control API, even under a rule for every path, so the rules can always be cleared', async () => {
    const org = await newOrg();
    await addRule(org, { path: '/*', status: 500 });
    expect((await send(org, '/__okta-mock/faults')).status).toBe(200);
    expect((await send(org, '/__okta-mock/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await send(org, COLLECTION)).status).toBe(200);
  });

  it('never faults the Admin Console under /admin, even under a rule for every path', async () => {
    const org = await newOrg();
    await addRule(org, { path: '/*', status: 500 });
    expect((await send(org, '/admin/access/api/trusted_origins', { token: null })).status).not.toBe(500);
    expect((await send(org, '/administrator', { token: null })).status).toBe(500);
  });

  it('journals a fault answer with the rule\'s id, its status and error code', async () => {
    const org = await newOrg();
    const rule = await addRule(org, { path: COLLECTION, status: 500 });
    const res = await send(org, COLLECTION);
    expect(org.journal.entries().at(-1)).toMatchObject({
      requestId: res.headers.get('X-Okta-Request-Id'),
      path: COLLECTION,
      status: 500,
      errorCode: 'E0000009',
      fault: { id: rule.id },
    });
  });

  it('answers 429 E0000047 first to a request past an enforced rate limit, without using up a rule', async () => {
    const org = await newOrg({ rateLimit: 1 });
    await send(org, COLLECTION);
    await addRule(org, { path: COLLECTION, status: 500, times: 1 });
    await expectOktaError(await send(org, COLLECTION), 429, 'E0000047');
    expect((await listRules(org))[0]!.times).toBe(1);
  });
});

describe('fault rules: delays', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Settles `promise` into a box that says whether it has answered yet. */
  function watch(promise: Promise<Response>) {
    const box: { response?: Response } = {};
    void promise.then((response) => (box.response = response));
    return box;
  }

  it('delays the real answer by delayMs without holding up other requests, and journals it as a fault', async () => {
    const org = await newOrg();
    const rule = await addRule(org, { path: '/api/v1/users/me', delayMs: 800, times: 1 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const delayed = watch(send(org, '/api/v1/users/me', { token: null }));
    await vi.advanceTimersByTimeAsync(799);
    expect(delayed.response).toBeUndefined();
    // Another request is answered while the first one waits.
    expect((await send(org, COLLECTION)).status).toBe(200);
    await vi.advanceTimersByTimeAsync(1);
    expect(delayed.response?.status).toBe(403); // the real answer: no session
    await expectOktaError(delayed.response!, 403, 'E0000005');
    expect(org.journal.entries().find((e) => e.path === '/api/v1/users/me')).toMatchObject({ status: 403, fault: { id: rule.id } });
  });

  it('delays the fault answer when the rule has a status too', async () => {
    const org = await newOrg();
    await addRule(org, { path: COLLECTION, status: 500, delayMs: 300 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const delayed = watch(send(org, COLLECTION));
    await vi.advanceTimersByTimeAsync(299);
    expect(delayed.response).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await expectOktaError(delayed.response!, 500, 'E0000009');
  });

  it('lets every pending delay go at once when the org cuts delays short (a stopping server)', async () => {
    const org = await newOrg();
    await addRule(org, { path: COLLECTION, delayMs: 60_000 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const delayed = [watch(send(org, COLLECTION)), watch(send(org, COLLECTION))];
    await vi.advanceTimersByTimeAsync(10);
    expect(delayed.map((d) => d.response)).toEqual([undefined, undefined]);
    org.faults.cutDelaysShort();
    await vi.advanceTimersByTimeAsync(0);
    expect(delayed.map((d) => d.response?.status)).toEqual([200, 200]);
  });
});
