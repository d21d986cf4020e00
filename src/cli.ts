import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { withEnvDefaults } from './cli-env.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from './node.js';

const USAGE = `Usage: okta-mock [options]

A local Okta org: the Trusted Origins API, seeded with the examples of Okta's reference.

Options:
  --port <n>          port to listen on (0 = any free port; default ${DEFAULT_PORT})
  --host <addr>       address to bind (default ${DEFAULT_HOST})
  --fixtures <path>   fixtures directory or JSON file (default: the bundled examples)
  --empty             start with no trusted origins (fixture users and tokens still load)
  --token <value>     accept this API token too (repeatable); owned by the fixture admin
  --random-seed <n>   make ids, request ids and error ids repeatable
  --help              print this help
  --version           print the version

Every flag also takes its default from OKTA_MOCK_<FLAG> (e.g. OKTA_MOCK_PORT=9000,
OKTA_MOCK_RANDOM_SEED=1, OKTA_MOCK_EMPTY=1; lists comma-separated: OKTA_MOCK_TOKEN=a,b).
Flags win.`;

/** The package's version; package.json is one level up from src/ and two from dist/src/. */
function version(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'okta-mock') return pkg.version;
    } catch {
      // not at this level; try the next
    }
  }
  return 'unknown';
}

function fail(message: string): never {
  console.error(`okta-mock: ${message}`);
  process.exit(1);
}

function parseInteger(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(`--${flag} must be an integer from ${min} to ${max}, got '${value}'`);
  }
  return Number(value);
}

export async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs(withEnvDefaults({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        fixtures: { type: 'string' },
        empty: { type: 'boolean' },
        token: { type: 'string', multiple: true },
        'random-seed': { type: 'string' },
        help: { type: 'boolean' },
        version: { type: 'boolean' },
      },
    }, process.env)));
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return void console.log(USAGE);
  if (values.version) return void console.log(version());

  let server;
  try {
    server = await startServer({
      port: parseInteger('port', values.port, 0, 65535),
      host: values.host,
      fixtures: values.fixtures,
      empty: values.empty,
      tokens: values.token,
      randomSeed: parseInteger('random-seed', values['random-seed'], 0, 2 ** 32 - 1),
    });
  } catch (error) {
    fail((error as Error).message);
  }

  console.log(`okta-mock listening on ${server.url}`);
  if (server.token) console.log(`API token: ${server.token}  (send "Authorization: SSWS ${server.token}")`);
  if (server.usedDefaultAdmin) console.log(`No users in the fixtures: loaded the default admin ${server.signIn?.login ?? ''} and its API token`.trimEnd());
  if (server.signIn) {
    console.log(`Sign in at ${server.signIn.url} as ${server.signIn.login} with password ${server.signIn.password}`);
  }

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
