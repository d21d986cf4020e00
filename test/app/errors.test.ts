/** Okta's error answers through app.fetch: validation, binding, not found, method, media type, auth. */
import { describe, expect, it } from 'vitest';
import { expectOktaError, snapshotTrustedOrigins } from '../support/okta-assertions.js';
import { createTestOrg, ORG_URL, TOKEN, type TestOrg } from '../support/org.js';

const COLLECTION = '/api/v1/trustedOrigins';
const ID = 'tosue7JvguwJ7U6kz0g3';
const VALID = { name: 'New One', origin: 'https://new.example.com', scopes: [{ type: 'CORS' }] };

const BLANK = 'The field cannot be left blank';
const TOO_LONG = 'The field cannot be longer than 255 characters';
const BAD_ORIGIN = 'Origin value is not valid';
const DUPLICATE = 'An object with this field already exists in the current organization';

/** Sends a raw body with an explicit Content-Type (or none). */
function raw(org: TestOrg, method: string, path: string, body: string | undefined, contentType?: string) {
  const headers: Record<string, string> = { Authorization: `SSWS ${TOKEN}` };
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  return Promise.resolve(org.app.fetch(new Request(ORG_URL + path, { method, headers, body })));
}

/** Runs `send` and asserts that the org's trusted origins are exactly as they were. */
async function unchanged(org: TestOrg, send: () => Promise<Response>): Promise<Response> {
  const before = snapshotTrustedOrigins(org);
  const res = await send();
  expect(snapshotTrustedOrigins(org)).toEqual(before);
  return res;
}

const VALIDATION_CASES: Array<[string, Record<string, unknown>, string, string[]]> = [
  ['a missing name', { origin: VALID.origin, scopes: VALID.scopes }, 'name', [`name: ${BLANK}`]],
  ['a null name', { ...VALID, name: null }, 'name', [`name: ${BLANK}`]],
  ['a whitespace-only name', { ...VALID, name: '   ' }, 'name', [`name: ${BLANK}`]],
  ['a 256-character name', { ...VALID, name: 'n'.repeat(256) }, 'name', [`name: ${TOO_LONG}`]],
  ['a missing origin', { name: VALID.name, scopes: VALID.scopes }, 'origin', [`origin: ${BLANK}`]],
  ['an empty origin', { ...VALID, origin: '' }, 'origin', [`origin: ${BLANK}`]],
  ['a 256-character origin', { ...VALID, origin: `https://${'a'.repeat(240)}.example.com` }, 'origin', [`origin: ${TOO_LONG}`]],
  ['an origin without a scheme', { ...VALID, origin: 'example.com' }, 'origin', [`origin: ${BAD_ORIGIN}`]],
  ['an origin with a path', { ...VALID, origin: 'https://example.com/app' }, 'origin', [`origin: ${BAD_ORIGIN}`]],
  ['an origin with an unsupported scheme', { ...VALID, origin: 'javascript://example.com' }, 'origin', [`origin: ${BAD_ORIGIN}`]],
  ['a port out of range', { ...VALID, origin: 'https://example.com:70000' }, 'origin', [`origin: ${BAD_ORIGIN}`]],
  ['a wildcard origin with a CORS scope', { ...VALID, origin: 'https://*.example.com' }, 'origin', [`origin: ${BAD_ORIGIN}`]],
  ['missing scopes', { name: VALID.name, origin: VALID.origin }, 'scopes', [`scopes: ${BLANK}`]],
  ['an empty scopes list', { ...VALID, scopes: [] }, 'scopes', [`scopes: ${BLANK}`]],
  ['a scope without a type', { ...VALID, scopes: [{}] }, 'scopes', [`scopes: ${BLANK}`]],
  ['a null scope', { ...VALID, scopes: [null] }, 'scopes', [`scopes: ${BLANK}`]],
  ['a repeated scope type', { ...VALID, scopes: [{ type: 'CORS' }, { type: 'CORS' }] }, 'scopes', ['scopes: Each scope type can be used only once']],
  [
    'four scopes',
    { ...VALID, scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }, { type: 'IFRAME_EMBED' }, { type: 'CORS' }] },
    'scopes',
    ['scopes: A trusted origin cannot have more than 3 scopes', 'scopes: Each scope type can be used only once'],
  ],
  [
    'an unknown allowedOktaApps value on a CORS scope',
    { ...VALID, scopes: [{ type: 'CORS', allowedOktaApps: ['OKTA_ADMIN'] }] },
    'scopes',
    ['scopes: allowedOktaApps must be a list of: OKTA_ENDUSER'],
  ],
  [
    'an unknown allowedOktaApps value',
    { ...VALID, scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ADMIN'] }] },
    'scopes',
    ['scopes: allowedOktaApps must be a list of: OKTA_ENDUSER'],
  ],
  ['a name another origin has', { ...VALID, name: 'Another Trusted Origin' }, 'name', [`name: ${DUPLICATE}`]],
  ['an origin another origin has', { ...VALID, origin: 'https://rf.example.com' }, 'origin', [`origin: ${DUPLICATE}`]],
  [
    'a name and an origin others have',
    { ...VALID, name: 'Another Trusted Origin', origin: 'http://yato.example.com' },
    'name',
    [`name: ${DUPLICATE}`, `origin: ${DUPLICATE}`],
  ],
  ['an empty object', {}, 'name', [`name: ${BLANK}`, `origin: ${BLANK}`, `scopes: ${BLANK}`]],
];

describe('E0000001 validation', () => {
  it.each(VALIDATION_CASES)('returns 400 E0000001 on POST for %s', async (_label, json, field, causes) => {
    const org = await createTestOrg();
    const res = await unchanged(org, () => org.request(COLLECTION, { method: 'POST', json }));
    await expectOktaError(res, 400, 'E0000001', { summary: `Api validation failed: ${field}`, causes });
  });

  it.each(VALIDATION_CASES)('returns 400 E0000001 on PUT for %s', async (_label, json, field, causes) => {
    const org = await createTestOrg();
    // PUT on tosue7JvguwJ7U6kz0g3 itself: its own name/origin are not duplicates, the others' are.
    const res = await unchanged(org, () => org.request(`${COLLECTION}/${ID}`, { method: 'PUT', json }));
    await expectOktaError(res, 400, 'E0000001', { summary: `Api validation failed: ${field}`, causes });
  });

  it('accepts the limits: a 255-character name, an IFRAME_EMBED wildcard origin, three scope types', async () => {
    const org = await createTestOrg();
    const res = await org.request(COLLECTION, {
      method: 'POST',
      json: { name: 'n'.repeat(255), origin: 'https://*.example.com', scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: [] }] },
    });
    expect(res.status).toBe(200);
    const three = await org.request(COLLECTION, {
      method: 'POST',
      json: { ...VALID, scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }, { type: 'IFRAME_EMBED' }] },
    });
    expect(three.status).toBe(200);
  });
});

describe('E0000003 body not well-formed', () => {
  it.each([
    ['malformed JSON', '{"name": '],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"x"'],
    ['a number for name', JSON.stringify({ ...VALID, name: 5 })],
    ['an object for origin', JSON.stringify({ ...VALID, origin: { href: 'https://x.example.com' } })],
    ['a string for scopes', JSON.stringify({ ...VALID, scopes: 'CORS' })],
    ['a number in scopes', JSON.stringify({ ...VALID, scopes: [5] })],
    ['the unknown scope type "Redirect"', JSON.stringify({ ...VALID, scopes: [{ type: 'Redirect' }] })],
    ['the unknown scope type "FOO"', JSON.stringify({ ...VALID, scopes: [{ type: 'FOO' }] })],
  ])('returns 400 E0000003 on POST and PUT for %s', async (_label, text) => {
    const org = await createTestOrg();
    for (const [method, path] of [['POST', COLLECTION], ['PUT', `${COLLECTION}/${ID}`]] as const) {
      const res = await unchanged(org, () => raw(org, method, path, text, 'application/json'));
      await expectOktaError(res, 400, 'E0000003', { summary: 'The request body was not well-formed.', causes: [] });
    }
  });
});

describe('E0000021 media type', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['application/xml', 'application/xml'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['no Content-Type', undefined],
  ])('returns 400 E0000021 on POST and PUT for %s', async (_label, contentType) => {
    const org = await createTestOrg();
    for (const [method, path] of [['POST', COLLECTION], ['PUT', `${COLLECTION}/${ID}`]] as const) {
      const res = await unchanged(org, () => raw(org, method, path, JSON.stringify(VALID), contentType));
      await expectOktaError(res, 400, 'E0000021', {
        summary: 'Bad request.  Accept and/or Content-Type headers likely do not match supported values.',
        causes: [],
      });
    }
  });

  it('accepts application/json with a charset parameter', async () => {
    const org = await createTestOrg();
    expect((await raw(org, 'POST', COLLECTION, JSON.stringify(VALID), 'application/json; charset=UTF-8')).status).toBe(200);
  });
});

describe('E0000007 not found', () => {
  it.each([
    ['GET', ''],
    ['PUT', ''],
    ['DELETE', ''],
    ['POST', '/lifecycle/activate'],
    ['POST', '/lifecycle/deactivate'],
  ])('returns 404 E0000007 for %s on an unknown trusted origin id%s', async (method, suffix) => {
    const org = await createTestOrg();
    const res = await unchanged(org, () =>
      org.request(`${COLLECTION}/tosUnknown0000000000${suffix}`, { method, json: method === 'PUT' ? VALID : undefined }),
    );
    await expectOktaError(res, 404, 'E0000007', {
      summary: 'Not found: Resource not found: tosUnknown0000000000 (TrustedOrigin)',
      causes: [],
    });
  });

  it.each([
    '/api/v1/nope',
    '/api/v2/trustedOrigins',
    '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/extra',
    '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle',
    '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/suspend',
    '/unknown',
  ])('returns 404 E0000007 for the unknown path %s', async (path) => {
    const org = await createTestOrg();
    await expectOktaError(await unchanged(org, () => org.request(path)), 404, 'E0000007');
  });
});

describe('E0000022 method not allowed', () => {
  it.each([
    ['PATCH', `${COLLECTION}/${ID}`],
    ['POST', `${COLLECTION}/${ID}`],
    ['DELETE', COLLECTION],
    ['PUT', COLLECTION],
    ['PATCH', COLLECTION],
    ['GET', `${COLLECTION}/${ID}/lifecycle/activate`],
    ['GET', `${COLLECTION}/${ID}/lifecycle/deactivate`],
    ['PUT', `${COLLECTION}/${ID}/lifecycle/activate`],
    ['DELETE', `${COLLECTION}/${ID}/lifecycle/deactivate`],
  ])('returns 405 E0000022 for %s %s', async (method, path) => {
    const org = await createTestOrg();
    const res = await unchanged(org, () => org.request(path, { method, json: method === 'GET' || method === 'DELETE' ? undefined : VALID }));
    await expectOktaError(res, 405, 'E0000022', {
      summary: 'The endpoint does not support the provided HTTP method',
      causes: [],
    });
  });
});

describe('authentication', () => {
  const OPERATIONS: Array<[string, string]> = [
    ['GET', COLLECTION],
    ['POST', COLLECTION],
    ['GET', `${COLLECTION}/${ID}`],
    ['PUT', `${COLLECTION}/${ID}`],
    ['DELETE', `${COLLECTION}/${ID}`],
    ['POST', `${COLLECTION}/${ID}/lifecycle/activate`],
    ['POST', `${COLLECTION}/${ID}/lifecycle/deactivate`],
  ];
  const withBody = (method: string) => (method === 'POST' || method === 'PUT' ? VALID : undefined);

  it.each(OPERATIONS)('returns 403 E0000005 "Invalid session" for %s %s without Authorization', async (method, path) => {
    const org = await createTestOrg();
    const res = await unchanged(org, () => org.request(path, { method, auth: false, json: withBody(method) }));
    await expectOktaError(res, 403, 'E0000005', { summary: 'Invalid session', causes: [] });
  });

  it.each(OPERATIONS)('returns 401 E0000011 "Invalid token provided" for %s %s with an unknown SSWS token', async (method, path) => {
    const org = await createTestOrg();
    const res = await unchanged(org, () =>
      org.request(path, { method, headers: { Authorization: 'SSWS not-a-token' }, json: withBody(method) }),
    );
    await expectOktaError(res, 401, 'E0000011', { summary: 'Invalid token provided', causes: [] });
  });

  it.each([
    ['Basic YWRtaW46b2t0YQ==', 403, 'E0000005'],
    ['SSWS', 403, 'E0000005'],
    ['', 403, 'E0000005'],
    [TOKEN, 403, 'E0000005'],
    ['Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig', 401, 'E0000011'],
    [`SSWS ${TOKEN}x`, 401, 'E0000011'],
  ] as const)('answers Authorization %j with %i %s', async (authorization, status, code) => {
    const org = await createTestOrg();
    await expectOktaError(await org.request(COLLECTION, { headers: { Authorization: authorization } }), status, code);
  });

  it('accepts the SSWS scheme in any letter case', async () => {
    const org = await createTestOrg();
    expect((await org.request(COLLECTION, { headers: { Authorization: `ssws ${TOKEN}` } })).status).toBe(200);
  });

  it('checks authentication before the body and the id: 403 E0000005 wins over 400 and 404', async () => {
    const org = await createTestOrg();
    await expectOktaError(await org.request(COLLECTION, { method: 'POST', auth: false, json: {} }), 403, 'E0000005');
    await expectOktaError(await org.request(`${COLLECTION}/tosUnknown0000000000`, { auth: false }), 403, 'E0000005');
  });
});

describe('rejected requests', () => {
  it('leave the trusted origins exactly as they were, whatever the error', async () => {
    const org = await createTestOrg();
    const before = snapshotTrustedOrigins(org);
    const statuses: number[] = [];
    const attempts: Array<() => Promise<Response>> = [
      () => org.request(COLLECTION, { method: 'POST', json: { ...VALID, origin: 'http://example.com' } }),
      () => org.request(`${COLLECTION}/${ID}`, { method: 'PUT', json: { ...VALID, scopes: [{ type: 'BAD' }] } }),
      () => org.request(`${COLLECTION}/${ID}`, { method: 'PUT', json: { ...VALID, name: 'Another Trusted Origin' } }),
      () => org.request(`${COLLECTION}/${ID}`, { method: 'PATCH', json: VALID }),
      () => org.request(`${COLLECTION}/${ID}`, { method: 'DELETE', auth: false }),
      () => org.request(`${COLLECTION}/${ID}/lifecycle/deactivate`, { method: 'POST', headers: { Authorization: 'SSWS x' } }),
      () => org.request(COLLECTION, { method: 'DELETE' }),
      () => raw(org, 'PUT', `${COLLECTION}/${ID}`, JSON.stringify(VALID), 'text/plain'),
      () => org.request(`${COLLECTION}?after=bogus`),
    ];
    for (const attempt of attempts) statuses.push((await attempt()).status);
    expect(statuses).toEqual([400, 400, 400, 405, 403, 401, 405, 400, 400]);
    expect(snapshotTrustedOrigins(org)).toEqual(before);
  });
});
