import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { fixtureUser } from '../support/fixture-records.js';
import { FIXTURE_TIME, fixtureId } from '../../src/store/fixture-defaults.js';
import { FixtureError, parseFixtureDocument, parseFixtures, type FixtureProblem } from '../../src/store/fixtures.js';
import { createStore } from '../../src/store/org-store.js';

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
    { name: 'defaults trusted origins to none and users to the bundled admin', input: {}, expected: { trustedOrigins: 0, users: 1 } },
    { name: 'accepts distinct origins and a user', input: { trustedOrigins: [origin(1), origin(2)], users: [user()] }, expected: { trustedOrigins: 2, users: 1 } },
    {
      name: 'accepts IFRAME_EMBED with allowedOktaApps',
      input: { trustedOrigins: [origin(1, { scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] })] },
      expected: { trustedOrigins: 1, users: 1 },
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

const ADMIN_ID = '00ut5t92p6IEOi4bu0g3';
const DEFAULT_TOKEN = '00okta-mock-default-api-token-for-local-use';
const problemsOf = (data: unknown): FixtureProblem[] => {
  try {
    parseFixtures(data);
  } catch (e) {
    expect(e).toBeInstanceOf(FixtureError);
    return (e as FixtureError).problems;
  }
  throw new Error('expected the fixtures to be rejected');
};

describe('parseFixtures fills in what a minimal fixture leaves out', () => {
  const minimalOrigin = { name: 'App', origin: 'https://app.example.com', scopes: [{ type: 'CORS' }] };
  const cases = [
    {
      name: 'a trusted origin with only name, origin and scopes becomes ACTIVE, created at the fixture time by the first user',
      input: { trustedOrigins: [minimalOrigin], users: [{ profile: { login: 'dev@example.com' } }] },
      expected: {
        trustedOrigins: [
          {
            id: fixtureId('trustedOrigin', 'https://app.example.com'),
            ...minimalOrigin,
            status: 'ACTIVE',
            created: FIXTURE_TIME,
            createdBy: fixtureId('user', 'dev@example.com'),
            lastUpdated: FIXTURE_TIME,
            lastUpdatedBy: fixtureId('user', 'dev@example.com'),
          },
        ],
        users: [
          {
            id: fixtureId('user', 'dev@example.com'),
            status: 'ACTIVE',
            created: FIXTURE_TIME,
            activated: FIXTURE_TIME,
            statusChanged: FIXTURE_TIME,
            lastLogin: null,
            lastUpdated: FIXTURE_TIME,
            passwordChanged: null,
            profile: { firstName: 'dev', lastName: 'User', mobilePhone: null, secondEmail: null, login: 'dev@example.com', email: 'dev@example.com' },
            apiTokens: [],
          },
        ],
      },
    },
    {
      name: 'a given created time also becomes lastUpdated, and a given createdBy also becomes lastUpdatedBy',
      input: { trustedOrigins: [{ ...minimalOrigin, created: '2020-05-05T10:00:00Z', createdBy: '00uSOMEONEELSE000001' }], users: [fixtureUser()] },
      expected: {
        trustedOrigins: [
          {
            id: fixtureId('trustedOrigin', 'https://app.example.com'),
            ...minimalOrigin,
            status: 'ACTIVE',
            created: '2020-05-05T10:00:00.000Z',
            createdBy: '00uSOMEONEELSE000001',
            lastUpdated: '2020-05-05T10:00:00.000Z',
            lastUpdatedBy: '00uSOMEONEELSE000001',
          },
        ],
        users: [parseFixtures({ users: [fixtureUser()] }).users[0]],
      },
    },
    {
      name: 'a user with a password gets passwordChanged at its creation time and keeps the password and tokens',
      input: { users: [{ profile: { login: 'Dev@Example.com', firstName: 'Dee' }, password: 'pw', apiTokens: ['t1'] }] },
      expected: {
        trustedOrigins: [],
        users: [
          {
            id: fixtureId('user', 'dev@example.com'),
            status: 'ACTIVE',
            created: FIXTURE_TIME,
            activated: FIXTURE_TIME,
            statusChanged: FIXTURE_TIME,
            lastLogin: null,
            lastUpdated: FIXTURE_TIME,
            passwordChanged: FIXTURE_TIME,
            profile: { firstName: 'Dee', lastName: 'User', mobilePhone: null, secondEmail: null, login: 'Dev@Example.com', email: 'Dev@Example.com' },
            password: 'pw',
            apiTokens: ['t1'],
          },
        ],
      },
    },
    {
      name: 'a STAGED user is not activated',
      input: { users: [{ profile: { login: 'new@example.com' }, status: 'STAGED' }] },
      expected: {
        trustedOrigins: [],
        users: [
          expect.objectContaining({ status: 'STAGED', activated: null, statusChanged: null }),
        ],
      },
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(parseFixtures(input)).toEqual(expected);
  });

  it('gives the same ids for the same document every time, and keeps them when records are reordered', () => {
    const a = { name: 'A', origin: 'https://a.example.com', scopes: [{ type: 'CORS' }] };
    const b = { name: 'B', origin: 'https://b.example.com', scopes: [{ type: 'REDIRECT' }] };
    const ids = (list: unknown[]) => Object.fromEntries(parseFixtures({ trustedOrigins: list }).trustedOrigins.map((o) => [o.name, o.id]));
    expect(ids([a, b])).toEqual(ids([a, b]));
    expect(ids([b, a])).toEqual(ids([a, b]));
    expect(ids([a, b]).A).not.toBe(ids([a, b]).B);
    for (const id of Object.values(ids([a, b]))) expect(id).toMatch(/^tos[0-9A-Za-z]{17}$/);
  });

  it('keeps full stored records exactly as written (the bundled fixtures load back unchanged)', async () => {
    const read = async (file: string) => JSON.parse(await readFile(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8')) as unknown;
    const document = { trustedOrigins: await read('trusted-origins.json'), users: await read('users.json') };
    expect(parseFixtures(document)).toEqual(document);
    expect(parseFixtures(parseFixtures(document))).toEqual(document);
  });

  it('accepts the $schema line editors use', () => {
    expect(parseFixtures({ $schema: './node_modules/okta-mock/schema/fixtures.schema.json' }).trustedOrigins).toEqual([]);
  });
});

describe('parseFixtures gives a document without users the bundled admin', () => {
  const cases = [
    { name: 'a document with only trustedOrigins gets the admin and the default API token', input: { trustedOrigins: [{ name: 'A', origin: 'https://a.example.com', scopes: [{ type: 'CORS' }] }] }, expected: { usedDefaultAdmin: true, userIds: [ADMIN_ID], tokens: [DEFAULT_TOKEN], createdBy: [ADMIN_ID] } },
    { name: 'an empty users list counts as no users', input: { users: [] }, expected: { usedDefaultAdmin: true, userIds: [ADMIN_ID], tokens: [DEFAULT_TOKEN], createdBy: [] } },
    { name: 'a document with its own user does not get the admin', input: { users: [{ profile: { login: 'me@example.com' }, apiTokens: ['mine'] }] }, expected: { usedDefaultAdmin: false, userIds: [fixtureId('user', 'me@example.com')], tokens: ['mine'], createdBy: [] } },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const { fixtures, usedDefaultAdmin } = parseFixtureDocument(input);
    expect({
      usedDefaultAdmin,
      userIds: fixtures.users.map((u) => u.id),
      tokens: fixtures.users.flatMap((u) => u.apiTokens),
      createdBy: fixtures.trustedOrigins.map((o) => o.createdBy),
    }).toEqual(expected);
  });

  it('adds no admin for records added to a running org, whose minimal origins belong to its first user', async () => {
    const store = await createStore({ users: [{ profile: { login: 'owner@example.com' } }] });
    await store.add({ trustedOrigins: [{ name: 'Added', origin: 'https://added.example.com', scopes: [{ type: 'CORS' }] }] });
    expect(store.users.all().map((u) => u.profile.login)).toEqual(['owner@example.com']);
    expect(store.trustedOrigins.all().map((o) => o.createdBy)).toEqual([fixtureId('user', 'owner@example.com')]);
  });
});

describe('parseFixtures names every unknown key', () => {
  const cases = [
    { name: 'a typo of users at the top of the document', input: { user: [] }, expected: [{ where: 'user', message: 'unknown key' }] },
    { name: 'an unknown key in a trusted origin', input: { trustedOrigins: [{ name: 'A', origin: 'https://a.example.com', scopes: [{ type: 'CORS' }], scope: 'CORS' }] }, expected: [{ where: 'trustedOrigins[0].scope', message: 'unknown key' }] },
    { name: 'an unknown key in a scope', input: { trustedOrigins: [{ name: 'A', origin: 'https://a.example.com', scopes: [{ type: 'CORS', apps: [] }] }] }, expected: [{ where: 'trustedOrigins[0].scopes[0].apps', message: 'unknown key' }] },
    { name: 'an unknown key in a user', input: { users: [{ profile: { login: 'a@example.com' }, passwd: 'x' }] }, expected: [{ where: 'users[0].passwd', message: 'unknown key' }] },
    { name: 'two unknown keys in a profile, one problem each', input: { users: [{ profile: { login: 'a@example.com', mail: 'x', phone: 'y' } }] }, expected: [{ where: 'users[0].profile.mail', message: 'unknown key' }, { where: 'users[0].profile.phone', message: 'unknown key' }] },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(problemsOf(input)).toEqual(expected);
  });
});

describe('parseFixtures reports all the problems of a document at once', () => {
  const cases = [
    {
      name: 'problems in several records and fields come back together, in document order',
      input: {
        trustedOrigins: [
          { name: 'A', origin: 'example.com', scopes: [{ type: 'CORS' }] },
          { name: 'B', origin: 'https://b.example.com', scopes: [{ type: 'CORS' }], status: 'DELETED' },
          { origin: 'https://c.example.com', scopes: [] },
        ],
        users: [{ profile: {} }],
      },
      expected: ['trustedOrigins[0].origin', 'trustedOrigins[1].status', 'trustedOrigins[2].name', 'trustedOrigins[2].scopes', 'users[0].profile.login'],
    },
    {
      name: 'a schema problem and a duplicate name come back together',
      input: {
        trustedOrigins: [
          { name: 'A', origin: 'https://a.example.com', scopes: [{ type: 'CORS' }], created: 'yesterday' },
          { name: 'A', origin: 'https://a2.example.com', scopes: [{ type: 'CORS' }] },
        ],
      },
      expected: ['trustedOrigins[0].created', 'trustedOrigins[1].name'],
    },
    {
      name: 'a duplicate origin and a duplicate login come back together, naming the later records',
      input: {
        trustedOrigins: [
          { name: 'A', origin: 'https://a.example.com', scopes: [{ type: 'CORS' }] },
          { name: 'B', origin: 'https://a.example.com', scopes: [{ type: 'CORS' }] },
        ],
        users: [{ profile: { login: 'a@example.com' } }, { profile: { login: 'A@example.com' } }],
      },
      expected: ['trustedOrigins[1].origin', 'users[1].id', 'users[1].profile.login'],
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const problems = problemsOf(input);
    expect(problems.map((p) => p.where).sort()).toEqual([...expected].sort());
  });

  it('lists every problem in the error message, first problem first', () => {
    expect(messageOf({ trustedOrigins: [{ name: 'A', origin: 'https://a.example.com', scopes: [{ type: 'CORS' }], status: 'X', colour: 'red' }] })).toMatch(
      /^trustedOrigins\[0\]\.status: .+; trustedOrigins\[0\]\.colour: unknown key$/,
    );
  });
});
