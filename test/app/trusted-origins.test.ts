/** Trusted-origin semantics through app.fetch: timestamps, actors, PUT and status handling. */
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../src/fixtures-file.js';
import { expectOktaError, snapshotTrustedOrigins, steppingClock } from '../support/okta-assertions.js';
import { ADMIN_ID, createTestOrg, ORG_URL, type TestOrg } from '../support/org.js';

type Wire = {
  id: string;
  name: string;
  origin: string;
  scopes: Array<{ type: string; allowedOktaApps?: string[] }>;
  status: string;
  created: string;
  createdBy: string;
  lastUpdated: string;
  lastUpdatedBy: string;
  _links: Record<string, { href: string; hints: { allow: string[] } }>;
};

const SECOND_USER = '00u2ndUserForTest0g3';
const SECOND_TOKEN = '00second-user-token';

/** The bundled fixtures plus a second user with their own API token. */
async function orgWithTwoUsers(now: () => Date): Promise<TestOrg> {
  const fixtures = await loadFixtures();
  const admin = fixtures.users[0]!;
  return createTestOrg({
    now,
    fixtures: {
      ...fixtures,
      users: [
        ...fixtures.users,
        {
          ...admin,
          id: SECOND_USER,
          profile: { ...admin.profile, login: 'second@example.com', email: 'second@example.com' },
          apiTokens: [SECOND_TOKEN],
        },
      ],
    },
  });
}

const body = { name: 'My App', origin: 'https://app.example.com', scopes: [{ type: 'CORS' }] };

async function create(org: TestOrg, json: unknown = body): Promise<Wire> {
  const res = await org.request('/api/v1/trustedOrigins', { method: 'POST', json });
  expect(res.status).toBe(200);
  return (await res.json()) as Wire;
}

async function call(org: TestOrg, path: string, init: Parameters<TestOrg['request']>[1] = {}): Promise<Wire> {
  const res = await org.request(path, init);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Wire;
}

describe('timestamps and actors', () => {
  it('stamps created and lastUpdated with the same second-precision time on create, and createdBy/lastUpdatedBy with the token owner', async () => {
    const clock = steppingClock('2026-03-04T05:06:07.891Z');
    const org = await orgWithTwoUsers(clock.now);
    const created = await create(org);
    expect(created.created).toBe('2026-03-04T05:06:07.000Z');
    expect(created.lastUpdated).toBe('2026-03-04T05:06:07.000Z');
    expect(created.createdBy).toBe(ADMIN_ID);
    expect(created.lastUpdatedBy).toBe(ADMIN_ID);
    expect(created.status).toBe('ACTIVE');
  });

  it('moves lastUpdated on PUT, deactivate and activate while created and createdBy stay', async () => {
    const clock = steppingClock('2026-03-04T05:06:07.000Z');
    const org = await orgWithTwoUsers(clock.now);
    const { id, created } = await create(org);
    const path = `/api/v1/trustedOrigins/${id}`;

    clock.advance(5);
    const put = await call(org, path, { method: 'PUT', json: { ...body, name: 'Renamed' } });
    expect([put.created, put.lastUpdated]).toEqual([created, '2026-03-04T05:06:12.000Z']);

    clock.advance(60);
    const off = await call(org, `${path}/lifecycle/deactivate`, { method: 'POST' });
    expect([off.created, off.lastUpdated, off.status]).toEqual([created, '2026-03-04T05:07:12.000Z', 'INACTIVE']);

    clock.advance(3600);
    const on = await call(org, `${path}/lifecycle/activate`, { method: 'POST' });
    expect([on.created, on.lastUpdated, on.status]).toEqual([created, '2026-03-04T06:07:12.000Z', 'ACTIVE']);
    expect(on.createdBy).toBe(ADMIN_ID);

    clock.advance(1);
    expect((await call(org, path)).lastUpdated).toBe('2026-03-04T06:07:12.000Z'); // GET changes nothing
  });

  it('sets lastUpdatedBy to the owner of the token that made the change and keeps createdBy', async () => {
    const org = await orgWithTwoUsers(steppingClock().now);
    const { id } = await create(org);
    const auth = { Authorization: `SSWS ${SECOND_TOKEN}` };
    const put = await call(org, `/api/v1/trustedOrigins/${id}`, { method: 'PUT', json: body, headers: auth });
    expect([put.createdBy, put.lastUpdatedBy]).toEqual([ADMIN_ID, SECOND_USER]);
    const off = await call(org, `/api/v1/trustedOrigins/${id}/lifecycle/deactivate`, { method: 'POST' });
    expect(off.lastUpdatedBy).toBe(ADMIN_ID);
    const on = await call(org, `/api/v1/trustedOrigins/${id}/lifecycle/activate`, { method: 'POST', headers: auth });
    expect(on.lastUpdatedBy).toBe(SECOND_USER);
    const other = await create(org, { ...body, name: 'Second', origin: 'https://second.example.com' });
    expect(other.createdBy).toBe(ADMIN_ID);
    const bySecond = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      json: { ...body, name: 'Third', origin: 'https://third.example.com' },
      headers: auth,
    });
    expect(((await bySecond.json()) as Wire).createdBy).toBe(SECOND_USER);
  });
});

describe('PUT', () => {
  it('accepts the whole object back, as the Node SDK sends it (read-only fields, _links, dates without milliseconds), and ignores the read-only parts', async () => {
    const clock = steppingClock('2026-03-04T05:06:07.000Z');
    const org = await orgWithTwoUsers(clock.now);
    const original = await create(org);
    clock.advance(10);
    const sent = {
      ...original,
      id: 'tosSomethingElse00000',
      name: 'Renamed by SDK',
      created: '2025-03-13T23:43:59Z',
      createdBy: SECOND_USER,
      lastUpdated: '2025-03-13T23:43:59Z',
      lastUpdatedBy: SECOND_USER,
      _links: { self: { href: 'https://elsewhere.example.com/x' } },
    };
    const put = await call(org, `/api/v1/trustedOrigins/${original.id}`, { method: 'PUT', json: sent });
    expect(put).toEqual({
      ...original,
      name: 'Renamed by SDK',
      lastUpdated: '2026-03-04T05:06:17.000Z',
    });
    expect(put._links.self!.href).toBe(`${ORG_URL}/api/v1/trustedOrigins/${original.id}`);
    expect(org.store.trustedOrigins.get('tosSomethingElse00000')).toBeUndefined();
  });

  it('replaces name, origin and scopes as a whole', async () => {
    const org = await createTestOrg();
    const put = await call(org, '/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4', {
      method: 'PUT',
      json: { name: 'Only Redirect', origin: 'https://only.example.com/', scopes: [{ type: 'REDIRECT' }] },
    });
    expect([put.name, put.origin, put.scopes]).toEqual(['Only Redirect', 'https://only.example.com/', [{ type: 'REDIRECT' }]]);
  });

  it('lets an origin keep its own name and origin on PUT without a duplicate error', async () => {
    const org = await createTestOrg();
    const got = await call(org, '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3');
    const put = await call(org, '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', { method: 'PUT', json: got });
    expect(put.name).toBe(got.name);
  });

  it('frees the old name and origin after a PUT renames them, so a create can take them', async () => {
    const org = await createTestOrg();
    await call(org, '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', {
      method: 'PUT',
      json: { name: 'Renamed', origin: 'http://renamed.example.com', scopes: [{ type: 'CORS' }] },
    });
    const again = await create(org, { name: 'Example Trusted Origin', origin: 'http://example.com', scopes: [{ type: 'CORS' }] });
    expect(again.origin).toBe('http://example.com');
  });
});

describe('status in a request body', () => {
  it('creates an ACTIVE origin even when the POST body says status INACTIVE, and ignores unknown fields', async () => {
    const org = await createTestOrg();
    const made = await create(org, { ...body, status: 'INACTIVE', extra: { anything: true }, id: 'tosIgnored0000000000' });
    expect(made.status).toBe('ACTIVE');
    expect(made.id).not.toBe('tosIgnored0000000000');
    expect(Object.keys(made._links)).toEqual(['self', 'deactivate']);
    expect(made).not.toHaveProperty('extra');
  });

  it('keeps an ACTIVE origin ACTIVE when the PUT body says INACTIVE', async () => {
    const org = await createTestOrg();
    const put = await call(org, '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', {
      method: 'PUT',
      json: { name: 'Example Trusted Origin', origin: 'http://example.com', scopes: [{ type: 'CORS' }], status: 'INACTIVE' },
    });
    expect(put.status).toBe('ACTIVE');
  });

  it('keeps an INACTIVE origin INACTIVE when the PUT body says ACTIVE', async () => {
    const org = await createTestOrg();
    await call(org, '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate', { method: 'POST' });
    const put = await call(org, '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', {
      method: 'PUT',
      json: { name: 'Example Trusted Origin', origin: 'http://example.com', scopes: [{ type: 'CORS' }], status: 'ACTIVE' },
    });
    expect(put.status).toBe('INACTIVE');
    expect(Object.keys(put._links)).toEqual(['activate', 'self']);
  });
});

describe('lifecycle', () => {
  it('answers activate on an ACTIVE origin and deactivate on an INACTIVE one with 200 and the status unchanged', async () => {
    const org = await createTestOrg();
    const path = '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle';
    expect((await call(org, `${path}/activate`, { method: 'POST' })).status).toBe('ACTIVE');
    expect((await call(org, `${path}/deactivate`, { method: 'POST' })).status).toBe('INACTIVE');
    expect((await call(org, `${path}/deactivate`, { method: 'POST' })).status).toBe('INACTIVE');
  });

  it('accepts a lifecycle POST with content-length 0 and no Content-Type, as the Node SDK sends it', async () => {
    const org = await createTestOrg();
    const res = await org.app.fetch(
      new Request(`${ORG_URL}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate`, {
        method: 'POST',
        headers: { Authorization: 'SSWS 00okta-mock-default-api-token-for-local-use', 'Content-Length': '0' },
      }),
    );
    expect(res.status).toBe(200);
  });

  it('deletes an ACTIVE origin with 204 and then answers GET, PUT, activate and DELETE for it with 404 E0000007', async () => {
    const org = await createTestOrg();
    const path = '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3';
    expect((await org.request(path, { method: 'DELETE' })).status).toBe(204);
    const summary = 'Not found: Resource not found: tosue7JvguwJ7U6kz0g3 (TrustedOrigin)';
    await expectOktaError(await org.request(path), 404, 'E0000007', { summary });
    await expectOktaError(await org.request(path, { method: 'PUT', json: body }), 404, 'E0000007', { summary });
    await expectOktaError(await org.request(`${path}/lifecycle/activate`, { method: 'POST' }), 404, 'E0000007', { summary });
    await expectOktaError(await org.request(path, { method: 'DELETE' }), 404, 'E0000007', { summary });
  });
});

describe('stored values', () => {
  it('stores the origin as sent, trailing slash included, and returns IFRAME_EMBED allowedOktaApps', async () => {
    const org = await createTestOrg();
    const made = await create(org, {
      name: 'Embed',
      origin: 'http://localhost:8080/',
      scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }, { type: 'CORS' }],
    });
    expect(made.origin).toBe('http://localhost:8080/');
    expect(made.scopes).toEqual([{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }, { type: 'CORS' }]);
    expect(await call(org, `/api/v1/trustedOrigins/${made.id}`)).toEqual(made);
  });

  it('accepts allowedOktaApps on CORS and REDIRECT scopes, as Okta\'s spec allows, and answers and stores those scopes without it', async () => {
    const org = await createTestOrg();
    const made = await create(org, {
      name: 'Client that always sends allowedOktaApps',
      origin: 'https://always-sends.example.com',
      scopes: [{ type: 'CORS', allowedOktaApps: [] }, { type: 'REDIRECT', allowedOktaApps: [] }, { type: 'IFRAME_EMBED', allowedOktaApps: [] }],
    });
    expect(made.scopes).toEqual([{ type: 'CORS' }, { type: 'REDIRECT' }, { type: 'IFRAME_EMBED', allowedOktaApps: [] }]);
    expect(org.store.trustedOrigins.get(made.id)!.scopes).toEqual(made.scopes);
    const replaced = await call(org, `/api/v1/trustedOrigins/${made.id}`, {
      method: 'PUT',
      json: { ...made, scopes: [{ type: 'CORS', allowedOktaApps: ['OKTA_ENDUSER'] }] },
    });
    expect(replaced.scopes).toEqual([{ type: 'CORS' }]);
  });

  it('gives each created origin a new 20-character tos id and returns it from GET unchanged', async () => {
    const org = await createTestOrg({ empty: true });
    const ids = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const made = await create(org, { ...body, name: `n${i}`, origin: `https://n${i}.example.com` });
      expect(made.id).toMatch(/^tos[0-9A-Za-z]{17}$/);
      ids.add(made.id);
    }
    expect(ids.size).toBe(10);
    expect(snapshotTrustedOrigins(org)).toHaveLength(10);
  });
});

describe('concurrent requests', () => {
  it('lets only one of two concurrent creates with the same origin succeed; the other gets 400 E0000001', async () => {
    const org = await createTestOrg();
    const [a, b] = await Promise.all([
      org.request('/api/v1/trustedOrigins', { method: 'POST', json: body }),
      org.request('/api/v1/trustedOrigins', { method: 'POST', json: { ...body, name: 'Other name' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 400]);
    await expectOktaError(b, 400, 'E0000001', {
      summary: 'Api validation failed: origin',
      causes: ['origin: An object with this field already exists in the current organization'],
    });
    expect(org.store.trustedOrigins.all().filter((r) => r.origin === body.origin)).toHaveLength(1);
  });

  it('lets only one of two concurrent PUTs renaming different origins to the same name succeed', async () => {
    const org = await createTestOrg();
    const [a, b] = await Promise.all([
      org.request('/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', { method: 'PUT', json: { ...body, origin: 'https://one.example.com' } }),
      org.request('/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4', { method: 'PUT', json: { ...body, origin: 'https://two.example.com' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 400]);
    await expectOktaError(b, 400, 'E0000001', { summary: 'Api validation failed: name' });
    expect(org.store.trustedOrigins.all().filter((r) => r.name === body.name)).toHaveLength(1);
  });
});
