import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { envNameOf, withEnvDefaults } from '../../src/cli-env.js';

// The shapes of flag the CLI has: a string, a boolean, a repeatable string, and --help.
const options = {
  port: { type: 'string' },
  'journal-size': { type: 'string' },
  empty: { type: 'boolean' },
  token: { type: 'string', multiple: true },
  help: { type: 'boolean' },
} as const;

const parse = (args: string[], env: Record<string, string | undefined>) =>
  parseArgs(withEnvDefaults({ args, strict: true, allowPositionals: false, options }, env)).values;

describe('envNameOf names the variable of a flag', () => {
  const cases = [
    { name: 'a one-word flag', input: 'port', expected: 'OKTA_MOCK_PORT' },
    { name: 'a dashed flag, dashes as underscores', input: 'journal-size', expected: 'OKTA_MOCK_JOURNAL_SIZE' },
    { name: 'a two-dash flag', input: 'random-seed', expected: 'OKTA_MOCK_RANDOM_SEED' },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => expect(envNameOf(input)).toBe(expected));
});

describe('withEnvDefaults gives each flag its OKTA_MOCK_<FLAG> default, and flags win', () => {
  const cases = [
    { name: 'a string flag from its variable', input: { args: [], env: { OKTA_MOCK_PORT: '9000' } }, expected: { port: '9000' } },
    { name: 'a dashed flag from its variable', input: { args: [], env: { OKTA_MOCK_JOURNAL_SIZE: '5' } }, expected: { 'journal-size': '5' } },
    { name: 'the flag wins over the variable', input: { args: ['--port', '1234'], env: { OKTA_MOCK_PORT: '9000' } }, expected: { port: '1234' } },
    { name: 'the --flag=value form wins too', input: { args: ['--port=1234'], env: { OKTA_MOCK_PORT: '9000' } }, expected: { port: '1234' } },
    { name: 'a value starting with a dash stays a value', input: { args: [], env: { OKTA_MOCK_PORT: '-1' } }, expected: { port: '-1' } },
    { name: 'a boolean from 1', input: { args: [], env: { OKTA_MOCK_EMPTY: '1' } }, expected: { empty: true } },
    { name: 'a boolean from true, any case', input: { args: [], env: { OKTA_MOCK_EMPTY: 'TRUE' } }, expected: { empty: true } },
    { name: 'a boolean off from 0', input: { args: [], env: { OKTA_MOCK_EMPTY: '0' } }, expected: {} },
    { name: 'a boolean off from false', input: { args: [], env: { OKTA_MOCK_EMPTY: 'false' } }, expected: {} },
    { name: 'a repeatable flag from a comma-separated list', input: { args: [], env: { OKTA_MOCK_TOKEN: 'a, b,,c' } }, expected: { token: ['a', 'b', 'c'] } },
    { name: 'a repeatable flag given once replaces the whole list', input: { args: ['--token', 'x'], env: { OKTA_MOCK_TOKEN: 'a,b' } }, expected: { token: ['x'] } },
    { name: 'help never comes from the environment', input: { args: [], env: { OKTA_MOCK_HELP: '1' } }, expected: {} },
    { name: 'other variables are ignored', input: { args: [], env: { PORT: '1', OKTA_MOCK_UNKNOWN: 'x' } }, expected: {} },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect({ ...parse(input.args, input.env) }).toEqual(expected);
  });

  it('refuses a boolean variable that is not 1, true, 0 or false, naming it', () => {
    expect(() => parse([], { OKTA_MOCK_EMPTY: 'yes' })).toThrow("OKTA_MOCK_EMPTY must be 1, true, 0 or false, got 'yes'");
  });
});
