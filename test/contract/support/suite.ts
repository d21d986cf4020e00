/**
 * The vitest face of the contract suite: one `it` per case, each failing with
 * the normalised diff and the schema errors. The verdicts themselves come from
 * the runner; after the run they are written as a JSON report when
 * OKTA_CONTRACT_REPORT_DIR is set (scripts/contract-report.mjs prints them).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CASES } from '../cases/index.js';
import type { KnownDifference } from './known-differences.js';
import { passed, runCase, type CaseResult } from './runner.js';
import { writeMetadata, writeSafely, type SnapshotSource } from './snapshots.js';
import { createTarget, type TargetKind, type Transport } from './target.js';

export interface TargetReport {
  target: string;
  kind: TargetKind;
  describe?: string;
  skipped?: string;
  recordedAs?: SnapshotSource;
  startedAt: string;
  knownDifferences: KnownDifference[];
  results: CaseResult[];
}

export function writeTargetReport(report: TargetReport): void {
  const dir = process.env.OKTA_CONTRACT_REPORT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeSafely(join(dir, `${report.target}.json`), `${JSON.stringify(report, null, 2)}\n`);
}

/** Which snapshots this target rewrites: a real org with OKTA_CONTRACT_RECORD=1, the socket emulator with =emulator. */
export function recordMode(name: string, kind: TargetKind): SnapshotSource | undefined {
  const mode = process.env.OKTA_CONTRACT_RECORD;
  if (kind === 'real-org' && (mode === '1' || mode === 'real-org')) return 'real-org';
  if (name === 'emulator-socket' && mode === 'emulator') return 'emulator-derived, unverified';
  return undefined;
}

export function failureMessage(r: CaseResult): string {
  const parts = [`${r.case}: ${r.outcome}`];
  if (r.error) parts.push(r.error);
  if (r.schemaErrors.length > 0) parts.push(`schema (contracts/trusted-origins.openapi.yaml):\n  ${r.schemaErrors.join('\n  ')}`);
  if (r.diff) parts.push(`normalised diff (- snapshot ${r.snapshotSource ?? ''}, + this target):\n${r.diff}`);
  return parts.join('\n');
}

export interface SuiteOptions {
  name: string;
  kind: TargetKind;
  transport: () => Transport;
  knownDifferences: KnownDifference[];
  /** When set, the target is shown as skipped with this reason. */
  skipReason?: string;
}

export function defineContractSuite(options: SuiteOptions): void {
  const { name, kind, skipReason } = options;
  const startedAt = new Date().toISOString();
  const base = { target: name, kind, startedAt, knownDifferences: options.knownDifferences };
  if (skipReason !== undefined) {
    writeTargetReport({ ...base, skipped: skipReason, results: [] });
    // Deliberately skipped, with the reason in its name: a target without its variables must show in
    // the run as skipped, never be silently absent. Nothing runs here; the report above says why.
    describe.skip(`contract: ${name} (skipped: ${skipReason})`, () => {
      it(`runs ${CASES.length} cases once the real-org variables are set`, () => {});
    });
    return;
  }
  const record = recordMode(name, kind);
  describe(`contract: ${name}`, () => {
    const target = createTarget(options.transport(), options.knownDifferences);
    const results: CaseResult[] = [];
    beforeAll(() => target.setup(), 60_000);
    afterAll(async () => {
      await target.teardown();
      if (record) {
        writeMetadata({
          recordedAt: new Date().toISOString(),
          against: target.describe(),
          targetKind: kind,
          source: record,
          cases: results.filter((r) => r.outcome === 'recorded').map((r) => r.case),
          node: process.version,
          note:
            record === 'real-org'
              ? 'Recorded from a real org with OKTA_CONTRACT_RECORD=1. The token is never stored.'
              : 'Recorded from the emulator (OKTA_CONTRACT_RECORD=emulator): no real org was available, so these snapshots are unverified. Each snapshot lists its evidence from okta-facts.md.',
        });
      }
      writeTargetReport({
        ...base,
        describe: target.describe(),
        recordedAs: record,
        results,
      });
    }, 60_000);
    for (const kase of CASES) {
      it(`${kase.title} [${kase.id}]`, async () => {
        const result = await runCase(target, kase, { record });
        results.push(result);
        if (!passed(result)) throw new Error(failureMessage(result));
      });
    }
  });
}
