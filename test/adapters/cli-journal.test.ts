/** The CLI's per-request lines, for real: a spawned CLI, requests over a socket, its stdout and stderr. */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/journal.js';
import { refusedLocalhostAliasPreflight } from '../support/journal-entries.js';
import { runCli, startCli, stopAllClis, type RunningCli } from '../support/cli.js';

const TOKEN = '00okta-mock-default-api-token-for-local-use';
const PASSWORD = 'okta-mock';

interface WireAnswer {
  status: number;
  /** Header values by lower-case name, read from node's rawHeaders. */
  headers: Map<string, string[]>;
  body: string;
}

/** One request over a plain socket, with exactly the headers given (fetch would refuse to set Origin). */
function send(cli: RunningCli, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${cli.url}${path}`, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const map = new Map<string, string[]>();
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!.toLowerCase();
          map.set(name, [...(map.get(name) ?? []), res.rawHeaders[i + 1]!]);
        }
        resolve({ status: res.statusCode!, headers: map, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const STARTUP = [/^okta-mock listening on /, /^API token: /, /^Sign in at /, /^Admin Console: /];

/** The stdout lines after the start-up lines (which print the token and password on purpose). */
function linesAfterStartup(stdout: string): string[] {
  const lines = stdout.split('\n');
  STARTUP.forEach((pattern, i) => expect(lines[i]).toMatch(pattern));
  return lines.slice(STARTUP.length).filter((l) => l !== '');
}

/** Waits until stdout holds `count` lines after start-up (the CLI writes them as it answers). */
async function waitForLines(cli: RunningCli, count: number): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const lines = linesAfterStartup(cli.stdout());
    if (lines.length >= count) return lines;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`expected ${count} request lines, got:\n${cli.stdout()}`);
}

async function trustLocalhost(cli: RunningCli): Promise<string> {
  const res = await send(
    cli,
    'POST',
    '/api/v1/trustedOrigins',
    { Authorization: `SSWS ${TOKEN}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    JSON.stringify({ name: 'Local app', origin: 'http://localhost:3000', scopes: [{ type: 'CORS' }] }),
  );
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { id: string }).id;
}

afterEach(async () => {
  await stopAllClis();
});

describe('okta-mock CLI: a line per request', () => {
  it('prints a refused CORS call with its reason and the near-miss hint on the lines after it', async () => {
    const cli = await startCli([]);
    const id = await trustLocalhost(cli);
    const res = await send(cli, 'GET', '/api/v1/users/me', { Origin: 'http://127.0.0.1:3000' });
    expect(res.status).toBe(403);
    expect(res.headers.has('access-control-allow-origin')).toBe(false);

    const lines = await waitForLines(cli, 4);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d POST \/api\/v1\/trustedOrigins 200 [\d.]+ms$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d GET \/api\/v1\/users\/me 403 E0000005 [\d.]+ms$/),
      '  ! CORS refused: http://127.0.0.1:3000 is not a trusted origin for CORS',
      `  ! hint: http://localhost:3000 is (${id}): browsers treat localhost and 127.0.0.1 as different origins`,
    ]);
    // Piped stdout is not a TTY: no colour codes.
    expect(cli.stdout()).not.toContain('\x1b[');
    expect(cli.stderr()).toBe('');
  });

  it('prints no request lines under --quiet, only the start-up lines', async () => {
    const cli = await startCli(['--quiet']);
    await trustLocalhost(cli);
    await send(cli, 'GET', '/api/v1/users/me', { Origin: 'http://127.0.0.1:3000' });
    expect(await cli.stop()).toBe(0);
    expect(linesAfterStartup(cli.stdout())).toEqual([]);
    expect(cli.stderr()).toBe('');
  });

  it('prints one journal entry per line as JSON under --log json, with the request id the answer carried', async () => {
    const cli = await startCli(['--log', 'json']);
    const id = await trustLocalhost(cli);
    const res = await send(cli, 'OPTIONS', '/api/v1/users/me', { Origin: 'http://127.0.0.1:3000', 'Access-Control-Request-Method': 'GET' });
    const lines = await waitForLines(cli, 2);
    const entries = lines.map((l) => JSON.parse(l) as JournalEntry);
    expect(entries[1]).toMatchObject({
      requestId: res.headers.get('x-okta-request-id')![0],
      ...refusedLocalhostAliasPreflight(id),
    });
    expect(entries[0]).toMatchObject({ method: 'POST', path: '/api/v1/trustedOrigins', auth: 'ssws', status: 200, decision: null });
  });

  it('still prints a line per request with --journal-size 0', async () => {
    const cli = await startCli(['--journal-size', '0']);
    await send(cli, 'GET', '/api/v1/trustedOrigins', { Authorization: `SSWS ${TOKEN}` });
    expect(await waitForLines(cli, 1)).toEqual([expect.stringMatching(/ GET \/api\/v1\/trustedOrigins 200 /)]);
  });

  it.each([
    ['--log', 'xml', "okta-mock: --log must be 'text' or 'json', got 'xml'"],
    ['--journal-size', 'many', "okta-mock: --journal-size must be an integer from 0 to 1000000, got 'many'"],
  ])('refuses %s %s with one line on stderr and exit 1', async (flag, value, line) => {
    const { code, stdout, stderr } = await runCli([flag, value]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${line}\n`);
  });

  it.each([[[] as string[]], [['--log', 'json']]])(
    'prints no API token, password, session token, session id or cookie value after start-up across a whole sign-in flow (flags %j)',
    async (flags) => {
      const cli = await startCli(flags);
      const origin = 'https://rf.example.com';
      const authn = await send(
        cli,
        'POST',
        '/api/v1/authn',
        { Origin: origin, 'Content-Type': 'application/json', Accept: 'application/json' },
        JSON.stringify({ username: 'admin@example.com', password: PASSWORD }),
      );
      expect(authn.status).toBe(200);
      const sessionToken = (JSON.parse(authn.body) as { sessionToken: string }).sessionToken;
      const redirect = await send(
        cli,
        'GET',
        `/login/sessionCookieRedirect?token=${sessionToken}&redirectUrl=${encodeURIComponent(`${origin}/app`)}`,
      );
      expect(redirect.status).toBe(302);
      const sid = /^sid=([^;]+)/.exec(redirect.headers.get('set-cookie')![0]!)![1]!;
      const cookie = `sid=${sid}`;
      expect((await send(cli, 'GET', '/api/v1/users/me', { Origin: origin, Cookie: cookie })).status).toBe(200);
      expect((await send(cli, 'GET', '/api/v1/users/me', { Authorization: `SSWS ${TOKEN}` })).status).toBe(200);
      expect((await send(cli, 'GET', `/login/signout?fromURI=${encodeURIComponent(`${origin}/bye`)}`, { Cookie: cookie })).status).toBe(302);
      expect(await cli.stop()).toBe(0);

      const after = linesAfterStartup(cli.stdout());
      expect(after).toHaveLength(5);
      // The stop notice names the program, and the fixture password is the program's name: leave it out.
      const stderr = cli.stderr().replace(/^okta-mock: SIGTERM: finishing requests in flight.*\n/m, '');
      const printed = [...after, stderr].join('\n');
      for (const secret of [TOKEN, PASSWORD, sessionToken, sid, cookie]) expect(printed).not.toContain(secret);
      expect(printed).toContain('token=[redacted]');
    },
  );
});
