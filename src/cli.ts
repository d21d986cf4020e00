import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CONSOLE_ROOT } from './console/paths.js';
import { DEFAULT_JOURNAL_SIZE, type JournalListener } from './journal.js';
import { formatJsonLine, formatLogLine } from './log-line.js';
import { hostWarning, tokenProblem } from './cli-checks.js';
import { stopOnSignals } from './graceful-stop.js';
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
  --quiet             print no line per request (the start-up lines still print)
  --log <format>      per-request lines as 'text' (default) or 'json' (one journal entry per line)
  --journal-size <n>  requests the journal keeps (default ${DEFAULT_JOURNAL_SIZE}; 0 keeps none)
  --trust <origin>    trust this origin for CORS and REDIRECT from the start (repeatable)
  --data <file>       keep the org's content in this file across restarts
  --https             serve HTTPS with a certificate made at start for localhost, 127.0.0.1, ::1
  --cert <file>       serve HTTPS with this PEM certificate (with --key; e.g. one made by mkcert)
  --key <file>        the PEM private key of --cert
  --rate-limit <n>    enforce n requests per minute per endpoint family (429 E0000047 past it;
                      default: 600 reported, never enforced)
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

/** One line (or a few, for a refusal) per answered request on stdout; colour only for a TTY without NO_COLOR. */
function requestLogger(format: 'text' | 'json'): JournalListener {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  // A reader that goes away (`okta-mock | head`) must not take the org down with it: stop printing, keep serving.
  let readerGone = false;
  process.stdout.on('error', () => {
    readerGone = true;
  });
  return (entry) => {
    if (readerGone) return;
    process.stdout.write(`${format === 'json' ? formatJsonLine(entry) : formatLogLine(entry, { color })}\n`);
  };
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
        quiet: { type: 'boolean' },
        log: { type: 'string' },
        'journal-size': { type: 'string' },
        trust: { type: 'string', multiple: true },
        data: { type: 'string' },
        https: { type: 'boolean' },
        cert: { type: 'string' },
        key: { type: 'string' },
        'rate-limit': { type: 'string' },
        help: { type: 'boolean' },
        version: { type: 'boolean' },
      },
    }, process.env)));
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return void console.log(USAGE);
  if (values.version) return void console.log(version());

  if (values.log !== undefined && values.log !== 'text' && values.log !== 'json') {
    fail(`--log must be 'text' or 'json', got '${values.log}'`);
  }
  const journalSize = parseInteger('journal-size', values['journal-size'], 0, 1_000_000);
  const badToken = values.token?.map((token, i) => tokenProblem(token, i + 1)).find((problem) => problem !== undefined);
  if (badToken) fail(badToken);
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
      journalSize,
      onRequest: values.quiet ? undefined : requestLogger(values.log === 'json' ? 'json' : 'text'),
      trust: values.trust,
      data: values.data,
      https,
      rateLimit: parseInteger('rate-limit', values['rate-limit'], 1, 1_000_000),
    });
  } catch (error) {
    fail((error as Error).message);
  }

  // Before the first line: whoever reads `listening` may send SIGTERM at once, and a signal that
  // arrives before its handler is installed kills the process without the graceful stop.
  stopOnSignals({
    stop: () => server.close(),
    exit: (code) => process.exit(code),
    // On stderr, so stdout stays request lines only (JSON lines under --log json); --quiet silences it too.
    log: (line) => { if (!values.quiet) console.error(line); },
    signals: process,
  });

  console.log(`okta-mock listening on ${server.url}`);
  const exposed = hostWarning(server.host);
  if (exposed) console.error(`okta-mock: ${exposed}`);
  if (server.certificate?.generated) {
    console.log(`TLS certificate generated for localhost, 127.0.0.1 and ::1, SHA-256 fingerprint ${server.certificate.fingerprint256} (not trusted by browsers unless you tell them to)`);
  }
  if (server.token) console.log(`API token: ${server.token}  (send "Authorization: SSWS ${server.token}")`);
  if (server.usedDefaultAdmin) console.log(`No users in the fixtures: loaded the default admin ${server.signIn?.login ?? ''} and its API token`.trimEnd());
  if (server.signIn) {
    console.log(`Sign in at ${server.signIn.url} as ${server.signIn.login} with password ${server.signIn.password}`);
  }
  console.log(`Admin Console: ${server.url}${CONSOLE_ROOT}`);
  if (server.rateLimit !== undefined) console.log(`Rate limit enforced: ${server.rateLimit} per minute per endpoint family (429 E0000047 past it)`);
}
