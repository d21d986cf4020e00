/**
 * Snapshots are the record of truth: one JSON file per case under
 * test/contract/__snapshots__/, saying where it came from, plus
 * `_recorded.json`, saying when and against what the last recording ran.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Observation } from './normalise.js';

export const SNAPSHOT_DIR = fileURLToPath(new URL('../__snapshots__/', import.meta.url));
export const METADATA_FILE = `${SNAPSHOT_DIR}_recorded.json`;

/** `real-org`: recorded from a real org. The other two are honest about being unverified. */
export type SnapshotSource = 'real-org' | 'documentation' | 'emulator-derived, unverified';

export interface Snapshot {
  case: string;
  title: string;
  operations: string[];
  source: SnapshotSource;
  /** Where the expectation comes from: okta-facts.md marks ([W] recorded, [R] read, [I] inferred) and seed examples. */
  evidence: string[];
  recorded: { at: string; against: string };
  observations: Observation[];
}

export interface RecordingMetadata {
  recordedAt: string;
  against: string;
  targetKind: string;
  source: SnapshotSource;
  cases: string[];
  node: string;
  note: string;
}

export const snapshotFile = (id: string) => `${SNAPSHOT_DIR}${id}.json`;

export function readSnapshot(id: string): Snapshot | undefined {
  const file = snapshotFile(id);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Snapshot) : undefined;
}

/** Writes text after making sure no secret is in it (the real org's token). */
export function writeSafely(file: string, text: string): void {
  const token = process.env.OKTA_API_TOKEN;
  if (token && text.includes(token)) throw new Error(`refusing to write ${file}: it would contain the API token`);
  writeFileSync(file, text);
}

export function writeSnapshot(snapshot: Snapshot): void {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  writeSafely(snapshotFile(snapshot.case), `${JSON.stringify(snapshot, null, 2)}\n`);
}

export function writeMetadata(metadata: RecordingMetadata): void {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  writeSafely(METADATA_FILE, `${JSON.stringify(metadata, null, 2)}\n`);
}

/**
 * Paths where two observation lists differ, e.g. `[0].status`,
 * `[1].body._links (key order)`, `[2].headers.access-control-allow-origin`.
 * Key order counts: the org's JSON key order is part of the contract.
 */
export function differingPaths(expected: unknown, actual: unknown, path = ''): string[] {
  if (Object.is(expected, actual)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) out.push(...differingPaths(expected[i], actual[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(expected) && isObject(actual)) {
    const out: string[] = [];
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    for (const key of keys) out.push(...differingPaths(expected[key], actual[key], `${path}.${key}`));
    const common = (o: Record<string, unknown>, other: Record<string, unknown>) => Object.keys(o).filter((k) => k in other);
    if (out.length === 0 && common(expected, actual).join() !== common(actual, expected).join()) out.push(`${path} (key order)`);
    return out;
  }
  return [path || '(root)'];
}

/** A line diff of two JSON texts (`-` snapshot, `+` this target), with two lines of context. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const lines: Array<{ mark: ' ' | '-' | '+'; text: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) lines.push({ mark: ' ', text: a[i++]! }), j++;
    else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) lines.push({ mark: '+', text: b[j++]! });
    else lines.push({ mark: '-', text: a[i++]! });
  }
  const keep = lines.map((line, k) => lines.slice(Math.max(0, k - 2), k + 3).some((l) => l.mark !== ' '));
  const out: string[] = [];
  lines.forEach((line, k) => {
    if (keep[k]) out.push(`${line.mark} ${line.text}`);
    else if (keep[k - 1]) out.push('  …');
  });
  return out.join('\n');
}
