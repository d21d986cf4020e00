#!/usr/bin/env node
// Checks that src/generated/openapi.ts is exactly what `npm run generate` would
// produce from contracts/trusted-origins.openapi.yaml. It regenerates into a
// temporary file with the openapi-typescript CLI installed in node_modules (no
// network), then compares byte for byte.
//
// Usage: node scripts/check-generated.mjs [specPath] [typesPath]
// Both paths are optional and relative to the repository root; the defaults are
// the ones used by `npm run generate`.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = resolve(root, process.argv[2] ?? 'contracts/trusted-origins.openapi.yaml');
const typesPath = resolve(root, process.argv[3] ?? 'src/generated/openapi.ts');
const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
const shown = (p) => relative(root, p) || p;

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (!existsSync(cli)) fail(`openapi-typescript is not installed (looked for ${shown(cli)}); run \`npm ci\` first.`);
if (!existsSync(specPath)) fail(`contract not found: ${shown(specPath)}`);
if (!existsSync(typesPath)) {
  fail(`${shown(typesPath)} is missing. Run \`npm run generate\` and commit the result.`);
}

const tmp = mkdtempSync(join(tmpdir(), 'okta-mock-check-generated-'));
let fresh;
let problem;
try {
  const out = join(tmp, 'openapi.ts');
  // Same working directory and arguments as the `generate` npm script, so any
  // redocly config in the repository is picked up the same way.
  const run = spawnSync(process.execPath, [cli, relative(root, specPath), '-o', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (run.error) problem = `could not run openapi-typescript: ${run.error.message}`;
  else if (run.status !== 0) {
    problem = `openapi-typescript failed on ${shown(specPath)} (exit ${run.status}):\n${run.stderr || run.stdout}`;
  } else fresh = readFileSync(out);
} finally {
  // Clean up before any exit: process.exit() would skip this block.
  rmSync(tmp, { recursive: true, force: true });
}
if (problem !== undefined || fresh === undefined) fail(problem ?? 'openapi-typescript produced no output');

const committed = readFileSync(typesPath);
if (committed.equals(fresh)) {
  console.log('generated types are up to date');
  process.exit(0);
}

// Point at the first difference to make the failure easy to read.
const a = committed.toString('utf8').split('\n');
const b = fresh.toString('utf8').split('\n');
let line = 0;
while (line < a.length && line < b.length && a[line] === b[line]) line += 1;
const lines = [
  `${shown(typesPath)} differs from what ${shown(specPath)} generates (first difference at line ${line + 1}).`,
  `  committed: ${JSON.stringify(a[line] ?? '<end of file>')}`,
  `  expected:  ${JSON.stringify(b[line] ?? '<end of file>')}`,
  'Fix: run `npm run generate` and commit src/generated/openapi.ts (never edit it by hand).',
];
fail(lines.join('\n'));
