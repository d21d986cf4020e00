#!/usr/bin/env node
/**
 * `npm run contract`: runs the contract suite (test/contract/) against every
 * target and prints a parity report: per target and case, whether the answers
 * match the snapshots, with the normalised diff where they differ. Exits
 * non-zero on any difference, schema mismatch or failed test.
 *
 * The real org is a target only with OKTA_ORG_URL, OKTA_API_TOKEN and
 * OKTA_CONTRACT_ALLOW_REAL_ORG=yes. Extra arguments go to vitest. Exit codes: 0 every target
 * matches, 1 differences, 2 org unreachable, 3 token refused, 4 real org asked for but not
 * allowed or incompletely set (see contract-preflight.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preflight } from './contract-preflight.mjs';

const stop = await preflight(process.env);
if (stop) {
  console.error(stop.line);
  process.exit(stop.code);
}

const root = fileURLToPath(new URL('../', import.meta.url));
const vitest = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
const reportDir = mkdtempSync(join(tmpdir(), 'okta-mock-contract-'));
const token = process.env.OKTA_API_TOKEN;

// A recording run only runs the target it records from, so no other target reads half-written snapshots.
const record = process.env.OKTA_CONTRACT_RECORD;
const files =
  record === '1' || record === 'real-org' ? ['test/contract/real-org.test.ts'] : record === 'emulator' ? ['test/contract/emulator-socket.test.ts'] : ['test/contract'];
const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'all', ...files, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OKTA_CONTRACT_REPORT_DIR: reportDir },
});

const lines = [];
const say = (text = '') => lines.push(text);
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const indent = (text, by = '      ') => text.split('\n').map((l) => by + l).join('\n');
const PASSING = new Set(['matches', 'known difference', 'recorded']);
let problems = 0;

say('');
say('══ okta-mock contract parity report ══');
const meta = read(join(root, 'test/contract/__snapshots__/_recorded.json'));
if (meta) say(`snapshots: ${meta.source}, recorded ${meta.recordedAt} against ${meta.against}`);
else say('snapshots: no recording metadata (test/contract/__snapshots__/_recorded.json)');

for (const name of ['emulator-msw', 'emulator-socket', 'real-org']) {
  const report = read(join(reportDir, `${name}.json`));
  say('');
  if (!report) {
    say(`■ ${name}: did not report (filtered out, or the run failed before it ended)`);
    if (!record && !process.argv.slice(2).length) problems++;
    continue;
  }
  if (report.skipped) {
    say(`■ ${name}: SKIPPED — ${report.skipped}`);
    continue;
  }
  const results = report.results;
  const bad = results.filter((r) => !PASSING.has(r.outcome) || r.schemaErrors.length > 0);
  problems += bad.length;
  say(`■ ${name}: ${report.describe}${report.recordedAs ? ` — RECORDING snapshots as "${report.recordedAs}"` : ''}`);
  say(`  ${results.length - bad.length}/${results.length} cases match${bad.length ? `, ${bad.length} differ` : ''}`);
  say(`  known differences: ${report.knownDifferences.length === 0 ? 'none' : ''}`);
  for (const k of report.knownDifferences) say(`    - ${k.case} (${k.paths.join(', ')}): ${k.reason}`);
  for (const r of results) {
    const verdict = r.schemaErrors.length > 0 && PASSING.has(r.outcome) ? 'schema mismatch' : r.outcome;
    const mark = PASSING.has(verdict) ? '✓' : '✗';
    say(`  ${mark} ${verdict.padEnd(16)} ${r.case.padEnd(30)} ${r.operations.join(', ') || '(unknown path)'}`);
    if (r.error) say(indent(r.error));
    for (const e of r.schemaErrors) say(indent(`schema: ${e}`));
    if (r.outcome === 'known difference') for (const reason of r.knownReasons) say(indent(`known: ${reason}`));
    if (r.diff && r.outcome === 'differs') say(indent(`normalised diff (- snapshot [${r.snapshotSource}], + ${name}):\n${r.diff}`));
  }
}

const drift = read(join(reportDir, 'drift.json'));
if (drift) {
  say('');
  say('■ drift check (emulator wrapped in a response-altering layer, one deviation at a time)');
  for (const d of drift) say(`  ✓ caught: ${d.deviation}\n      failing cases: ${d.caughtBy.join(', ')}\n      e.g. ${d.evidence}`);
}

say('');
const failed = run.status !== 0 || problems > 0;
say(failed ? `✗ contract: ${problems} difference(s)${run.status !== 0 ? `, vitest exit ${run.status}` : ''}` : '✓ contract: every target matches its snapshots');
let text = lines.join('\n');
if (token && text.includes(token)) text = text.split(token).join('<token>');
console.log(text);
rmSync(reportDir, { recursive: true, force: true });
process.exit(failed ? run.status || 1 : 0);
