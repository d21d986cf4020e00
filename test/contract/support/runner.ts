/**
 * Runs contract cases on a target and judges them: each answer is checked
 * against the OpenAPI contract, normalised, and compared with the case's
 * snapshot. Returns results as data (no vitest expectations here), so the
 * drift test can run it on an altered target and read the verdicts.
 */
import { headerLinesOf, type HeaderLine } from './header-lines.js';
import { Normaliser, parseBody, selectHeaders, type Observation } from './normalise.js';
import { checkAgainstContract } from './schema.js';
import { differingPaths, lineDiff, readSnapshot, writeSnapshot, type Snapshot, type SnapshotSource } from './snapshots.js';
import type { RequestOptions, Target } from './target.js';

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON body (or text, or null). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- cases read fields freely; the snapshot judges them
}

export interface CaseContext {
  /** `<run prefix>-<case id>`: every name and origin host of the case starts with it. */
  readonly prefix: string;
  /** `https://<prefix>-<label>.example.com` */
  origin(label: string): string;
  /** `<prefix> <label>` */
  name(label: string): string;
  /** Sends a request and records its answer as the next observation. */
  call(step: string, path: string, options?: RequestOptions): Promise<Answer>;
  /** Sends a request that only prepares the case (not recorded); throws unless the status is `expect`. */
  prepare(path: string, options?: RequestOptions, expect?: number): Promise<Answer>;
}

export interface ContractCase {
  id: string;
  title: string;
  operations: string[];
  evidence: string[];
  run(ctx: CaseContext): Promise<void>;
}

export type Outcome = 'matches' | 'differs' | 'known difference' | 'recorded' | 'no snapshot' | 'error';

export interface CaseResult {
  case: string;
  title: string;
  operations: string[];
  outcome: Outcome;
  snapshotSource?: SnapshotSource;
  schemaErrors: string[];
  differingPaths: string[];
  /** Normalised diff, `-` snapshot, `+` this target. */
  diff?: string;
  knownReasons: string[];
  error?: string;
}

export const passed = (r: CaseResult) => r.schemaErrors.length === 0 && ['matches', 'known difference', 'recorded'].includes(r.outcome);

export interface RunOptions {
  /** Rewrite the snapshot from this run, marked with this source. */
  record?: SnapshotSource;
}

async function answer(response: Response): Promise<{ answer: Answer; text: string; lines: HeaderLine[] }> {
  const lines = headerLinesOf(response);
  const text = await response.text();
  return { text, lines, answer: { status: response.status, headers: response.headers, body: parseBody(text, response.headers.get('content-type')) } };
}

export async function runCase(target: Target, kase: ContractCase, options: RunOptions = {}): Promise<CaseResult> {
  const prefix = `${target.runPrefix}-${kase.id}`;
  const normaliser = new Normaliser(target.orgUrl(), target.runPrefix);
  const observations: Observation[] = [];
  const schemaErrors: string[] = [];
  const result: CaseResult = { case: kase.id, title: kase.title, operations: kase.operations, outcome: 'matches', schemaErrors, differingPaths: [], knownReasons: [] };
  const ctx: CaseContext = {
    prefix,
    origin: (label) => `https://${prefix}-${label}.example.com`,
    name: (label) => `${prefix} ${label}`,
    async call(step, path, init = {}) {
      const method = init.method ?? 'GET';
      const response = await target.fetch(path, init);
      const { answer: got, text, lines } = await answer(response);
      const relative = /^https?:\/\//.test(path) ? path.slice(new URL(path).origin.length) : path;
      schemaErrors.push(...checkAgainstContract({ method, path: relative, status: got.status, headers: got.headers, text }).map((e) => `${step}: ${e}`));
      const origin = init.headers?.Origin;
      // Numbering follows the request, then the body, then the headers (a next link names a listed id).
      const request = { method, path: normaliser.text(relative), ...(origin !== undefined && { origin: normaliser.text(origin) }) };
      const body = normaliser.json(got.body);
      observations.push({ step, request, status: got.status, headers: selectHeaders(lines, normaliser), body });
      return got;
    },
    async prepare(path, init = {}, expect = 200) {
      const { answer: got } = await answer(await target.fetch(path, init));
      if (got.status !== expect) throw new Error(`preparing ${init.method ?? 'GET'} ${path}: expected ${expect}, got ${got.status}`);
      return got;
    },
  };
  try {
    await kase.run(ctx);
  } catch (error) {
    result.outcome = 'error';
    result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } finally {
    await target.cleanup();
  }
  if (result.outcome === 'error') return result;
  const snapshot = readSnapshot(kase.id);
  if (options.record) {
    if (snapshot?.source === 'real-org' && options.record !== 'real-org') {
      result.outcome = 'error';
      result.error = `not overwriting a snapshot recorded from a real org with ${options.record}`;
      return result;
    }
    const fresh: Snapshot = {
      case: kase.id,
      title: kase.title,
      operations: kase.operations,
      source: options.record,
      evidence: kase.evidence,
      recorded: { at: new Date().toISOString(), against: target.describe() },
      observations,
    };
    writeSnapshot(fresh);
    result.outcome = 'recorded';
    result.snapshotSource = options.record;
    return result;
  }
  if (!snapshot) return { ...result, outcome: 'no snapshot', error: `no snapshot ${kase.id}.json; record one (see test/contract/README.md)` };
  result.snapshotSource = snapshot.source;
  const paths = differingPaths(snapshot.observations, observations);
  if (paths.length === 0) return result;
  result.differingPaths = paths;
  result.diff = lineDiff(JSON.stringify(snapshot.observations, null, 2), JSON.stringify(observations, null, 2));
  const known = target.knownDifferences.filter((k) => k.case === kase.id);
  const covers = (path: string, known: string) => path.startsWith(known) || path.replace(/^\[\d+\]/, '[*]').startsWith(known);
  const covered = paths.every((p) => known.some((k) => k.paths.some((prefixPath) => covers(p, prefixPath))));
  result.outcome = covered ? 'known difference' : 'differs';
  if (covered) result.knownReasons = known.map((k) => k.reason);
  return result;
}

/** Runs every case in order; a failing case never stops the others. */
export async function runCases(target: Target, cases: ContractCase[], options: RunOptions = {}): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const kase of cases) results.push(await runCase(target, kase, options));
  return results;
}
