/** The control API, --trust and --data through the real CLI over a real socket. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, stopAllClis, type RunningCli } from '../support/cli.js';

const TOKEN = '00okta-mock-default-api-token-for-local-use';
const SEEDED_IDS = ['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4'];

interface Raw {
  status: number;
  /** Header names exactly as they came off the socket, in order. */
  headerNames: string[];
  body: string;
}

/** One request over a fresh socket, answering the status, the raw header names and the body bytes. */
function raw(cli: RunningCli, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${cli.url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headerNames: res.rawHeaders.filter((_, i) => i % 2 === 0), body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { Authorization: `SSWS ${TOKEN}` };
const state = async (cli: RunningCli) => {
  const res = await raw(cli, 'GET', '/__okta-mock/state', auth);
  expect(res.status).toBe(200);
  return res.body;
};
const create = (cli: RunningCli, name: string, origin: string) =>
  raw(cli, 'POST', '/api/v1/trustedOrigins', { ...auth, 'Content-Type': 'application/json' }, JSON.stringify({ name, origin, scopes: [{ type: 'CORS' }] }));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'okta-mock-control-'));
});
afterEach(async () => {
  await stopAllClis();
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('control API on the CLI server', () => {
  it('sends no Access-Control-* header on the wire, to a preflight or to a call from a trusted origin', async () => {
    const cli = await startCli([]);
    const preflight = await raw(cli, 'OPTIONS', '/__okta-mock/reset', {
      Origin: 'http://example.com',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization',
    });
    const call = await raw(cli, 'POST', '/__okta-mock/reset', { ...auth, Origin: 'http://example.com' });
    for (const res of [preflight, call]) {
      expect(res.headerNames.filter((n) => /^access-control-/i.test(n))).toEqual([]);
      expect(res.status).toBe(403);
    }
    expect(JSON.parse(preflight.body)).toMatchObject({ errorCode: 'E0000005' });
    expect(JSON.parse(call.body)).toMatchObject({ errorCode: 'E0000006' });
  });

  it('round-trips byte for byte: GET /state, start a new CLI with --fixtures on it, GET /state again', async () => {
    const first = await startCli([]);
    expect((await create(first, 'Made over the socket', 'https://socket.example')).status).toBe(200);
    const exported = await state(first);
    const file = join(tmp, 'exported.json');
    writeFileSync(file, exported);
    const second = await startCli(['--fixtures', file]);
    expect(await state(second)).toBe(exported);
  });

  it('resets the org over HTTP with 204', async () => {
    const cli = await startCli([]);
    const seed = await state(cli);
    expect((await create(cli, 'Temporary', 'https://temporary.example')).status).toBe(200);
    const res = await raw(cli, 'POST', '/__okta-mock/reset', auth);
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect(await state(cli)).toBe(seed);
  });
});

describe('--trust on the CLI', () => {
  it('exits 1 with one line on stderr for an invalid origin', async () => {
    const { code, stdout, stderr } = await runCli(['--port', '0', '--trust', 'localhost:3000']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'okta-mock: --trust "localhost:3000" is not a valid origin (origin: Origin value is not valid); expected e.g. http://localhost:3000\n',
    );
  });

  it('adds each origin given, repeatable, as ACTIVE with CORS and REDIRECT', async () => {
    const cli = await startCli(['--trust', 'http://localhost:3000', '--trust', 'http://127.0.0.1:5173']);
    const doc = JSON.parse(await state(cli)) as { trustedOrigins: Array<{ origin: string; status: string; scopes: Array<{ type: string }> }> };
    expect(doc.trustedOrigins.slice(3).map((o) => [o.origin, o.status, o.scopes.map((s) => s.type)])).toEqual([
      ['http://localhost:3000', 'ACTIVE', ['CORS', 'REDIRECT']],
      ['http://127.0.0.1:5173', 'ACTIVE', ['CORS', 'REDIRECT']],
    ]);
  });
});

describe('--data on the CLI', () => {
  const idsIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { trustedOrigins: Array<{ id: string }> }).trustedOrigins.map((o) => o.id);

  it('writes the seed to a new file at start, every change after it, and reads it back on the next start', async () => {
    const file = join(tmp, 'fresh.json');
    const cli = await startCli(['--data', file]);
    expect(idsIn(file)).toEqual(SEEDED_IDS);
    const made = await create(cli, 'Kept across restarts', 'https://kept.example');
    expect(made.status).toBe(200);
    const id = (JSON.parse(made.body) as { id: string }).id;
    // The answer left only after the file held the change.
    expect(idsIn(file)).toEqual([...SEEDED_IDS, id]);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(JSON.parse(await state(cli)), null, 2)}\n`);
    await cli.stop();

    const again = await startCli(['--data', file]);
    expect((JSON.parse(await state(again)) as { trustedOrigins: Array<{ id: string }> }).trustedOrigins.map((o) => o.id)).toEqual([...SEEDED_IDS, id]);
    expect(readdirSync(tmp).filter((name) => name.includes('okta-mock-tmp'))).toEqual([]);
  });

  it('writes the seed to the file on POST /__okta-mock/reset', async () => {
    const file = join(tmp, 'reset.json');
    const cli = await startCli(['--data', file]);
    const seedBytes = readFileSync(file, 'utf8');
    expect((await create(cli, 'Gone after reset', 'https://gone.example')).status).toBe(200);
    expect(readFileSync(file, 'utf8')).not.toBe(seedBytes);
    expect((await raw(cli, 'POST', '/__okta-mock/reset', auth)).status).toBe(204);
    expect(readFileSync(file, 'utf8')).toBe(seedBytes);
  });

  it('writes the document PUT /__okta-mock/state loaded', async () => {
    const file = join(tmp, 'put.json');
    const cli = await startCli(['--data', file]);
    const doc = JSON.parse(await state(cli)) as { trustedOrigins: unknown[]; users: unknown[] };
    const res = await raw(cli, 'PUT', '/__okta-mock/state', { ...auth, 'Content-Type': 'application/json' }, JSON.stringify({ ...doc, trustedOrigins: [] }));
    expect(res.status).toBe(200);
    expect(idsIn(file)).toEqual([]);
  });

  const BAD_FILES = [
    {
      name: 'not JSON (and the line quotes none of it, since the file holds secrets)',
      text: '{"users": [{"password": "hunter2-secret" oops',
      line: /^okta-mock: the --data file \S+ is not valid JSON( \(at position \d+\))?; fix or remove it\n$/,
    },
    {
      name: 'not a fixtures document',
      text: JSON.stringify({ trustedOrigins: [{ id: 'nope' }] }),
      line: /^okta-mock: the --data file \S+ is not a fixtures document \(trustedOrigins\[0\]\.id: .+\); fix or remove it\n$/,
    },
  ];

  it.each(BAD_FILES.map((b) => [b.name, b] as const))('exits 1 with one line and leaves the file untouched when it is %s', async (name, bad) => {
    const file = join(tmp, `bad-${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, bad.text);
    const before = statSync(file).mtimeMs;
    const { code, stdout, stderr } = await runCli(['--port', '0', '--data', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(bad.line);
    expect(readFileSync(file, 'utf8')).toBe(bad.text);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(existsSync(join(tmp, `.${file.split('/').pop()}.okta-mock-tmp`))).toBe(false);
  });

  it('keeps the --trust origin when reading back a file that lacks it', async () => {
    const file = join(tmp, 'trust-later.json');
    const first = await startCli(['--data', file]);
    await first.stop();
    const cli = await startCli(['--data', file, '--trust', 'http://localhost:3000']);
    const doc = JSON.parse(await state(cli)) as { trustedOrigins: Array<{ origin: string }> };
    expect(doc.trustedOrigins.map((o) => o.origin)).toContain('http://localhost:3000');
    expect(idsIn(file)).toHaveLength(4);
  });
});
