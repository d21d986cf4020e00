import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startCli, stopAllClis } from '../support/cli.js';

/** Runs `node scripts/contract-report.mjs` with only the given contract variables set. */
function runContract(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OKTA_')));
  const child = spawn(process.execPath, ['scripts/contract-report.mjs'], { cwd: REPO_ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

afterAll(async () => {
  await stopAllClis();
});

describe('npm run contract says what went wrong before comparing anything', () => {
  it('exits 2 with one line naming the org when the org cannot be reached', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const { code, stdout, stderr } = await runContract({ OKTA_ORG_URL: url, OKTA_API_TOKEN: 'some-token', OKTA_CONTRACT_ALLOW_REAL_ORG: 'yes' });
    expect(code).toBe(2);
    expect(stderr).toBe(`contract: cannot reach the org at ${url} (ECONNREFUSED); nothing was compared\n`);
    expect(stdout).toBe('');
  });

  it('exits 3 with one line when the org refuses the token (401 E0000011), without printing the token', async () => {
    const cli = await startCli([]);
    const { code, stdout, stderr } = await runContract({ OKTA_ORG_URL: cli.url, OKTA_API_TOKEN: 'wrong-token-value', OKTA_CONTRACT_ALLOW_REAL_ORG: 'yes' });
    expect(code).toBe(3);
    expect(stderr).toBe(
      `contract: the org at ${cli.url} refused OKTA_API_TOKEN (401 E0000011 "Invalid token provided"); check the token and its admin role. Nothing was compared\n`,
    );
    expect(stdout).toBe('');
    expect(stderr + stdout).not.toContain('wrong-token-value');
  });

  it('exits 4 with one line when OKTA_CONTRACT_ALLOW_REAL_ORG=yes is missing, before trying the org', async () => {
    // An unreachable org: had the command sent anything, it would have exited 2.
    const url = `http://127.0.0.1:${await closedPort()}`;
    const { code, stdout, stderr } = await runContract({ OKTA_ORG_URL: url, OKTA_API_TOKEN: 'some-token' });
    expect(code).toBe(4);
    expect(stderr).toBe(
      `contract: OKTA_CONTRACT_ALLOW_REAL_ORG=yes is not set; the suite creates and deletes trusted origins in ${url}, so it needs that opt-in. Nothing was sent\n`,
    );
    expect(stdout).toBe('');
  });

  it('exits 4 with one line when the org URL is given without a token', async () => {
    const { code, stderr } = await runContract({ OKTA_ORG_URL: 'http://127.0.0.1:1' });
    expect(code).toBe(4);
    expect(stderr).toBe('contract: OKTA_API_TOKEN not set, so there is no real org to compare with; nothing was sent\n');
  });
});
