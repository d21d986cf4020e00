import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { fixtureUser } from '../support/fixture-records.js';
import { FixtureError, parseFixtures } from '../../src/store/fixtures.js';

const origin = (i: number, over: Record<string, unknown> = {}) => ({
  id: `tos10hzarOl8zfPM80g${i}`,
  name: `Origin ${i}`,
  origin: `https://o${i}.example.com`,
  scopes: [{ type: 'CORS' }],
  status: 'ACTIVE',
  created: '2018-01-13T01:22:10.000Z',
  createdBy: '00ut5t92p6IEOi4bu0g3',
  lastUpdated: '2018-01-13T01:22:10.000Z',
  lastUpdatedBy: '00ut5t92p6IEOi4bu0g3',
  ...over,
});

const user = fixtureUser;

const messageOf = (data: unknown): string => {
  try {
    parseFixtures(data);
  } catch (e) {
    expect(e).toBeInstanceOf(FixtureError);
    return (e as Error).message;
  }
  throw new Error('expected the fixtures to be rejected');
};

describe('parseFixtures rejects bad data, naming the first bad field', () => {
  const cases = [
    { name: 'names trustedOrigins[1].origin when the second origin has no origin', input: { trustedOrigins: [origin(1), origin(2, { origin: undefined })] }, expected: /^trustedOrigins\[1\]\.origin: / },
    { name: 'names the id of an origin whose id is not tos + 17 base62', input: { trustedOrigins: [origin(1, { id: 'tos123' })] }, expected: /^trustedOrigins\[0\]\.id: / },
    { name: 'names a nested scope type outside the enum', input: { trustedOrigins: [origin(1, { scopes: [{ type: 'CORS' }, { type: 'FOO' }] })] }, expected: /^trustedOrigins\[0\]\.scopes\[1\]\.type: / },
    { name: 'names scopes when an origin has no scope', input: { trustedOrigins: [origin(1, { scopes: [] })] }, expected: /^trustedOrigins\[0\]\.scopes: / },
    { name: 'names scopes when an origin has more than 3 scopes', input: { trustedOrigins: [origin(1, { scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }, { type: 'IFRAME_EMBED' }, { type: 'CORS' }] })] }, expected: /^trustedOrigins\[0\]\.scopes: / },
    { name: 'names a status outside ACTIVE and INACTIVE', input: { trustedOrigins: [origin(1, { status: 'DELETED' })] }, expected: /^trustedOrigins\[0\]\.status: / },
    { name: 'names a created date that is not an ISO timestamp', input: { trustedOrigins: [origin(1, { created: 'yesterday' })] }, expected: /^trustedOrigins\[0\]\.created: / },
    { name: 'names a 256-character name', input: { trustedOrigins: [origin(1, { name: 'a'.repeat(256) })] }, expected: /^trustedOrigins\[0\]\.name: / },
    { name: 'names users[0].profile.login when it is missing', input: { users: [user({ profile: { ...user().profile, login: undefined } })] }, expected: /^users\[0\]\.profile\.login: / },
    { name: 'names trustedOrigins when it is not a list', input: { trustedOrigins: {} }, expected: /^trustedOrigins: / },
    { name: 'names fixtures when the data is not an object', input: 'nope', expected: /^fixtures: / },
    {
      name: 'rejects a duplicate id, naming the later record',
      input: { trustedOrigins: [origin(1), origin(2, { id: origin(1).id })] },
      expected: /^trustedOrigins\[1\]\.id: duplicate value "tos10hzarOl8zfPM80g1"$/,
    },
    { name: 'rejects a duplicate name, naming the later record', input: { trustedOrigins: [origin(1), origin(2), origin(3, { name: 'Origin 1' })] }, expected: /^trustedOrigins\[2\]\.name: duplicate value "Origin 1"$/ },
    {
      name: 'rejects a duplicate origin, naming the later record',
      input: { trustedOrigins: [origin(1), origin(2, { origin: 'https://o1.example.com' })] },
      expected: /^trustedOrigins\[1\]\.origin: duplicate value "https:\/\/o1\.example\.com"$/,
    },
    { name: 'rejects a duplicate user id', input: { users: [user(), user({ profile: { ...user().profile, login: 'b@example.com' } })] }, expected: /^users\[1\]\.id: duplicate value "00ut5t92p6IEOi4bu0g3"$/ },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(messageOf(input)).toMatch(expected);
  });
});

describe('parseFixtures accepts good data', () => {
  const cases = [
    { name: 'defaults both lists to empty', input: {}, expected: { trustedOrigins: 0, users: 0 } },
    { name: 'accepts distinct origins and a user', input: { trustedOrigins: [origin(1), origin(2)], users: [user()] }, expected: { trustedOrigins: 2, users: 1 } },
    {
      name: 'accepts IFRAME_EMBED with allowedOktaApps',
      input: { trustedOrigins: [origin(1, { scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] })] },
      expected: { trustedOrigins: 1, users: 0 },
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const parsed = parseFixtures(input);
    expect({ trustedOrigins: parsed.trustedOrigins.length, users: parsed.users.length }).toEqual(expected);
  });

  it('accepts the bundled fixtures', async () => {
    const read = async (file: string) => JSON.parse(await readFile(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8')) as unknown;
    const parsed = parseFixtures({ trustedOrigins: await read('trusted-origins.json'), users: await read('users.json') });
    expect(parsed.trustedOrigins.map((o) => o.id)).toEqual(['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4']);
  });

  it('defaults a user without apiTokens to an empty token list', () => {
    expect(parseFixtures({ users: [user()] }).users[0]!.apiTokens).toEqual([]);
  });
});

describe('parseFixtures keeps records to what Okta could hold', () => {
  // Fixtures enter the store without passing the API's validation, and are served as stored.
  const cases = [
    { name: 'does not let a created time with milliseconds reach the store as anything but .000Z', input: origin(1, { created: '2018-01-13T01:22:10.123Z' }), field: 'created' },
    { name: 'does not let a lastUpdated time without milliseconds reach the store as anything but .000Z', input: origin(1, { lastUpdated: '2018-01-13T01:22:10Z' }), field: 'lastUpdated' },
  ] as const;

  it.each(named(cases))('%s', (_name, { input, field }) => {
    let stored: string | undefined;
    try {
      stored = parseFixtures({ trustedOrigins: [input] }).trustedOrigins[0]![field];
    } catch (e) {
      expect((e as Error).message).toMatch(new RegExp(`^trustedOrigins\\[0\\]\\.${field}: `));
      return;
    }
    expect(stored).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });

  const rules = [
    { name: 'rejects an origin value the API would refuse with Origin value is not valid', input: origin(1, { origin: 'example.com/app' }), expected: /^trustedOrigins\[0\]\.origin: / },
    { name: 'rejects a repeated scope type, which the API refuses', input: origin(1, { scopes: [{ type: 'CORS' }, { type: 'CORS' }] }), expected: /^trustedOrigins\[0\]\.scopes/ },
  ];

  it.each(named(rules))('%s', (_name, { input, expected }) => {
    expect(messageOf({ trustedOrigins: [input] })).toMatch(expected);
  });
});
