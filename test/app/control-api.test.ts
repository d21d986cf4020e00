/** The control API under /__okta-mock through app.fetch: auth, journal, reset, state export and import. */
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/journal.js';
import { createOrg, type Org } from '../../src/org.js';
import { DEFAULT_FIXTURES } from '../../src/default-fixtures.js';
import { checkAgainstContract } from '../contract/support/schema.js';
import { expectOktaError } from '../support/okta-assertions.js';
import { send, type Send } from '../support/control.js';
import { FIXED_NOW, ORG_URL, TOKEN } from '../support/org.js';

const SEEDED_IDS = ['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4'];
const TRUSTED_FOR_CORS = 'http://example.com'; // the seed's first origin, ACTIVE with CORS

function newOrg(options: Parameters<typeof createOrg>[0] = {}): Org {
  return createOrg({ now: () => FIXED_NOW, randomSeed: 7, ...options });
}

const stateText = async (org: Org) => {
  const res = await send(org, '/__okta-mock/state');
  expect(res.status).toBe(200);
  return res.text();
};

function entry(requestId: string, over: Partial<JournalEntry> = {}): JournalEntry {
  return {
    requestId,
    time: FIXED_NOW.toISOString(),
    method: 'GET',
    path: '/api/v1/users/me',
    query: '',
    status: 200,
    durationMs: 1,
    origin: null,
    auth: 'none',
    errorCode: null,
    decision: null,
    ...over,
  };
}

const CONTROL_CALLS: Array<[string, string]> = [
  ['GET', '/__okta-mock/requests'],
  ['DELETE', '/__okta-mock/requests'],
  ['POST', '/__okta-mock/reset'],
  ['GET', '/__okta-mock/state'],
  ['PUT', '/__okta-mock/state'],
];

const ACCESS_CONTROL = /^access-control-/i;
const accessControlHeaders = (res: Response) => [...res.headers.keys()].filter((k) => ACCESS_CONTROL.test(k));

describe('control API: who may call it', () => {
  it.each(CONTROL_CALLS)('answers %s %s without a token with 403 E0000005 and changes nothing', async (method, path) => {
    const org = newOrg();
    const before = await stateText(org);
    await expectOktaError(await send(org, path, { method, token: null, json: { trustedOrigins: [], users: [] } }), 403, 'E0000005', {
      summary: 'Invalid session',
    });
    expect(await stateText(org)).toBe(before);
  });

  it.each(CONTROL_CALLS)('answers %s %s with an unknown token with 401 E0000011', async (method, path) => {
    const org = newOrg();
    await expectOktaError(await send(org, path, { method, token: 'not-a-token' }), 401, 'E0000011', { summary: 'Invalid token provided' });
  });

  it.each(CONTROL_CALLS)('answers %s %s from a web page of another origin with 403 E0000006, even a trusted one, with the right token', async (method, path) => {
    const org = newOrg();
    const before = await stateText(org);
    const res = await send(org, path, { method, origin: TRUSTED_FOR_CORS, json: { trustedOrigins: [], users: [] } });
    expect(accessControlHeaders(res)).toEqual([]);
    await expectOktaError(res, 403, 'E0000006', { summary: 'You do not have permission to perform the requested action' });
    expect(await stateText(org)).toBe(before);
  });

  it('answers a request whose Origin is the org\'s own (a page the org serves)', async () => {
    const org = newOrg();
    const res = await send(org, '/__okta-mock/requests', { origin: ORG_URL });
    expect(res.status).toBe(200);
    expect(accessControlHeaders(res)).toEqual([]);
  });

  it('gives a browser preflight from a trusted origin no CORS allow headers (403 E0000005, so the browser never sends the call)', async () => {
    const org = newOrg();
    const res = await send(org, '/__okta-mock/reset', {
      method: 'OPTIONS',
      token: null,
      origin: TRUSTED_FOR_CORS,
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(accessControlHeaders(res)).toEqual([]);
    await expectOktaError(res, 403, 'E0000005');
  });

  it('answers an unknown control path with 404 E0000007 and Okta\'s error body', async () => {
    const org = newOrg();
    await expectOktaError(await send(org, '/__okta-mock/nothing-here'), 404, 'E0000007', {
      summary: 'Not found: Resource not found: /__okta-mock/nothing-here (Path)',
    });
  });

  it('answers a method a control path does not define with the unknown-path 404 E0000007, as on every path outside /api/', async () => {
    const org = newOrg();
    await expectOktaError(await send(org, '/__okta-mock/reset', { method: 'GET' }), 404, 'E0000007');
    await expectOktaError(await send(org, '/__okta-mock/state', { method: 'POST' }), 404, 'E0000007');
  });

  it('answers every control call as contracts/ declares it (status, headers, body schema)', async () => {
    const org = newOrg();
    org.journal.record(entry('r1', { decision: { kind: 'cors', subject: 'http://a.example', allowed: false, reason: 'r', trustedOriginId: null, hint: null } }));
    const state = await stateText(org);
    const calls: Array<[string, string, Send]> = [
      ['GET', '/__okta-mock/requests', {}],
      ['GET', '/__okta-mock/requests?limit=x', {}],
      ['DELETE', '/__okta-mock/requests', {}],
      ['POST', '/__okta-mock/reset', {}],
      ['GET', '/__okta-mock/state', {}],
      ['PUT', '/__okta-mock/state', { body: state }],
      ['PUT', '/__okta-mock/state', { body: '{' }],
      ['GET', '/__okta-mock/state', { token: null }],
      ['GET', '/__okta-mock/state', { token: 'wrong' }],
      ['GET', '/__okta-mock/state', { origin: 'http://example.com' }],
      ['GET', '/__okta-mock/unknown', {}],
    ];
    for (const [method, path, init] of calls) {
      const res = await send(org, path, { ...init, method });
      expect(checkAgainstContract({ method, path, status: res.status, headers: res.headers, text: await res.text() })).toEqual([]);
    }
  });
});

describe('control API: the journal', () => {
  async function orgWithEntries(count: number): Promise<Org> {
    const org = newOrg();
    await org.ready;
    for (let i = 1; i <= count; i++) org.journal.record(entry(`r${i}`, { path: `/api/v1/users/me/${i}` }));
    return org;
  }
  const ids = async (res: Response) => ((await res.json()) as JournalEntry[]).map((e) => e.requestId);

  it('answers GET /requests with exactly what the journal holds, oldest first, as JSON', async () => {
    const org = await orgWithEntries(3);
    const before = org.journal.entries();
    const res = await send(org, '/__okta-mock/requests');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(before);
    expect(before.map((e) => e.requestId)).toEqual(['r1', 'r2', 'r3']);
  });

  it.each([
    ['?limit=2 keeps the newest two', '?limit=2', ['r4', 'r5']],
    ['?limit=0 keeps none', '?limit=0', []],
    ['?limit above the size keeps all', '?limit=50', ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['?since=r2 keeps the entries after r2', '?since=r2', ['r3', 'r4', 'r5']],
    ['?since=r5 (the newest) keeps none', '?since=r5', []],
    ['?since with limit keeps the newest after it', '?since=r1&limit=2', ['r4', 'r5']],
  ])('%s', async (_name, query, expected) => {
    const org = await orgWithEntries(5);
    expect(await ids(await send(org, `/__okta-mock/requests${query}`))).toEqual(expected);
  });

  it('answers a ?limit that is not a whole number with 400 E0000029', async () => {
    const org = await orgWithEntries(2);
    await expectOktaError(await send(org, '/__okta-mock/requests?limit=-1'), 400, 'E0000029');
    await expectOktaError(await send(org, '/__okta-mock/requests?limit=ten'), 400, 'E0000029');
  });

  it('empties the journal on DELETE /requests with 204 and no body', async () => {
    const org = await orgWithEntries(3);
    const res = await send(org, '/__okta-mock/requests', { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(org.journal.entries()).toEqual([]);
  });
});

describe('control API: reset', () => {
  it('puts trusted origins, users, sessions and the journal back to the seed with 204', async () => {
    const org = newOrg();
    const seed = await stateText(org);
    const create = await send(org, '/api/v1/trustedOrigins', {
      method: 'POST',
      json: { name: 'Made in a test', origin: 'https://made.example', scopes: [{ type: 'CORS' }] },
    });
    expect(create.status).toBe(200);
    expect((await send(org, `/api/v1/trustedOrigins/${SEEDED_IDS[1]}`, { method: 'DELETE' })).status).toBe(204);
    const authn = await send(org, '/api/v1/authn', { token: null, json: { username: 'admin@example.com', password: 'okta-mock' }, method: 'POST' });
    expect(authn.status).toBe(200);
    org.store.sessions.putSession({ id: '102session', userId: '00ut5t92p6IEOi4bu0g3', login: 'admin@example.com', createdAt: '', expiresAt: '', lastPasswordVerification: '' });
    org.journal.record(entry('before-reset'));
    expect(await stateText(org)).not.toBe(seed);

    const res = await send(org, '/__okta-mock/reset', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await stateText(org)).toBe(seed);
    expect(org.store.sessions.getSession('102session')).toBeUndefined();
    expect(org.journal.entries().map((e) => e.requestId)).not.toContain('before-reset');
  });
});

describe('control API: state export and import', () => {
  it('exports the content as a fixtures document with user secrets, in the format --fixtures reads', async () => {
    const org = newOrg();
    const doc = JSON.parse(await stateText(org)) as { trustedOrigins: Array<{ id: string }>; users: Array<{ password?: string; apiTokens: string[] }> };
    expect(Object.keys(doc)).toEqual(['trustedOrigins', 'users']);
    expect(doc.trustedOrigins.map((o) => o.id)).toEqual(SEEDED_IDS);
    expect(doc.users[0]).toMatchObject({ password: 'okta-mock', apiTokens: [TOKEN] });
    expect(doc).toEqual(JSON.parse(JSON.stringify(await org.exportState())));
  });

  it('round-trips byte for byte: export, start a new org from it, export again', async () => {
    const org = newOrg();
    const made = await send(org, '/api/v1/trustedOrigins', {
      method: 'POST',
      json: { name: 'Iframe', origin: 'https://*.embed.example', scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] },
    });
    expect(made.status).toBe(200);
    expect((await send(org, `/api/v1/trustedOrigins/${SEEDED_IDS[0]}/lifecycle/deactivate`, { method: 'POST' })).status).toBe(200);
    const first = await stateText(org);

    const again = newOrg({ fixtures: JSON.parse(first) });
    expect(await stateText(again)).toBe(first);
  });

  it('replaces the content on PUT /state, answers 200 with the loaded document, and reset returns to it', async () => {
    const org = newOrg();
    const doc = JSON.parse(await stateText(org)) as { trustedOrigins: unknown[]; users: unknown[] };
    const replacement = { trustedOrigins: doc.trustedOrigins.slice(1), users: doc.users };
    const res = await send(org, '/__okta-mock/state', { method: 'PUT', json: replacement });
    expect(res.status).toBe(200);
    const loaded = await res.text();
    expect(JSON.parse(loaded)).toEqual(replacement);
    expect(await stateText(org)).toBe(loaded);

    await send(org, '/api/v1/trustedOrigins', { method: 'POST', json: { name: 'After import', origin: 'https://after.example', scopes: [{ type: 'CORS' }] } });
    expect((await send(org, '/__okta-mock/reset', { method: 'POST' })).status).toBe(204);
    expect(await stateText(org)).toBe(loaded);
  });

  const seedOrigins = () => JSON.parse(JSON.stringify(DEFAULT_FIXTURES.trustedOrigins)) as Array<Record<string, unknown>>;
  const REJECTED: Array<{ name: string; body: string; contentType?: string; status: number; code: string; causes?: string[] }> = [
    { name: 'a body that is not JSON: 400 E0000003', body: '{"trustedOrigins": [', status: 400, code: 'E0000003' },
    { name: 'a JSON body sent as text/plain: 400 E0000021', body: '{}', contentType: 'text/plain', status: 400, code: 'E0000021' },
    {
      name: 'a document with an invalid origin: 400 E0000001 naming trustedOrigins[2].origin',
      body: JSON.stringify({ trustedOrigins: seedOrigins().map((o, i) => (i === 2 ? { ...o, origin: 'yato.example.com' } : o)), users: DEFAULT_FIXTURES.users }),
      status: 400,
      code: 'E0000001',
      causes: ['trustedOrigins[2].origin: not a valid origin: "yato.example.com"'],
    },
    {
      name: 'a document with a duplicate trusted origin id: 400 E0000001 naming the second one',
      body: JSON.stringify({ trustedOrigins: [seedOrigins()[0], { ...seedOrigins()[1], id: SEEDED_IDS[0] }], users: DEFAULT_FIXTURES.users }),
      status: 400,
      code: 'E0000001',
      causes: [`trustedOrigins[1].id: duplicate value "${SEEDED_IDS[0]}"`],
    },
    {
      name: 'a document that is not an object: 400 E0000001',
      body: '[]',
      status: 400,
      code: 'E0000001',
    },
  ];

  it.each(REJECTED.map((r) => [r.name, r] as const))('rejects %s, and changes neither the content nor the seed', async (_name, row) => {
    const org = newOrg();
    await send(org, '/api/v1/trustedOrigins', { method: 'POST', json: { name: 'Kept', origin: 'https://kept.example', scopes: [{ type: 'CORS' }] } });
    const before = await stateText(org);
    const res = await send(org, '/__okta-mock/state', { method: 'PUT', body: row.body, contentType: row.contentType });
    const error = await expectOktaError(res, row.status, row.code, row.causes ? { causes: row.causes } : {});
    if (row.code === 'E0000001') expect(error.errorCauses.length).toBeGreaterThan(0);
    expect(await stateText(org)).toBe(before);
    await send(org, '/__okta-mock/reset', { method: 'POST' });
    expect((JSON.parse(await stateText(org)) as { trustedOrigins: Array<{ id: string }> }).trustedOrigins.map((o) => o.id)).toEqual(SEEDED_IDS);
  });

  it('refuses with 400 E0000001 a document that would leave no user owning the token of the call, and changes nothing', async () => {
    const org = newOrg();
    const before = await stateText(org);
    const res = await send(org, '/__okta-mock/state', { method: 'PUT', json: { trustedOrigins: [] } });
    await expectOktaError(res, 400, 'E0000001', {
      summary: 'Api validation failed: users',
      causes: ['users: no user of the document owns the API token of this request, so the org would refuse it from now on'],
    });
    expect(await stateText(org)).toBe(before);
  });

  it('accepts a document without the fixture token when the call used a --token given at start', async () => {
    const org = newOrg({ tokens: ['extra-start-token'] });
    const users = (await org.exportState()).users.map((u) => ({ ...u, apiTokens: [] }));
    const res = await send(org, '/__okta-mock/state', { method: 'PUT', token: 'extra-start-token', json: { trustedOrigins: [], users } });
    expect(res.status).toBe(200);
    expect((await send(org, '/__okta-mock/state', { token: 'extra-start-token' })).status).toBe(200);
    expect((await send(org, '/__okta-mock/state')).status).toBe(401);
  });

  it('lists one errorCauses entry per problem, each naming where it is', async () => {
    const org = newOrg();
    const origins = seedOrigins();
    origins[0] = { ...origins[0], status: 'SLEEPING' };
    origins[2] = { ...origins[2], origin: 'not an origin' };
    const res = await send(org, '/__okta-mock/state', { method: 'PUT', json: { trustedOrigins: origins, users: DEFAULT_FIXTURES.users } });
    const error = await expectOktaError(res, 400, 'E0000001', { summary: 'Api validation failed: trustedOrigins[0].status' });
    expect(error.errorCauses.map((c) => c.errorSummary.split(':')[0])).toEqual(['trustedOrigins[0].status', 'trustedOrigins[2].origin']);
  });
});
