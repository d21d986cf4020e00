/**
 * Property tests with hostile sizes and shapes (filters, bodies, sign-in forms
 * far past any real request): the same invariants as property.test.ts, and
 * never a 500.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestOrg, ORG_URL } from '../support/org.js';
import { checkInvariants, JSON_AUTH, junkString, SEED, seedFixtures } from '../support/property-invariants.js';

const HOSTILE_RUNS = 60;

/** Filters far past any real one: deep or unbalanced nesting, long chains, huge values. */
const hostileFilter = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((n) => '('.repeat(n)),
  fc.integer({ min: 1, max: 5000 }).map((n) => `${'('.repeat(n)}name eq "x"${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 2000 }).map((n) => Array.from({ length: n }, () => 'id eq "x"').join(' or ')),
  fc.integer({ min: 1, max: 200_000 }).map((n) => `name eq "${'x'.repeat(n)}"`),
  fc.integer({ min: 1, max: 200_000 }).map((n) => `name sw "${'x'.repeat(n)}`),
);

/** Bodies around and past the size limit, and deeply nested JSON. */
const hostileBody = fc.oneof(
  fc.integer({ min: 1, max: 2_000_000 }).map((n) => JSON.stringify({ name: 'x'.repeat(n), origin: 'https://big.example', scopes: [{ type: 'CORS' }] })),
  fc.integer({ min: 1, max: 100_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1, max: 100_000 }).map((n) => JSON.stringify({ name: 'n', origin: 'https://deep.example', scopes: [{ type: 'CORS' }] }).replace('"n"', `${'['.repeat(n)}"n"${']'.repeat(n)}`)),
  fc.integer({ min: 1, max: 100_000 }).map((n) => '{"a":'.repeat(n)),
);

/** Form bodies a browser would never send: broken multipart, wrong boundaries, binary junk. */
const formContentType = fc.oneof(
  fc.constantFrom('multipart/form-data; boundary=zzz', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/x-www-form-urlencoded', 'text/plain', ''),
  fc.string({ minLength: 1, maxLength: 70, unit: fc.constantFrom(...'abz-_09'.split('')) }).map((b) => `multipart/form-data; boundary=${b}`),
);
const formBody = fc.oneof(
  junkString,
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.tuple(fc.constantFrom('zzz', 'other', ''), junkString).map(([b, junk]) => `--${b}\r\nContent-Disposition: form-data; name="username"\r\n\r\n${junk}\r\n--${b}`),
  fc.tuple(fc.constantFrom('zzz', 'other'), junkString).map(([b, junk]) => `--${b}\r\nContent-Disposition: form-data; name=${junk}\r\n\r\nv\r\n--${b}--\r\n`),
  fc.integer({ min: 1, max: 2_000_000 }).map((n) => `username=${'u'.repeat(n)}&password=p`),
);

describe('properties over app.fetch with hostile sizes and shapes', () => {
  const COLLECTION = '/api/v1/trustedOrigins';

  it('answers deep, long and huge filters with 200 or 400 E0000031, never 500', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(hostileFilter, async (filter) => {
        seen.add(await checkInvariants({ method: 'GET', path: `${COLLECTION}?filter=${encodeURIComponent(filter)}`, headers: JSON_AUTH, body: undefined }));
      }),
      { numRuns: HOSTILE_RUNS, seed: SEED },
    );
    expect([...seen].sort()).toEqual([200, 400]);
  });

  it('answers huge and deeply nested bodies with a documented status and no change when rejected, never 500', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(hostileBody, async (b) => {
        seen.add(await checkInvariants({ method: 'POST', path: COLLECTION, headers: JSON_AUTH, body: b }));
      }),
      { numRuns: HOSTILE_RUNS, seed: SEED },
    );
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400]));
  });

  it('answers sign-in form garbage with the sign-in page or a 400, never 500 and never a session', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(formContentType, formBody, async (type, b) => {
        const org = await createTestOrg({ fixtures: await seedFixtures() });
        const res = await org.app.fetch(
          new Request(`${ORG_URL}/login/login.htm`, { method: 'POST', headers: type === '' ? {} : { 'Content-Type': type }, body: b }),
        );
        const text = await res.text();
        const context = `${type} ${JSON.stringify(b.slice(0, 120))} → ${res.status} ${text.slice(0, 200)}`;
        statuses.add(res.status);
        expect([400, 401], context).toContain(res.status);
        expect(res.headers.getSetCookie(), context).toEqual([]);
        if (res.headers.get('Content-Type')?.startsWith('application/json')) {
          expect(JSON.parse(text), context).toMatchObject({ errorCode: 'E0000003' });
        } else {
          expect(text, context).toContain('Sign in failed!');
        }
      }),
      { numRuns: HOSTILE_RUNS * 2, seed: SEED },
    );
    expect([...statuses].sort()).toEqual([400, 401]);
  });
});
