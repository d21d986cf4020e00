/** GET /.well-known/okta-organization: public org metadata, CORS-enabled. */
import { describe, expect, it } from 'vitest';
import { createTestOrg, ORG_URL } from '../support/org.js';
import { expectOktaError } from '../support/okta-assertions.js';

const PATH = '/.well-known/okta-organization';

describe('GET /.well-known/okta-organization', () => {
  it('answers the org id, pipeline, settings and the organization link without a token or session', async () => {
    const org = await createTestOrg();
    const res = await org.request(PATH, { auth: false });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('X-Okta-Request-Id')).toMatch(/^[0-9a-f]{32}$/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      id: expect.stringMatching(/^00o[0-9A-Za-z]{17}$/),
      pipeline: 'v1',
      settings: { analyticsCollectionEnabled: false, bugReportingEnabled: true, omEnabled: false },
      _links: { organization: { href: ORG_URL } },
    });
    expect(Object.keys(JSON.parse(text))).toEqual(['id', 'pipeline', 'settings', '_links']);
  });

  it('gives a trusted CORS origin the allow headers and an untrusted one none, on the very next request', async () => {
    const org = await createTestOrg();
    const origin = 'https://spa.example.com';
    expect((await org.request(PATH, { auth: false, headers: { Origin: origin } })).headers.get('Access-Control-Allow-Origin')).toBeNull();
    const made = await org.request('/api/v1/trustedOrigins', { method: 'POST', json: { name: 'spa', origin, scopes: [{ type: 'CORS' }] } });
    expect(made.status).toBe(200);
    const res = await org.request(PATH, { auth: false, headers: { Origin: origin } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true');
  });

  it('answers a preflight from a trusted origin with GET, OPTIONS', async () => {
    const org = await createTestOrg();
    const origin = 'https://spa.example.com';
    await org.request('/api/v1/trustedOrigins', { method: 'POST', json: { name: 'spa', origin, scopes: [{ type: 'CORS' }] } });
    const res = await org.request(PATH, { method: 'OPTIONS', auth: false, headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, OPTIONS');
  });

  it('answers POST with 405 E0000022', async () => {
    const org = await createTestOrg();
    await expectOktaError(await org.request(PATH, { method: 'POST', auth: false }), 405, 'E0000022');
  });
});
