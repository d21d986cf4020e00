#!/usr/bin/env node
// The package as a user gets it: `npm pack`, then one `npm install` of the tarball into a scratch
// project beside the registry's current msw, vitest and typescript (and Node 24 from the `node`
// package), where it runs every README block marked runnable (scripts/readme-blocks.mjs), type-checks
// the TypeScript ones, and starts `npx okta-mock --port 0` from the installed package. Any failure
// exits non-zero, so a README example that stops working fails CI. Reuses the npm cache.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileNameOf, runnableBlocks } from './readme-blocks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'okta-mock-tarball-'));
const project = join(work, 'project');
const keep = process.env.OKTA_MOCK_TARBALL_KEEP === '1';
let lap = Date.now();
const say = (line) => {
  console.log(`tarball-check: ${line} [${((Date.now() - lap) / 1000).toFixed(1)} s]`);
  lap = Date.now();
};
const npmQuiet = ['--no-audit', '--no-fund', '--loglevel=error'];

function fail(message) {
  console.error(`tarball-check: FAILED: ${message}`);
  if (keep) console.error(`tarball-check: scratch project kept at ${project}`);
  else rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 300_000, ...options });
  if (result.status !== 0) {
    fail(`${[command, ...args].join(' ')} exited ${result.status ?? result.signal}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return result.stdout;
}

/**
 * Starts `npx okta-mock` in the scratch project, waits for its listening line, makes one API call,
 * stops it. npx runs the bin under its own process, so both get the signal (a process group) and
 * the check is that the port closes.
 */
async function startInstalledCli(args) {
  const child = spawn('npx', ['--no-install', 'okta-mock', '--port', '0', ...args], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c) => (err += c));
  const exited = new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)));
  const started = Date.now();
  while (!/^API token: \S+/m.test(out) && Date.now() - started < 20_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  const url = /^okta-mock listening on (\S+)$/m.exec(out)?.[1];
  const token = /^API token: (\S+)/m.exec(out)?.[1];
  if (!url || !token) {
    process.kill(-child.pid, 'SIGKILL');
    fail(`npx okta-mock --port 0 ${args.join(' ')} did not print its listening and token lines\nstdout: ${out}\nstderr: ${err}`);
  }
  const res = await fetch(`${url}/api/v1/trustedOrigins`, { headers: { Authorization: `SSWS ${token}`, Accept: 'application/json' } });
  const body = await res.json();
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  if (res.status !== 200 || !Array.isArray(body)) fail(`GET ${url}/api/v1/trustedOrigins answered ${res.status}`);
  let closed = false;
  for (let i = 0; i < 100 && !closed; i++) {
    closed = await fetch(url).then(() => false, () => true);
    if (!closed) await new Promise((r) => setTimeout(r, 50));
  }
  if (!closed) fail(`npx okta-mock still answers at ${url} after SIGTERM`);
  // The one stderr line a clean stop prints is its SIGTERM notice; anything else is a fault.
  const unexpected = err.replace(/^okta-mock: SIGTERM: finishing requests in flight.*\n/m, '');
  if (unexpected.trim()) fail(`npx okta-mock wrote to stderr: ${unexpected}`);
  return { url, origins: body.length, firstLine: out.split('\n')[0] };
}

const started = Date.now();
const blocks = runnableBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
if (blocks.length === 0) fail('README.md has no block marked runnable');

run('npm', ['pack', '--pack-destination', work, ...npmQuiet], { cwd: root });
const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
if (!tarball) fail('npm pack wrote no tarball');
const files = run('tar', ['-tzf', join(work, tarball)]).trim().split('\n');
say(`packed ${tarball} (${files.length} files)`);
for (const needed of ['package/bin/okta-mock.js', 'package/dist/src/index.js', 'package/dist/src/msw.d.ts', 'package/dist/src/node.js', 'package/LICENSE', 'package/schema/fixtures.schema.json']) {
  if (!files.includes(needed)) fail(`the tarball lacks ${needed.slice('package/'.length)}`);
}
if (files.some((f) => f.startsWith('package/test/') || f.startsWith('package/src/'))) fail('the tarball ships test/ or src/');

mkdirSync(project);
writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'okta-mock-scratch', private: true, type: 'module' }, null, 2)}\n`);
writeFileSync(
  join(project, 'tsconfig.json'),
  `${JSON.stringify(
    {
      compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, lib: ['es2023', 'dom'], types: ['node'], skipLibCheck: true },
      include: ['*.ts'],
    },
    null,
    2,
  )}\n`,
);
run('npm', ['install', ...npmQuiet, join(work, tarball), 'msw@latest', 'vitest@latest', 'typescript@latest', '@types/node@^24', 'node@^24'], { cwd: project });
const node = join(project, 'node_modules/node/bin/node');
const version = (pkg) => JSON.parse(readFileSync(join(project, 'node_modules', pkg, 'package.json'), 'utf8')).version;
say(`installed into a scratch project: okta-mock ${version('okta-mock')}, msw ${version('msw')}, vitest ${version('vitest')}, typescript ${version('typescript')}, node ${run(node, ['--version']).trim()}`);
if (!existsSync(join(project, 'node_modules/okta-mock/schema/fixtures.schema.json'))) fail('node_modules/okta-mock/schema/fixtures.schema.json is missing');

for (const block of blocks) writeFileSync(join(project, fileNameOf(block)), block.code);
const ts = blocks.filter((b) => b.language === 'ts');
say(`README.md: ${blocks.length} runnable blocks (${blocks.map((b) => `line ${b.line} ${b.kind}`).join(', ')})`);

run(node, ['node_modules/typescript/bin/tsc', '-p', '.'], { cwd: project });
say(`tsc --noEmit: ${ts.length} TypeScript blocks type-check`);

for (const block of blocks.filter((b) => b.kind === 'script')) {
  run(node, [fileNameOf(block)], { cwd: project, timeout: 60_000 });
  say(`ran README.md line ${block.line} with node`);
}
const tests = blocks.filter((b) => b.kind === 'test');
if (tests.length > 0) {
  const out = run(node, ['node_modules/vitest/vitest.mjs', 'run'], { cwd: project });
  say(`vitest: ${(/Tests\s+(.+)/.exec(out)?.[1] ?? 'passed').trim()} (README.md line ${tests.map((b) => b.line).join(', ')})`);
}

const plain = await startInstalledCli([]);
say(`npx okta-mock --port 0: "${plain.firstLine}", GET /api/v1/trustedOrigins → 200 (${plain.origins} origins), SIGTERM → closed`);
for (const block of blocks.filter((b) => b.kind === 'fixtures')) {
  const withFixtures = await startInstalledCli(['--fixtures', fileNameOf(block)]);
  say(`npx okta-mock --fixtures <README.md line ${block.line}>: GET → 200 (${withFixtures.origins} origins)`);
}

if (!keep) rmSync(work, { recursive: true, force: true });
say(`ok in ${Math.round((Date.now() - started) / 1000)} s`);
