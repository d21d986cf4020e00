import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, startCli, stopAllClis, type RunningCli } from '../support/cli.js';
import { fixtureUser } from '../support/fixture-records.js';

const DEFAULT_TOKEN = '00okta-mock-default-api-token-for-local-use';
const ADMIN_ID = '00ut5t92p6IEOi4bu0g3';
const SEEDED_IDS = ['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4'];
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface WireOrigin {
  id: string;
  name: string;
  origin: string;
  status: string;
  createdBy: string;
  _links: Record<string, { href: string }>;
}

function api(cli: Pick<RunningCli, 'url'>, path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const { token = DEFAULT_TOKEN, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Authorization', `SSWS ${token}`);
  headers.set('Accept', 'application/json');
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(cli.url + path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
}

async function listIds(cli: RunningCli, token?: string): Promise<string[]> {
  const res = await api(cli, '/api/v1/trustedOrigins', { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as WireOrigin[]).map((o) => o.id);
}

const adminUser = fixtureUser({ id: ADMIN_ID, apiTokens: ['file-fixture-token'] });

function origin(id: string, name: string, url: string) {
  return {
    id,
    name,
    origin: url,
    scopes: [{ type: 'CORS' }],
    status: 'ACTIVE',
    created: '2020-01-01T00:00:00.000Z',
    createdBy: ADMIN_ID,
    lastUpdated: '2020-01-01T00:00:00.000Z',
    lastUpdatedBy: ADMIN_ID,
  };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'okta-mock-cli-'));
});
afterEach(async () => {
  await stopAllClis();
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('okta-mock CLI: serving', () => {
  it('serves the three seeded origins over a real socket, with links on the bound URL', async () => {
    const cli = await startCli([]);
    const res = await api(cli, '/api/v1/trustedOrigins');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as WireOrigin[];
    expect(body.map((o) => o.id)).toEqual(SEEDED_IDS);
    for (const o of body) {
      expect(o._links.self!.href).toBe(`${cli.url}/api/v1/trustedOrigins/${o.id}`);
      expect(o._links.deactivate!.href).toBe(`${cli.url}/api/v1/trustedOrigins/${o.id}/lifecycle/deactivate`);
    }
    expect(res.headers.get('link')).toContain(`<${cli.url}/api/v1/trustedOrigins?limit=20>; rel="self"`);
  });

  it('prints exactly one listening line with the bound port, then the API token line', async () => {
    const cli = await startCli([]);
    const lines = cli.stdout().split('\n').filter(Boolean);
    expect(lines.filter((l) => l.startsWith('okta-mock listening on'))).toEqual([`okta-mock listening on ${cli.url}`]);
    expect(lines[0]).toMatch(/^okta-mock listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.port).toBeGreaterThan(0);
    expect(lines[1]).toMatch(/^API token: 00okta-mock-default-api-token-for-local-use\b/);
    expect(cli.token).toBe(DEFAULT_TOKEN);
    expect(cli.stderr()).toBe('');
  });

  it('prints the Admin Console\'s URL after the sign-in line, and that URL sends a signed-out browser to the sign-in page with the way back', async () => {
    const cli = await startCli([]);
    for (let i = 0; i < 200 && !/^Admin Console: /m.test(cli.stdout()); i++) await new Promise((r) => setTimeout(r, 25));
    const lines = cli.stdout().split('\n').filter(Boolean);
    const at = lines.indexOf(`Admin Console: ${cli.url}/admin`);
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith('Sign in at ')));
    const home = await fetch(`${cli.url}/admin`, { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe(`/login/login.htm?fromURI=${encodeURIComponent('/admin')}`);
  });

  it('binds 127.0.0.1 by default', async () => {
    const cli = await startCli([]);
    expect(new URL(cli.url).hostname).toBe('127.0.0.1');
    expect(new URL(cli.url).port).toBe(String(cli.port));
  });

  it('rejects requests without a valid token over the socket', async () => {
    const cli = await startCli([]);
    const res = await api(cli, '/api/v1/trustedOrigins', { token: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errorCode: string }).errorCode).toBe('E0000011');
  });

  it('accepts an extra --token and keeps the default fixture token working', async () => {
    const cli = await startCli(['--token', 'extra']);
    expect(cli.token).toBe('extra');
    expect(cli.stdout()).toMatch(/^API token: extra\b/m);
    expect(await listIds(cli, 'extra')).toEqual(SEEDED_IDS);
    expect(await listIds(cli, DEFAULT_TOKEN)).toEqual(SEEDED_IDS);
  });

  it('records the fixture admin as creator of an origin created with an extra --token', async () => {
    const cli = await startCli(['--token', 'extra']);
    const res = await api(cli, '/api/v1/trustedOrigins', {
      method: 'POST',
      token: 'extra',
      json: { name: 'via extra', origin: 'https://extra.example.com', scopes: [{ type: 'CORS' }] },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as WireOrigin).createdBy).toBe(ADMIN_ID);
  });

  it('starts with no trusted origins under --empty, while the fixture token still works', async () => {
    const cli = await startCli(['--empty']);
    expect(await listIds(cli)).toEqual([]);
  });

  it('gives the same created id for the same create request under the same --random-seed', async () => {
    const createOnce = async () => {
      const cli = await startCli(['--random-seed', '7']);
      const res = await api(cli, '/api/v1/trustedOrigins', {
        method: 'POST',
        json: { name: 'Seeded', origin: 'https://seeded.example.com', scopes: [{ type: 'CORS' }] },
      });
      expect(res.status).toBe(200);
      const { id } = (await res.json()) as WireOrigin;
      expect(await cli.stop()).toBe(0);
      return id;
    };
    const first = await createOnce();
    const second = await createOnce();
    expect(first).toMatch(/^tos[0-9A-Za-z]{17}$/);
    expect(second).toBe(first);
  });

  it('loads fixtures from a directory holding trusted-origins.json and users.json', async () => {
    const dir = mkdtempSync(join(tmp, 'dir-'));
    writeFileSync(join(dir, 'users.json'), JSON.stringify([adminUser]));
    writeFileSync(
      join(dir, 'trusted-origins.json'),
      JSON.stringify([origin('tosDIRa0000000000001', 'Dir One', 'https://one.example.com')]),
    );
    const cli = await startCli(['--fixtures', dir]);
    expect(cli.token).toBe('file-fixture-token');
    expect(await listIds(cli, 'file-fixture-token')).toEqual(['tosDIRa0000000000001']);
    // The bundled fixtures are not loaded alongside.
    expect((await api(cli, '/api/v1/trustedOrigins')).status).toBe(401);
  });

  it('loads fixtures from a single JSON file {trustedOrigins, users}', async () => {
    const file = join(tmp, 'single.json');
    writeFileSync(
      file,
      JSON.stringify({
        trustedOrigins: [
          origin('tosFILEa000000000001', 'File One', 'https://f1.example.com'),
          origin('tosFILEa000000000002', 'File Two', 'https://f2.example.com'),
        ],
        users: [adminUser],
      }),
    );
    const cli = await startCli(['--fixtures', file]);
    expect(await listIds(cli, 'file-fixture-token')).toEqual(['tosFILEa000000000001', 'tosFILEa000000000002']);
  });
});

describe('okta-mock CLI: --help and --version', () => {
  it('prints usage for --help and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: okta-mock \[options\]/);
    for (const flag of ['--port', '--host', '--fixtures', '--empty', '--token', '--random-seed', '--help', '--version']) {
      expect(stdout).toContain(flag);
    }
    expect(stderr).toBe('');
  });

  it('prints the package.json version for --version and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${VERSION}\n`);
    expect(stderr).toBe('');
  });
});

describe('okta-mock CLI: start-up errors', () => {
  let blocker: Server;
  afterEach(async () => {
    if (blocker?.listening) await new Promise<void>((r) => blocker.close(() => r()));
  });

  async function expectOneLineFailure(args: string[]): Promise<string> {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).not.toBe(0);
    expect(typeof code).toBe('number');
    expect(stdout).not.toContain('listening');
    const lines = stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^okta-mock: /);
    return lines[0]!;
  }

  it('fails with one line naming the port when the port is already in use', async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const line = await expectOneLineFailure(['--port', String(port)]);
    expect(line).toContain(`port ${port}`);
    expect(line).toContain('already in use');
  });

  it('fails with one line naming the path when the fixtures path cannot be read', async () => {
    const missing = join(tmp, 'does-not-exist.json');
    const line = await expectOneLineFailure(['--port', '0', '--fixtures', missing]);
    expect(line).toContain(missing);
    expect(line).toContain('ENOENT');
  });

  it('fails with one line when the fixtures file is not JSON', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, '{ "trustedOrigins": [ oops');
    const line = await expectOneLineFailure(['--port', '0', '--fixtures', file]);
    expect(line).toContain(file);
    expect(line).toMatch(/not JSON/);
  });

  it('fails with one line naming the field when a fixture record has a bad id', async () => {
    const file = join(tmp, 'bad-id.json');
    writeFileSync(file, JSON.stringify({ trustedOrigins: [origin('not-an-id', 'x', 'https://x.example.com')], users: [adminUser] }));
    const line = await expectOneLineFailure(['--port', '0', '--fixtures', file]);
    expect(line).toContain(file);
    expect(line).toContain('trustedOrigins[0].id');
  });

  it('fails with one line naming the field when a fixture record has a bad origin', async () => {
    const file = join(tmp, 'bad-origin.json');
    writeFileSync(
      file,
      JSON.stringify({
        trustedOrigins: [
          origin('tosGOODa000000000001', 'fine', 'https://fine.example.com'),
          origin('tosBADa0000000000002', 'broken', 'example.com'),
        ],
        users: [adminUser],
      }),
    );
    const line = await expectOneLineFailure(['--port', '0', '--fixtures', file]);
    expect(line).toContain('trustedOrigins[1].origin');
    expect(line).toContain('"example.com"');
  });

  it('fails with one line pointing at --help for an unknown flag', async () => {
    const line = await expectOneLineFailure(['--port', '0', '--bogus']);
    expect(line).toContain('--bogus');
    expect(line).toContain('--help');
  });

  it('fails with one line for a --port that is not a port number', async () => {
    const line = await expectOneLineFailure(['--port', '99999']);
    expect(line).toContain('--port');
  });
});

describe('okta-mock CLI: shutdown', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`closes cleanly with exit code 0 on ${signal}`, async () => {
      const cli = await startCli([]);
      expect(await listIds(cli)).toEqual(SEEDED_IDS);
      expect(await cli.stop(signal)).toBe(0);
      expect(cli.stderr()).toBe(`okta-mock: ${signal}: finishing requests in flight, then stopping (send it again to stop at once)\n`);
      await expect(fetch(`${cli.url}/api/v1/trustedOrigins`)).rejects.toThrow();
    });
  }

  it('closes promptly on SIGTERM even while a client holds a keep-alive connection', async () => {
    const cli = await startCli([]);
    // fetch keeps the connection alive in its pool after this request.
    expect(await listIds(cli)).toEqual(SEEDED_IDS);
    const started = Date.now();
    expect(await cli.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not exit on its own after start-up', async () => {
    // Wait for the listening line first: a SIGTERM before the signal handlers exist would kill it, not stop it.
    const run = await startCli();
    const outcome = await Promise.race([run.exited.then(() => 'exited'), new Promise((r) => setTimeout(() => r('running'), 1000))]);
    expect(outcome).toBe('running');
    expect(await run.stop()).toBe(0);
  });
});
