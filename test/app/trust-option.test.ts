/** `trust` (the CLI's --trust) through createOrg and app.fetch: CORS and redirects allowed from the start, kept by reset. */
import { describe, expect, it } from 'vitest';
import { TrustOptionError } from '../../src/domain/trust-at-start.js';
import { createOrg, type Org } from '../../src/org.js';
import { FIXED_NOW, ORG_URL, TOKEN } from '../support/org.js';

const APP = 'http://localhost:3000';

function newOrg(trust: string[]): Org {
  return createOrg({ trust, now: () => FIXED_NOW, randomSeed: 3 });
}

async function call(org: Org, path: string, init: RequestInit = {}): Promise<Response> {
  await org.ready;
  return org.app.fetch(new Request(ORG_URL + path, init));
}

const preflightAcao = async (org: Org, origin: string) =>
  (
    await call(org, '/api/v1/authn', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
  ).headers.get('Access-Control-Allow-Origin');

const signoutLocation = async (org: Org, target: string) =>
  (await call(org, `/login/signout?fromURI=${encodeURIComponent(target)}`)).headers.get('Location');

const recordsFor = async (org: Org, origin: string) => (await org.exportState()).trustedOrigins.filter((o) => o.origin === origin);

describe('trust: origins trusted from the start', () => {
  it('lets a page on the trusted origin pass the CORS preflight with no API call first', async () => {
    const org = newOrg([APP]);
    expect(await preflightAcao(org, APP)).toBe(APP);
    expect(await preflightAcao(org, 'http://localhost:3001')).toBeNull();
  });

  it('lets sign-out redirect to the trusted origin (REDIRECT scope)', async () => {
    const org = newOrg([APP]);
    expect(await signoutLocation(org, `${APP}/bye`)).toBe(`${APP}/bye`);
    expect(await signoutLocation(org, 'http://localhost:3001/bye')).not.toBe('http://localhost:3001/bye');
  });

  it('stores it as an ACTIVE trusted origin with CORS and REDIRECT, named after the origin, shown by the API', async () => {
    const org = newOrg([APP]);
    const [record] = await recordsFor(org, APP);
    expect(record).toMatchObject({ name: APP, origin: APP, status: 'ACTIVE', scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }] });
    const res = await call(org, `/api/v1/trustedOrigins/${record!.id}`, { headers: { Authorization: `SSWS ${TOKEN}` } });
    expect(res.status).toBe(200);
  });

  it('keeps it after reset, since it belongs to the seed', async () => {
    const org = newOrg([APP]);
    const before = await recordsFor(org, APP);
    const res = await call(org, `/api/v1/trustedOrigins/${before[0]!.id}`, { method: 'DELETE', headers: { Authorization: `SSWS ${TOKEN}` } });
    expect(res.status).toBe(204);
    expect(await recordsFor(org, APP)).toEqual([]);
    await org.reset();
    expect(await recordsFor(org, APP)).toEqual(before);
  });

  it('does not duplicate an origin the seed already has: it adds the missing REDIRECT scope instead', async () => {
    const org = newOrg(['http://example.com']); // the seed's CORS-only "Example Trusted Origin"
    const records = await recordsFor(org, 'http://example.com');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: 'tosue7JvguwJ7U6kz0g3', name: 'Example Trusted Origin', scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }] });
    expect((await org.exportState()).trustedOrigins).toHaveLength(3);
  });

  it('refuses an invalid origin with one clear message before the org exists', () => {
    expect(() => newOrg(['localhost:3000'])).toThrow(TrustOptionError);
    expect(() => newOrg(['localhost:3000'])).toThrow('--trust "localhost:3000" is not a valid origin (origin: Origin value is not valid); expected e.g. http://localhost:3000');
  });
});
