import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, stopAllClis, type RunningCli } from '../support/cli.js';

const DEFAULT_TOKEN = '00okta-mock-default-api-token-for-local-use';
const ADMIN_ID = '00ut5t92p6IEOi4bu0g3';
const minimalOrigin = (n: number) => ({ name: `App ${n}`, origin: `https://app${n}.example.com`, scopes: [{ type: 'CORS' }] });

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'okta-mock-cli-fixtures-'));
});
afterEach(async () => {
  await stopAllClis();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const write = (name: string, data: unknown) => {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};

const listOrigins = async (url: string, token: string) => {
  const res = await fetch(`${url}/api/v1/trustedOrigins`, { headers: { Authorization: `SSWS ${token}`, Accept: 'application/json' } });
  expect(res.status).toBe(200);
  return (await res.json()) as Array<{ name: string; status: string; createdBy: string }>;
};

/** The start-up lines after the token line may come in a later chunk: wait for them (up to 10 s). */
async function startupOutput(cli: RunningCli, lastLine: RegExp): Promise<string> {
  for (let i = 0; i < 200 && !lastLine.test(cli.stdout()); i++) await new Promise((r) => setTimeout(r, 50));
  return cli.stdout();
}

async function oneLineFailure(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runCli(['--port', '0', ...args]);
  expect(code).toBe(1);
  expect(stdout).not.toContain('listening');
  const lines = stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('okta-mock CLI: the host it was given', () => {
  it('prints http://localhost:<port> for --host localhost, and answers there', async () => {
    const cli = await startCli(['--host', 'localhost']);
    const output = await startupOutput(cli, /^Sign in at /m);
    expect(output.split('\n')[0]).toBe(`okta-mock listening on http://localhost:${cli.port}`);
    expect(output).toContain(`Sign in at http://localhost:${cli.port}/login/login.htm as admin@example.com`);
    expect((await listOrigins(cli.url, DEFAULT_TOKEN)).length).toBe(3);
  });

  it('takes the host from OKTA_MOCK_HOST, and --port wins over OKTA_MOCK_PORT', async () => {
    const cli = await startCli([], 10_000, { env: { OKTA_MOCK_HOST: 'localhost', OKTA_MOCK_PORT: '1' } });
    expect(cli.url).toBe(`http://localhost:${cli.port}`);
    expect(cli.port).not.toBe(1);
  });

  it('takes a boolean flag from its variable: OKTA_MOCK_EMPTY=1 starts with no trusted origins', async () => {
    const cli = await startCli([], 10_000, { env: { OKTA_MOCK_EMPTY: '1' } });
    expect(await listOrigins(cli.url, DEFAULT_TOKEN)).toEqual([]);
  });

  it('fails with one line naming the variable when a boolean variable is not 1, true, 0 or false', async () => {
    const { code, stderr } = await runCli(['--port', '0'], 10_000, { env: { OKTA_MOCK_EMPTY: 'yes' } });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^okta-mock: OKTA_MOCK_EMPTY must be 1, true, 0 or false, got 'yes'/);
  });
});

describe('okta-mock CLI: fixtures people can write', () => {
  it('loads a file with only minimal trusted origins, says the default admin was loaded, and serves them with its token', async () => {
    const file = write('origins-only.json', { trustedOrigins: [minimalOrigin(1), minimalOrigin(2)] });
    const cli = await startCli(['--fixtures', file]);
    const lines = (await startupOutput(cli, /^Sign in at /m)).split('\n');
    expect(lines[1]).toMatch(new RegExp(`^API token: ${DEFAULT_TOKEN}\\b`));
    expect(lines).toContain('No users in the fixtures: loaded the default admin admin@example.com and its API token');
    const origins = await listOrigins(cli.url, DEFAULT_TOKEN);
    expect(origins.map((o) => [o.name, o.status, o.createdBy])).toEqual([
      ['App 1', 'ACTIVE', ADMIN_ID],
      ['App 2', 'ACTIVE', ADMIN_ID],
    ]);
  });

  it('names the user actually loaded on the sign-in line, and says nothing about the default admin', async () => {
    const file = write('own-user.json', { users: [{ profile: { login: 'dev@example.com' }, password: 's3cret-fixture', apiTokens: ['dev-token'] }] });
    const cli = await startCli(['--fixtures', file]);
    const output = await startupOutput(cli, /^Sign in at /m);
    expect(output).toContain(`Sign in at ${cli.url}/login/login.htm as dev@example.com with password s3cret-fixture`);
    expect(output).not.toContain('admin@example.com');
    expect(cli.token).toBe('dev-token');
  });

  it('reports a typo in a fixtures directory file name (user.json) on one line, with the other problems', async () => {
    const dir = mkdtempSync(join(tmp, 'dir-'));
    writeFileSync(join(dir, 'user.json'), '[]');
    writeFileSync(join(dir, 'trusted-origins.json'), JSON.stringify([{ ...minimalOrigin(1), colour: 'red' }]));
    writeFileSync(join(dir, 'notes.txt'), 'not a fixture, not reported');
    const line = await oneLineFailure(['--fixtures', dir]);
    expect(line).toContain(dir);
    expect(line).toContain('user.json: unknown fixtures file');
    expect(line).toContain('trustedOrigins[0].colour: unknown key');
    expect(line).not.toContain('notes.txt');
  });

  it('reports every problem of a fixtures file on one line', async () => {
    const file = write('three-problems.json', { trustedOrigins: [{ name: 'A', origin: 'example.com', scopes: [{ type: 'CORS' }], stauts: 'ACTIVE' }], user: [] });
    const line = await oneLineFailure(['--fixtures', file]);
    for (const where of ['trustedOrigins[0].origin', 'trustedOrigins[0].stauts', 'user: unknown key']) expect(line).toContain(where);
  });
});
