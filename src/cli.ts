import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
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
  --https             serve HTTPS with a certificate made at start for localhost, 127.0.0.1, ::1
  --cert <file>       serve HTTPS with this PEM certificate (with --key; e.g. one made by mkcert)
  --key <file>        the PEM private key of --cert
  --help              print this help
  --version           print the version`;

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
    ({ values } = parseArgs({
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
        https: { type: 'boolean' },
        cert: { type: 'string' },
        key: { type: 'string' },
        help: { type: 'boolean' },
        version: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return void console.log(USAGE);
  if (values.version) return void console.log(version());

  if ((values.cert === undefined) !== (values.key === undefined)) fail('--cert and --key go together: give both files (see --help)');
  const https = values.cert !== undefined && values.key !== undefined ? { certFile: values.cert, keyFile: values.key } : values.https ? true : undefined;

  let server;
  try {
    server = await startServer({
      port: parseInteger('port', values.port, 0, 65535),
      host: values.host,
      fixtures: values.fixtures,
      empty: values.empty,
      tokens: values.token,
      randomSeed: parseInteger('random-seed', values['random-seed'], 0, 2 ** 32 - 1),
      https,
    });
  } catch (error) {
    fail((error as Error).message);
  }

  console.log(`okta-mock listening on ${server.url}`);
  if (server.certificate?.generated) {
    console.log(`TLS certificate generated for localhost, 127.0.0.1 and ::1, SHA-256 fingerprint ${server.certificate.fingerprint256} (not trusted by browsers unless you tell them to)`);
  }
  if (server.token) console.log(`API token: ${server.token}  (send "Authorization: SSWS ${server.token}")`);
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
