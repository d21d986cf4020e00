import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli, stopAllClis } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'okta-mock-cli-checks-'));
afterAll(async () => {
  await stopAllClis();
  rmSync(scratch, { recursive: true, force: true });
});

describe('okta-mock CLI start-up checks', () => {
  it('refuses a --token with whitespace in one line, without printing it, and exits 1', async () => {
    const { code, stdout, stderr } = await runCli(['--port', '0', '--token', 'a b']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('okta-mock: --token #1 contains whitespace, which "Authorization: SSWS <token>" cannot carry\n');
  });

  it('refuses a FIFO given to --fixtures in one line instead of hanging, and exits 1', async () => {
    const fifo = join(scratch, 'fixtures.fifo');
    execFileSync('mkfifo', [fifo]);
    const { code, stderr } = await runCli(['--port', '0', '--fixtures', fifo]);
    expect(code).toBe(1);
    expect(stderr).toBe(`okta-mock: cannot read fixtures at ${fifo}: not a regular file or a directory\n`);
  });

  it('refuses a fixtures directory whose users.json is a FIFO in one line, and exits 1', async () => {
    const dir = join(scratch, 'fifo-dir');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'users.json')]);
    const { code, stderr } = await runCli(['--port', '0', '--fixtures', dir]);
    expect(code).toBe(1);
    expect(stderr).toBe(`okta-mock: cannot read fixtures at ${join(dir, 'users.json')}: not a regular file\n`);
  });

  it('warns in one line on stderr when --host is not a loopback address', async () => {
    const cli = await startCli(['--host', '0.0.0.0']);
    for (let i = 0; i < 50 && cli.stderr() === ''; i++) await new Promise((r) => setTimeout(r, 10));
    expect(cli.stderr()).toBe(
      'okta-mock: warning: --host 0.0.0.0 is not a loopback address: this org, its well-known API token and the fixture password are reachable from the network\n',
    );
    expect(await cli.stop()).toBe(0);
  });

  it('prints no warning for the default loopback host', async () => {
    const cli = await startCli([]);
    expect(await cli.stop()).toBe(0);
    expect(cli.stderr()).not.toContain('warning');
    expect(cli.stderr()).toBe('okta-mock: SIGTERM: finishing requests in flight, then stopping (send it again to stop at once)\n');
  });
});
