/**
 * Property tests over app.fetch: whatever the method, path, query, headers
 * or body, the emulator answers with one of the statuses Okta documents for
 * these operations (never 5xx), every error has exactly Okta's error body,
 * and a rejected request leaves the org's trusted origins untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOKEN } from '../support/org.js';
import { checkInvariants, JSON_AUTH, junkString, SEED, type Attempt } from '../support/property-invariants.js';

const NUM_RUNS = 300;

const SEEDED_IDS = ['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4'];
const SEEDED_NAMES = ['Example Trusted Origin', 'Another Trusted Origin', 'Yet Another Trusted Origin'];
const SEEDED_ORIGINS = ['http://example.com', 'https://rf.example.com', 'http://yato.example.com'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];





/**
 * Runs `property` and then asserts that the generated requests reached each
 * of `expected` at least once, so the property cannot pass by never getting
 * past the first check.
 */
async function assertCovering<Ts extends [unknown, ...unknown[]]>(
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  toAttempt: (...args: Ts) => Attempt,
  expected: number[],
): Promise<void> {
  const seen = new Set<number>();
  await fc.assert(
    fc.asyncProperty(...arbitraries, async (...args: Ts) => {
      seen.add(await checkInvariants(toAttempt(...args)));
    }),
    { numRuns: NUM_RUNS, seed: SEED },
  );
  expect([...seen].sort()).toEqual(expect.arrayContaining(expected));
}

// ---- arbitraries -------------------------------------------------------------

/** Text that is safe as an HTTP header value (no CR, LF or NUL). */
const headerText = fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZabcxyz[\\]^_`{|}~é'.split('')) });


const tosId = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFabcdefXYZxyz'.split('')), minLength: 17, maxLength: 17 }).map((t) => `tos${t}`);

/** A path segment for `{trustedOriginId}`: seeded, well-formed, or junk (raw or percent-encoded). */
const idSegment = fc.oneof(
  fc.constantFrom(...SEEDED_IDS),
  tosId,
  junkString.map(encodeURIComponent),
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%2F', '%2e%2e', 'a%20b', '..', '.', ';', 'tosue7JvguwJ7U6kz0g3%00', '~', '!$&\'()*+,;=:@'),
);

/** The seven operations' paths, plus near-misses around them. */
const pathFor = fc.oneof(
  fc.constant('/api/v1/trustedOrigins'),
  idSegment.map((id) => `/api/v1/trustedOrigins/${id}`),
  fc.tuple(idSegment, fc.constantFrom('activate', 'deactivate')).map(([id, op]) => `/api/v1/trustedOrigins/${id}/lifecycle/${op}`),
  fc.tuple(idSegment, junkString.map(encodeURIComponent)).map(([id, tail]) => `/api/v1/trustedOrigins/${id}/${tail}`),
  fc.constantFrom('/unknown', '/api/v1', '/api/v1/trustedOrigins/', '/api/v1/trustedorigins', '/API/v1/trustedOrigins', '/api/v1/trustedOrigins/x/lifecycle'),
);
const path = fc.tuple(pathFor, fc.constantFrom('', '/', '//')).map(([p, prefix]) => (prefix === '/' ? p : prefix === '//' ? `/${p}` : p));

const filterExpression = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    tie('compare'),
    fc.tuple(tie('expr'), fc.constantFrom('and', 'or', 'AND', 'xor', ''), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expr').map((e) => `(${e})`),
    tie('expr').map((e) => `(${e}`),
  ),
  compare: fc
    .tuple(
      fc.constantFrom('id', 'name', 'origin', 'status', 'type', 'Name', 'created', 'lastUpdated', ''),
      fc.constantFrom('eq', 'sw', 'EQ', 'co', 'ne', 'gt', 'pr', ''),
      fc.oneof(fc.constantFrom(...SEEDED_IDS, ...SEEDED_NAMES, 'ACTIVE', 'CORS').map((v) => `"${v}"`), junkString.map((v) => `"${v}"`), junkString),
    )
    .map(([a, op, v]) => `${a} ${op} ${v}`),
}));

const queryValue = fc.oneof(
  junkString.map(encodeURIComponent),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '+', '%2B', ''),
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc.constantFrom('1e3', '0x10', '20.0', ' 5', '007', '9999999999999999999999'),
  fc.constantFrom(...SEEDED_IDS),
  (filterExpression.expr as fc.Arbitrary<string>).map((e) => encodeURIComponent(e)),
);
const query = fc
  .array(fc.tuple(fc.constantFrom('limit', 'after', 'filter', 'q', 'search', 'expand', 'limit', 'after'), queryValue), { maxLength: 4 })
  .chain((pairs) => fc.constantFrom('?', '?&', '').map((lead) => (pairs.length === 0 ? lead : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`)));

const authorization = fc.oneof(
  fc.constant<string | undefined>(`SSWS ${TOKEN}`),
  fc.constant<string | undefined>(`SSWS ${TOKEN}`),
  fc.constant<string | undefined>(undefined),
  fc.constantFrom(`ssws ${TOKEN}`, `SSWS  ${TOKEN}  `, `Bearer ${TOKEN}`, 'SSWS', 'SSWS ', 'Basic YTpi', TOKEN, `SSWS ${TOKEN} extra`),
  headerText.map((t) => `SSWS ${t}`),
  headerText,
);
const contentType = fc.oneof(
  fc.constant<string | undefined>('application/json'),
  fc.constant<string | undefined>(undefined),
  fc.constantFrom('application/json; charset=UTF-8', 'APPLICATION/JSON', 'application/jsonx', 'text/plain', 'application/xml', 'multipart/form-data', '*/*', ''),
  headerText,
);
const headers = fc
  .record({ authorization, contentType, accept: fc.option(fc.constantFrom('application/json', 'text/html', '*/*'), { nil: undefined }) })
  .map(({ authorization: a, contentType: c, accept }) => {
    const h: Record<string, string> = {};
    if (a !== undefined) h.Authorization = a;
    if (c !== undefined) h['Content-Type'] = c;
    if (accept !== undefined) h.Accept = accept;
    return h;
  });

const validScopes = fc.subarray(['CORS', 'REDIRECT', 'IFRAME_EMBED'], { minLength: 1 }).map((types) => types.map((type) => ({ type })));
const validBody = fc.record({
  name: fc.string({ minLength: 1, maxLength: 40 }).filter((n) => n.trim() !== ''),
  origin: fc.domain().map((d) => `https://${d}`),
  scopes: validScopes,
});

/** Replacement values for one field of an otherwise valid body. */
const scope = fc.oneof(
  fc.record({ type: fc.constantFrom('CORS', 'REDIRECT', 'IFRAME_EMBED') }),
  fc.record(
    {
      type: fc.constantFrom<unknown>('CORS', 'REDIRECT', 'IFRAME_EMBED', 'Redirect', 'FOO', '', null, 5, ['CORS']),
      allowedOktaApps: fc.constantFrom<unknown>([], ['OKTA_ENDUSER'], ['OKTA_ADMIN'], 'OKTA_ENDUSER', null, [null]),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom<unknown>(null, 'CORS', 5, [], {}),
);
const mutation = fc.oneof(
  fc.record({
    field: fc.constant('name'),
    value: fc.constantFrom<unknown>(...SEEDED_NAMES, '', '  ', 'x'.repeat(255), 'x'.repeat(256), null, 5, true, ['a'], {}),
  }),
  fc.record({
    field: fc.constant('origin'),
    value: fc.oneof(
      fc.webUrl({ withFragments: false, withQueryParameters: false }),
      fc.constantFrom<unknown>(...SEEDED_ORIGINS, 'example.com', 'https://*.example.com', 'ftp://files.example.com', 'capacitor://localhost', 'http://localhost:8080/', 'https://x.example.com:0', 'https://x.example.com:65536', `https://${'a'.repeat(250)}.com`, '', null, 7),
    ),
  }),
  fc.record({ field: fc.constant('scopes'), value: fc.oneof(fc.array(scope, { maxLength: 5 }), fc.constantFrom<unknown>(null, 'CORS', {}, 3)) }),
  fc.record({ field: fc.constantFrom('name', 'origin', 'scopes'), value: fc.constant(undefined) }),
  // Read-only and unknown fields, which Okta ignores.
  fc.record({ field: fc.constant('status'), value: fc.constantFrom<unknown>('ACTIVE', 'INACTIVE', 'DELETED', 5) }),
  fc.record({ field: fc.constant('id'), value: fc.oneof(tosId, fc.constantFrom(...SEEDED_IDS)) }),
  fc.record({ field: fc.constantFrom('created', 'lastUpdated'), value: fc.constantFrom('2025-03-13T23:43:59Z', 'not a date') }),
  fc.record({ field: fc.constant('_links'), value: fc.constantFrom<unknown>({}, { self: { href: 'https://elsewhere.example.com' } }, null) }),
  fc.record({ field: fc.constant('extra'), value: fc.jsonValue() }),
);
/** A valid trusted-origin body with zero to three fields mutated. */
const nearValidBody = fc.tuple(validBody, fc.array(mutation, { maxLength: 3 })).map(([base, mutations]) => {
  const out: Record<string, unknown> = { ...base };
  for (const { field, value } of mutations) {
    if (value === undefined) delete out[field];
    else out[field] = value;
  }
  return out;
});
const body = fc.oneof(
  nearValidBody.map((b) => JSON.stringify(b)),
  nearValidBody.map((b) => JSON.stringify(b)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.object().map((v) => JSON.stringify(v)),
  junkString,
  fc.constant<string | undefined>(undefined),
);

const OPERATIONS = fc.oneof(
  fc.constant({ method: 'GET', path: '/api/v1/trustedOrigins' }),
  fc.constant({ method: 'POST', path: '/api/v1/trustedOrigins' }),
  fc.constantFrom(...SEEDED_IDS).map((id) => ({ method: 'GET', path: `/api/v1/trustedOrigins/${id}` })),
  fc.constantFrom(...SEEDED_IDS).map((id) => ({ method: 'PUT', path: `/api/v1/trustedOrigins/${id}` })),
  fc.constantFrom(...SEEDED_IDS).map((id) => ({ method: 'DELETE', path: `/api/v1/trustedOrigins/${id}` })),
  fc.constantFrom(...SEEDED_IDS).map((id) => ({ method: 'POST', path: `/api/v1/trustedOrigins/${id}/lifecycle/activate` })),
  fc.constantFrom(...SEEDED_IDS).map((id) => ({ method: 'POST', path: `/api/v1/trustedOrigins/${id}/lifecycle/deactivate` })),
);


// ---- properties -------------------------------------------------------------

describe('properties over app.fetch', () => {
  const COLLECTION = '/api/v1/trustedOrigins';

  it('answers random bodies on POST and PUT with a documented status, Okta error bodies, and no change when rejected', async () => {
    await assertCovering(
      [fc.constantFrom(COLLECTION, ...SEEDED_IDS.map((id) => `${COLLECTION}/${id}`), `${COLLECTION}/tos00000000000000000`), body],
      (p, b) => ({ method: p === COLLECTION ? 'POST' : 'PUT', path: p, headers: JSON_AUTH, body: b }),
      [200, 400, 404],
    );
  });

  it('answers random list query strings (limit, after, filter, q, junk, bad percent-encoding) with a documented status and Okta error bodies', async () => {
    await assertCovering(
      [query],
      (q) => ({ method: 'GET', path: `${COLLECTION}${q}`, headers: JSON_AUTH, body: undefined }),
      [200, 400],
    );
  });

  it('answers random ids, paths and methods with a documented status, Okta error bodies, and no change when rejected', async () => {
    await assertCovering(
      [fc.constantFrom(...METHODS), path, body],
      (method, p, b) => ({ method, path: p, headers: JSON_AUTH, body: b }),
      [200, 404, 405],
    );
  });

  it('answers random Authorization and Content-Type headers on all seven operations with a documented status and no change when rejected', async () => {
    await assertCovering(
      [OPERATIONS, headers, nearValidBody],
      (op, h, b) => ({ ...op, headers: h, body: JSON.stringify(b) }),
      [200, 204, 400, 401, 403],
    );
  });

  it('answers fully random requests (method, path, query, headers, body) with a documented status, Okta error bodies, and no change when rejected', async () => {
    await assertCovering(
      [fc.constantFrom(...METHODS), path, query, headers, body],
      (method, p, q, h, b) => ({ method, path: p + q, headers: h, body: b }),
      [200, 401, 403, 404, 405],
    );
  });
});
