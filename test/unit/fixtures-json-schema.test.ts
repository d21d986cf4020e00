import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { fixturesJsonSchema } from '../../src/store/fixtures-json-schema.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;
const shipped = read('schema/fixtures.schema.json') as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(shipped);

describe('the shipped fixtures JSON Schema', () => {
  it('is what the loader schemas generate (npm run generate writes it)', () => {
    expect(shipped).toEqual(fixturesJsonSchema());
  });

  const cases = [
    { name: 'accepts the bundled fixtures', input: { trustedOrigins: read('fixtures/trusted-origins.json'), users: read('fixtures/users.json') }, expected: true },
    { name: 'accepts a minimal document with the $schema line', input: { $schema: './node_modules/okta-mock/schema/fixtures.schema.json', trustedOrigins: [{ name: 'App', origin: 'http://localhost:3000', scopes: [{ type: 'CORS' }] }], users: [{ profile: { login: 'dev@example.com' } }] }, expected: true },
    { name: 'rejects an unknown key in a trusted origin', input: { trustedOrigins: [{ name: 'App', origin: 'http://localhost:3000', scopes: [{ type: 'CORS' }], scope: 'CORS' }] }, expected: false },
    { name: 'rejects a typo of users', input: { user: [] }, expected: false },
    { name: 'rejects a trusted origin without scopes', input: { trustedOrigins: [{ name: 'App', origin: 'http://localhost:3000' }] }, expected: false },
    { name: 'rejects a user without profile.login', input: { users: [{ profile: {} }] }, expected: false },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(validate(input)).toBe(expected);
  });
});
