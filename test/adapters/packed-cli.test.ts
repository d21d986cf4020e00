import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, startCli, stopAllClis, type CliLocation } from '../support/cli.js';

/**
 * The CLI as it ships: `npm pack` of this checkout (its dist/ is the bundle
 * `npm run build` makes, see the global setup), unpacked into an empty
 * directory with no node_modules anywhere above it. The bundle must carry
 * everything the CLI needs, so it starts there with nothing installed.
 */
const TOKEN = '00okta-mock-default-api-token-for-local-use';
const FIXTURE_ID = 'tosue7JvguwJ7U6kz0g3';
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let tmp: string;
let packed: CliLocation;

function hasNodeModulesAbove(dir: string): boolean {
  for (let at = dir; ; at = join(at, '..')) {
    if (existsSync(join(at, 'node_modules'))) return true;
    if (join(at, '..') === at) return false;
  }
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'okta-mock-packed-'));
  // --ignore-scripts: dist/ is already built; `prepare` would only build it again.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [{ filename }] = JSON.parse(
    execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: REPO_ROOT, encoding: 'utf8' }),
  ) as [{ filename: string }];
  execFileSync('tar', ['-xzf', join(tmp, filename), '-C', tmp]);
  packed = { bin: join(tmp, 'package', 'bin', 'okta-mock.js'), cwd: join(tmp, 'package') };
}, 60_000);
afterEach(async () => {
  await stopAllClis();
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed CLI, unpacked with no dependencies installed', () => {
  it('is the bundle: the package holds dist/src entry files and shared chunks, and no node_modules is reachable', () => {
    expect(hasNodeModulesAbove(packed.cwd!)).toBe(false);
    const files = readdirSync(join(packed.cwd!, 'dist', 'src'));
    expect(files).toEqual(expect.arrayContaining(['cli.js', 'index.js', 'msw.js', 'node.js', 'index.d.ts', 'msw.d.ts', 'node.d.ts']));
    expect(files.some((f) => /^chunk-.*\.js$/.test(f))).toBe(true);
  });

  it('starts and answers GET by id over a real socket with the fixture record', async () => {
    const cli = await startCli([], 10_000, packed);
    const res = await fetch(`${cli.url}/api/v1/trustedOrigins/${FIXTURE_ID}`, {
      headers: { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(FIXTURE_ID);
    expect(await cli.stop('SIGTERM')).toBe(0);
  });

  it('prints usage for --help and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['--help'], 10_000, packed);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: okta-mock \[options\]/);
    expect(stdout).toContain('--fixtures <path>');
    expect(stderr).toBe('');
  });

  it('prints the package version for --version and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['--version'], 10_000, packed);
    expect(code).toBe(0);
    expect(stdout).toBe(`${VERSION}\n`);
    expect(stderr).toBe('');
  });

  it('loads the shipped default fixtures directory through --fixtures', async () => {
    const cli = await startCli(['--fixtures', join(packed.cwd!, 'fixtures')], 10_000, packed);
    const res = await fetch(`${cli.url}/api/v1/trustedOrigins`, { headers: { Authorization: `SSWS ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(3);
  });
});
