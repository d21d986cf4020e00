/**
 * The cold-start section: spawn → first 2xx of a GET by id, and `import()`
 * of each published entry, each in fresh processes, rounds interleaved so
 * machine drift hits every target alike. Medians.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const script = (name) => fileURLToPath(new URL(`../cold/${name}`, import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/okta-mock.js', import.meta.url));

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (v) => Math.round(v * 10) / 10;

/** Spawns `node args…`, waits for its `listening on <url>` line, then asks for `path` until a 2xx. */
async function spawnToFirst2xx(args, path, headers) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: no listening line in 30 s`)), 30_000);
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code} before listening`)));
    });
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url + path, { headers });
      await response.arrayBuffer();
      if (response.ok) return performance.now() - started;
      if (attempt > 100) throw new Error(`${args.join(' ')}: ${path} answered ${response.status}`);
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
}

function importTime(specifiers) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script('import-time.mjs'), ...specifiers], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`import of ${specifiers.join(', ')} failed (${code})`));
      resolve(JSON.parse(out));
    });
  });
}

/**
 * @param {{ rounds: number, path: string, headers: Record<string, string>, log: (line: string) => void }} options
 */
export async function coldStartSection({ rounds, path, headers, log }) {
  const starts = [
    { name: "Node's floor (node:http)", key: 'nodeFloor', args: [script('node-floor.mjs')] },
    { name: 'bare Hono on @hono/node-server', key: 'bareHono', args: [script('bare-hono.mjs')] },
    { name: 'okta-mock CLI (bin/okta-mock.js)', key: 'oktaMock', args: [BIN, '--port', '0'] },
  ];
  const imports = [
    { name: 'nothing (Node itself)', key: 'nothing', specifiers: [] },
    { name: 'hono', key: 'hono', specifiers: ['hono'] },
    { name: 'okta-mock', key: 'oktaMock', specifiers: ['okta-mock'] },
    { name: 'okta-mock/node', key: 'oktaMockNode', specifiers: ['okta-mock/node'] },
    { name: "msw + msw/node", key: 'msw', specifiers: ['msw', 'msw/node'] },
    { name: 'msw + msw/node + okta-mock/msw', key: 'mswPlusOktaMock', specifiers: ['msw', 'msw/node', 'okta-mock/msw'] },
  ];
  const startTimes = Object.fromEntries(starts.map((s) => [s.key, []]));
  const importTimes = Object.fromEntries(imports.map((s) => [s.key, []]));
  /** What importing okta-mock/msw added in the same process, right after msw + msw/node. */
  const mswStep = [];
  // One unmeasured pass warms the file cache for every target.
  for (const s of starts) await spawnToFirst2xx(s.args, path, headers);
  for (const s of imports) await importTime(s.specifiers);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? starts : [...starts].reverse();
    for (const s of order) startTimes[s.key].push(await spawnToFirst2xx(s.args, path, headers));
    const importOrder = round % 2 === 0 ? imports : [...imports].reverse();
    for (const s of importOrder) {
      const { importMs, stepsMs } = await importTime(s.specifiers);
      importTimes[s.key].push(importMs);
      if (s.key === 'mswPlusOktaMock') mswStep.push(stepsMs.at(-1));
    }
    log(`  cold start round ${round + 1}/${rounds}: okta-mock ${round1(startTimes.oktaMock.at(-1))} ms, bare Hono ${round1(startTimes.bareHono.at(-1))} ms`);
  }
  const pairedRatios = startTimes.oktaMock.map((v, i) => v / startTimes.bareHono[i]);
  const pairedMswDelta = importTimes.mswPlusOktaMock.map((v, i) => v - importTimes.msw[i]);
  return {
    rounds,
    start: starts.map((s) => ({ name: s.name, key: s.key, medianMs: round1(median(startTimes[s.key])), samplesMs: startTimes[s.key].map(round1) })),
    startRatioToBareHono: Math.round((median(startTimes.oktaMock) / median(startTimes.bareHono)) * 100) / 100,
    startPairedRatioMedian: Math.round(median(pairedRatios) * 100) / 100,
    imports: imports.map((s) => ({ name: s.name, key: s.key, specifiers: s.specifiers, medianMs: round1(median(importTimes[s.key])), samplesMs: importTimes[s.key].map(round1) })),
    mswImportDeltaMs: round1(median(importTimes.mswPlusOktaMock) - median(importTimes.msw)),
    mswImportPairedDeltaMedianMs: round1(median(pairedMswDelta)),
    mswImportInProcessStepMedianMs: round1(median(mswStep)),
    mswImportInProcessStepSamplesMs: mswStep.map(round1),
  };
}
