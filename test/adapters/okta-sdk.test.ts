import okta from '@okta/okta-sdk-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, stopAllClis, type RunningCli } from '../support/cli.js';

const { Client, OktaApiError } = okta;
type TrustedOrigin = okta.TrustedOrigin;

const ADMIN_ID = '00ut5t92p6IEOi4bu0g3';
const SEEDED_IDS = ['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4'];
const ID_PATTERN = /^tos[0-9A-Za-z]{17}$/;

let cli: RunningCli;
let client: InstanceType<typeof Client>;
/** URLs the SDK actually requested, in order. */
const requested: string[] = [];

function newClient(orgUrl: string, options: Record<string, unknown> = {}) {
  const c = new Client({ orgUrl, token: cli.token, ...options });
  c.requestExecutor.on('request', (request: { url: string }) => requested.push(request.url));
  return c;
}

let counter = 0;
/** A unique name/origin pair so tests never collide on the shared server. */
function unique(label: string) {
  counter += 1;
  return { name: `${label} ${counter}`, origin: `https://${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${counter}.example.com` };
}

async function createOrigin(label: string, scopes: Array<{ type: 'CORS' | 'REDIRECT' | 'IFRAME_EMBED' }> = [{ type: 'CORS' }]) {
  return client.trustedOriginApi.createTrustedOrigin({ trustedOrigin: { ...unique(label), scopes } });
}

async function captureError(promise: Promise<unknown>): Promise<InstanceType<typeof OktaApiError>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OktaApiError);
  return error as InstanceType<typeof OktaApiError>;
}

beforeAll(async () => {
  cli = await startCli([]);
  expect(cli.token).toBeDefined();
  // Default cache middleware on: the mock's self hrefs equal orgUrl + path, so invalidation lines up.
  client = newClient(cli.url);
});

afterAll(async () => {
  await cli?.stop();
  await stopAllClis();
});

describe('@okta/okta-sdk-nodejs 8 against the CLI server: single origins', () => {
  it('creates an ACTIVE origin owned by the fixture admin, with Date timestamps and absolute links', async () => {
    const before = Date.now();
    const { name, origin } = unique('Created');
    const created = await client.trustedOriginApi.createTrustedOrigin({
      trustedOrigin: { name, origin, scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }] },
    });
    expect(created.id).toMatch(ID_PATTERN);
    expect(created.name).toBe(name);
    expect(created.origin).toBe(origin);
    expect(created.status).toBe('ACTIVE');
    expect(created.scopes?.map((s) => s.type)).toEqual(['CORS', 'REDIRECT']);
    expect(created.createdBy).toBe(ADMIN_ID);
    expect(created.lastUpdatedBy).toBe(ADMIN_ID);
    expect(created.created).toBeInstanceOf(Date);
    expect(created.lastUpdated).toBeInstanceOf(Date);
    expect(created.created!.getMilliseconds()).toBe(0);
    expect(created.created!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(created.created!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(created._links?.self?.href).toBe(`${cli.url}/api/v1/trustedOrigins/${created.id}`);
    expect(created._links?.deactivate?.href).toBe(`${cli.url}/api/v1/trustedOrigins/${created.id}/lifecycle/deactivate`);
  });

  it('gets an origin by id with the same fields the create returned', async () => {
    const created = await createOrigin('Fetched');
    const fetched = await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! });
    expect(fetched.id).toBe(created.id);
    expect(fetched.name).toBe(created.name);
    expect(fetched.origin).toBe(created.origin);
    expect(fetched.status).toBe('ACTIVE');
    expect(fetched.scopes).toEqual([expect.objectContaining({ type: 'CORS' })]);
    expect(fetched.created?.toISOString()).toBe(created.created?.toISOString());
    expect(fetched.createdBy).toBe(ADMIN_ID);
  });

  it('gets a seeded origin with its reference values', async () => {
    const seeded = await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: 'tos10hzarOl8zfPM80g4' });
    expect(seeded.name).toBe('Another Trusted Origin');
    expect(seeded.origin).toBe('https://rf.example.com');
    expect(seeded.scopes?.map((s) => s.type)).toEqual(['CORS', 'REDIRECT']);
    expect(seeded.status).toBe('ACTIVE');
    expect(seeded.created?.toISOString()).toBe('2017-12-16T05:01:12.000Z');
    expect(seeded.createdBy).toBe(ADMIN_ID);
  });

  it('lists the seeded origins first, in the reference order', async () => {
    const ids: string[] = [];
    for await (const o of await client.trustedOriginApi.listTrustedOrigins()) ids.push(o!.id!);
    expect(ids.slice(0, 3)).toEqual(SEEDED_IDS);
  });

  it('replaces an origin from the whole object the SDK returned, with only the name changed', async () => {
    const created = await createOrigin('Replace me');
    const renamed = `${created.name} (renamed)`;
    // The SDK sends the full object back: id, status, dates without milliseconds and _links included.
    const replaced = await client.trustedOriginApi.replaceTrustedOrigin({
      trustedOriginId: created.id!,
      trustedOrigin: { ...created, name: renamed } as TrustedOrigin,
    });
    expect(replaced.id).toBe(created.id);
    expect(replaced.name).toBe(renamed);
    expect(replaced.origin).toBe(created.origin);
    expect(replaced.status).toBe('ACTIVE');
    expect(replaced.scopes?.map((s) => s.type)).toEqual(['CORS']);
    expect(replaced.created?.toISOString()).toBe(created.created?.toISOString());
    expect(replaced.createdBy).toBe(ADMIN_ID);
    expect(replaced.lastUpdatedBy).toBe(ADMIN_ID);
    expect(replaced.lastUpdated!.getTime()).toBeGreaterThanOrEqual(created.lastUpdated!.getTime());
    // A later GET goes to the server (the cache entry was invalidated by the PUT) and sees the new name.
    const fetched = await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! });
    expect(fetched.name).toBe(renamed);
  });

  it('replaces the scopes as a whole', async () => {
    const created = await createOrigin('Rescoped', [{ type: 'CORS' }, { type: 'REDIRECT' }]);
    const replaced = await client.trustedOriginApi.replaceTrustedOrigin({
      trustedOriginId: created.id!,
      trustedOrigin: { ...created, scopes: [{ type: 'REDIRECT' }] } as TrustedOrigin,
    });
    expect(replaced.scopes?.map((s) => s.type)).toEqual(['REDIRECT']);
  });

  it('deactivates and re-activates an origin, flipping status and the lifecycle link', async () => {
    const created = await createOrigin('Lifecycle');
    const inactive = await client.trustedOriginApi.deactivateTrustedOrigin({ trustedOriginId: created.id! });
    expect(inactive.id).toBe(created.id);
    expect(inactive.status).toBe('INACTIVE');
    expect(inactive._links?.activate?.href).toBe(`${cli.url}/api/v1/trustedOrigins/${created.id}/lifecycle/activate`);
    expect(inactive._links?.deactivate).toBeUndefined();
    expect((await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! })).status).toBe('INACTIVE');

    const active = await client.trustedOriginApi.activateTrustedOrigin({ trustedOriginId: created.id! });
    expect(active.status).toBe('ACTIVE');
    expect(active._links?.deactivate?.href).toBe(`${cli.url}/api/v1/trustedOrigins/${created.id}/lifecycle/deactivate`);
    expect((await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! })).status).toBe('ACTIVE');
  });

  it('deletes an origin: the promise resolves undefined and a later get rejects with 404', async () => {
    const created = await createOrigin('Deleted');
    // Prime the SDK cache, so the 404 below proves the DELETE invalidated it.
    await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! });
    await expect(client.trustedOriginApi.deleteTrustedOrigin({ trustedOriginId: created.id! })).resolves.toBeUndefined();
    const error = await captureError(client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! }));
    expect(error.status).toBe(404);
    expect(error.errorCode).toBe('E0000007');
    expect(error.errorSummary).toContain(created.id!);
  });
});

describe('@okta/okta-sdk-nodejs 8 against the CLI server: collections', () => {
  it('walks 45+ origins at limit 20 with for-await, following Link rel=next, seeing each exactly once', async () => {
    const created: string[] = [];
    for (let i = 0; i < 47; i++) created.push((await createOrigin(`Paged`)).id!);

    const pageRequestsBefore = requested.filter((u) => u.includes('/api/v1/trustedOrigins?')).length;
    const seen: string[] = [];
    for await (const o of await client.trustedOriginApi.listTrustedOrigins({ limit: 20 })) seen.push(o!.id!);
    const pageRequests = requested.filter((u) => u.includes('/api/v1/trustedOrigins?')).slice(pageRequestsBefore);

    expect(new Set(seen).size).toBe(seen.length);
    for (const id of created) expect(seen.filter((s) => s === id)).toHaveLength(1);
    expect(seen.slice(0, 3)).toEqual(SEEDED_IDS);
    // 50+ items at 20 a page: at least three page requests, all on the bound URL, later ones with a cursor.
    expect(pageRequests.length).toBeGreaterThanOrEqual(Math.ceil(seen.length / 20));
    expect(pageRequests[0]).toContain('limit=20');
    for (const url of pageRequests.slice(1)) {
      expect(url.startsWith(`${cli.url}/api/v1/trustedOrigins?`)).toBe(true);
      expect(url).toMatch(/[?&]after=tos[0-9A-Za-z]{17}/);
      expect(url).toContain('limit=20');
    }
  });

  it('filters by scope type: type eq "REDIRECT" returns exactly the origins with a REDIRECT scope', async () => {
    const redirect = await createOrigin('Filter redirect', [{ type: 'REDIRECT' }]);
    const both = await createOrigin('Filter both', [{ type: 'CORS' }, { type: 'REDIRECT' }]);
    const corsOnly = await createOrigin('Filter cors', [{ type: 'CORS' }]);

    const all: TrustedOrigin[] = [];
    for await (const o of await client.trustedOriginApi.listTrustedOrigins({ limit: 200 })) all.push(o!);
    const expected = all.filter((o) => o.scopes?.some((s) => s.type === 'REDIRECT')).map((o) => o.id);

    const filtered: TrustedOrigin[] = [];
    for await (const o of await client.trustedOriginApi.listTrustedOrigins({ filter: 'type eq "REDIRECT"', limit: 2 })) {
      filtered.push(o!);
    }
    const ids = filtered.map((o) => o.id);
    expect(ids).toEqual(expected);
    expect(ids).toEqual(expect.arrayContaining([redirect.id, both.id, 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4']));
    expect(ids).not.toContain(corsOnly.id);
    expect(ids).not.toContain('tosue7JvguwJ7U6kz0g3');
  });

  it('filters by name prefix: name sw "..." returns only the matching origins, oldest first', async () => {
    const a = await client.trustedOriginApi.createTrustedOrigin({
      trustedOrigin: { name: 'Prefixed-sw alpha', origin: 'https://sw-alpha.example.com', scopes: [{ type: 'CORS' }] },
    });
    const b = await client.trustedOriginApi.createTrustedOrigin({
      trustedOrigin: { name: 'Prefixed-sw beta', origin: 'https://sw-beta.example.com', scopes: [{ type: 'CORS' }] },
    });
    await createOrigin('Not Prefixed-sw');
    const names: string[] = [];
    for await (const o of await client.trustedOriginApi.listTrustedOrigins({ filter: 'name sw "Prefixed-sw"' })) {
      names.push(o!.name!);
    }
    expect(names).toEqual([a.name, b.name]);
  });
});

describe('@okta/okta-sdk-nodejs 8 against the CLI server: errors', () => {
  it('rejects an unknown id with OktaApiError status 404, errorCode E0000007', async () => {
    const error = await captureError(client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: 'tosDoesNotExist00001' }));
    expect(error.status).toBe(404);
    expect(error.errorCode).toBe('E0000007');
    expect(error.errorSummary).toBe('Not found: Resource not found: tosDoesNotExist00001 (TrustedOrigin)');
    expect(error.errorLink).toBe('E0000007');
    expect(error.errorId).toMatch(/^oae[A-Za-z0-9_-]{22}$/);
    expect(error.errorCauses).toEqual([]);
    expect(error.message).toBe('Okta HTTP 404 E0000007 Not found: Resource not found: tosDoesNotExist00001 (TrustedOrigin). ');
  });

  it('rejects lifecycle and delete calls on an unknown id with 404 E0000007', async () => {
    for (const call of [
      () => client.trustedOriginApi.activateTrustedOrigin({ trustedOriginId: 'tosDoesNotExist00002' }),
      () => client.trustedOriginApi.deactivateTrustedOrigin({ trustedOriginId: 'tosDoesNotExist00002' }),
      () => client.trustedOriginApi.deleteTrustedOrigin({ trustedOriginId: 'tosDoesNotExist00002' }),
    ]) {
      const error = await captureError(call());
      expect(error.status).toBe(404);
      expect(error.errorCode).toBe('E0000007');
    }
  });

  it('rejects an invalid origin with OktaApiError status 400, errorCode E0000001 and an origin cause', async () => {
    const error = await captureError(
      client.trustedOriginApi.createTrustedOrigin({
        trustedOrigin: { name: 'Invalid origin', origin: 'example.com', scopes: [{ type: 'CORS' }] },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('E0000001');
    expect(error.errorSummary).toBe('Api validation failed: origin');
    expect(error.errorCauses).toEqual([{ errorSummary: 'origin: Origin value is not valid' }]);
    expect(error.message).toContain('origin: Origin value is not valid');
  });

  it('rejects a replace with an invalid origin with 400 E0000001 and leaves the origin unchanged', async () => {
    const created = await createOrigin('Bad replace');
    const error = await captureError(
      client.trustedOriginApi.replaceTrustedOrigin({
        trustedOriginId: created.id!,
        trustedOrigin: { ...created, origin: 'not a url' } as TrustedOrigin,
      }),
    );
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('E0000001');
    expect((await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! })).origin).toBe(created.origin);
  });

  it('rejects a wrong token with 401 E0000011', async () => {
    const stranger = new Client({ orgUrl: cli.url, token: 'wrong-token', cacheMiddleware: null });
    const error = await captureError(stranger.trustedOriginApi.getTrustedOrigin({ trustedOriginId: SEEDED_IDS[0]! }));
    expect(error.status).toBe(401);
    expect(error.errorCode).toBe('E0000011');
  });
});

describe('@okta/okta-sdk-nodejs 8 with a trailing-slash orgUrl', () => {
  it('works although the SDK then requests //api/v1/...', async () => {
    const slashed = newClient(`${cli.url}/`, { cacheMiddleware: null });
    const before = requested.length;
    const created = await slashed.trustedOriginApi.createTrustedOrigin({ trustedOrigin: { ...unique('Slashed'), scopes: [{ type: 'CORS' }] } });
    expect(created.status).toBe('ACTIVE');
    expect(created._links?.self?.href).toBe(`${cli.url}/api/v1/trustedOrigins/${created.id}`);
    const fetched = await slashed.trustedOriginApi.getTrustedOrigin({ trustedOriginId: created.id! });
    expect(fetched.name).toBe(created.name);
    const ids: string[] = [];
    for await (const o of await slashed.trustedOriginApi.listTrustedOrigins({ limit: 200 })) ids.push(o!.id!);
    expect(ids).toContain(created.id);
    await expect(slashed.trustedOriginApi.deleteTrustedOrigin({ trustedOriginId: created.id! })).resolves.toBeUndefined();
    expect(requested.slice(before).some((u) => u.startsWith(`${cli.url}//api/v1/trustedOrigins`))).toBe(true);
  });
});
