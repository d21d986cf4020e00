#!/usr/bin/env node
/**
 * okta-mock benchmark. Reports numbers; never passes or fails on them.
 *
 *   npm run bench              (builds dist/, then runs this file)
 *   node bench/run.mjs         (uses the dist/ already built)
 *
 * Environment (all optional):
 *   BENCH_DURATION     seconds per measured autocannon run (default 5)
 *   BENCH_WARMUP       seconds of discarded warm-up before each run (default 1; 0 disables)
 *   BENCH_CONNECTIONS  concurrent connections for the throughput runs (default 10)
 *   BENCH_ROUNDS       throughput rounds per endpoint, alternating which server goes first (default 2)
 *   BENCH_SIZES        comma-separated store sizes for the latency runs (default 1000,10000,100000)
 *
 * Everything listens on 127.0.0.1. Each server runs in its own child process
 * (bench/servers/*.mjs), so the load generator (this process) and the server
 * under test do not share an event loop. See bench/README.md.
 */
import { execSync, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { seedId } from './lib/seed.mjs';
import { seededRandom } from '../dist/src/domain/random.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('../.bench-results/', import.meta.url));
const COLLECTION = '/api/v1/trustedOrigins';
const FIXTURE_ID = 'tosue7JvguwJ7U6kz0g3';
const DEFAULT_TOKEN = '00okta-mock-default-api-token-for-local-use';

// ---------------------------------------------------------------- config

function numberFromEnv(name, fallback, { allowZero = false } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

const config = {
  duration: numberFromEnv('BENCH_DURATION', 5),
  warmup: numberFromEnv('BENCH_WARMUP', 1, { allowZero: true }),
  connections: Math.round(numberFromEnv('BENCH_CONNECTIONS', 10)),
  rounds: Math.round(numberFromEnv('BENCH_ROUNDS', 2)),
  sizes: (process.env.BENCH_SIZES ?? '1000,10000,100000')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 0) throw new Error(`BENCH_SIZES: ${JSON.stringify(s)} is not a whole number`);
      return n;
    }),
  /** The extra update measurement is kept short: it is not one of the headline numbers. */
  updateDuration: 0,
};
config.updateDuration = Math.min(config.duration, 2);

// ---------------------------------------------------------------- child processes

const children = new Set();

process.on('exit', () => {
  for (const child of children) child.kill();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill();
    process.exit(130);
  });
}

/** Forks bench/servers/<name>.mjs and resolves with its 'ready' message. */
function startChild(name, env = {}) {
  const script = fileURLToPath(new URL(`./servers/${name}.mjs`, import.meta.url));
  const child = fork(script, [], {
    cwd: ROOT,
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not report ready within 180 s`)), 180_000);
    const onExit = (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready`));
    };
    child.once('exit', onExit);
    child.once('message', (message) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ child, info: message });
    });
  });
}

function ask(child, message, replyType) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${replyType} reply`)), 30_000);
    const onMessage = (reply) => {
      if (reply?.type !== replyType) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(reply);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'close' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- requests

/** The emulator's own seeded generator, so runs pick the same ids. */
const prng = seededRandom;

let createCounter = 0;
const RUN_TAG = Date.now().toString(36);

/**
 * A create body with a name and origin no earlier request used. The counter is
 * zero-padded so every body, and so every response, has the same length.
 */
function uniqueCreateBody() {
  const n = String(createCounter++).padStart(8, '0');
  return JSON.stringify({
    name: `bench ${RUN_TAG} ${n}`,
    origin: `https://c${n}.${RUN_TAG}.bench.example`,
    scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }],
  });
}

function authHeaders(token, extra = {}) {
  return { Authorization: `SSWS ${token}`, Accept: 'application/json', ...extra };
}

/** One request with fetch, to capture a body and check the status. */
async function probe(url, { method = 'GET', headers, body } = {}) {
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`probe ${method} ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  let headerBytes = `HTTP/1.1 ${response.status} ${response.statusText}\r\n`.length + 2;
  response.headers.forEach((value, key) => {
    headerBytes += Buffer.byteLength(`${key}: ${value}\r\n`);
  });
  return { text, bodyBytes: Buffer.byteLength(text), headerBytes };
}

// ---------------------------------------------------------------- load

function percentiles(values) {
  if (values.length === 0) return { n: 0, mean: null, p50: null, p90: null, p99: null, max: null };
  const sorted = Float64Array.from(values).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  let sum = 0;
  for (const v of sorted) sum += v;
  const round = (v) => Math.round(v * 1000) / 1000;
  return {
    n: sorted.length,
    mean: round(sum / sorted.length),
    p50: round(at(50)),
    p90: round(at(90)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1]),
  };
}

/**
 * One autocannon run. `request` is { method, path, headers, body? } or adds
 * `next()` returning per-request overrides ({ path?, body? }).
 * Latencies come from autocannon's 'response' events (milliseconds from
 * process.hrtime, sub-millisecond resolution), 2xx answers only.
 */
async function load({ url, request, connections, duration }) {
  const { next, ...base } = request;
  const spec = { ...base };
  if (next) spec.setupRequest = (req) => ({ ...req, ...next() });
  const instance = autocannon({
    url,
    connections,
    duration,
    requests: [spec],
    timeout: 30,
    renderProgressBar: false,
    renderResultsTable: false,
  });
  const latencies = [];
  const statuses = {};
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const ok = result['2xx'];
  const run = {
    durationS: result.duration,
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    requestsPerSecond: Math.round((ok / result.duration) * 10) / 10,
    wireBytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : null,
    latencyMs: percentiles(latencies),
  };
  // Kept out of the JSON: only combine() reads it.
  Object.defineProperty(run, 'rawLatencies', { value: latencies, enumerable: false });
  return run;
}

/** Several runs of one target as one: summed counts, req/s over the summed time, pooled latencies. */
function combine(runs) {
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  const durationS = sum('durationS');
  const ok = sum('ok');
  const statuses = {};
  for (const run of runs) for (const [code, n] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    durationS,
    requests: sum('requests'),
    ok,
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    statuses,
    requestsPerSecond: Math.round((ok / durationS) * 10) / 10,
    wireBytesPerResponse: runs[0]?.wireBytesPerResponse ?? null,
    latencyMs: percentiles(runs.flatMap((run) => run.rawLatencies)),
    rounds: runs.map((run) => ({ durationS: run.durationS, ok: run.ok, requestsPerSecond: run.requestsPerSecond, latencyMs: run.latencyMs })),
  };
}

function logRun(label, run) {
  const problems = run.non2xx || run.errors || run.timeouts ? `  (non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts})` : '';
  process.stderr.write(`  ${label}: ${run.requestsPerSecond} req/s, p50 ${run.latencyMs.p50} ms${problems}\n`);
}

async function measure(label, options) {
  if (config.warmup > 0) await load({ ...options, duration: config.warmup });
  const run = await load(options);
  logRun(label, run);
  return run;
}

// ---------------------------------------------------------------- phase 1: throughput vs bare Hono

async function throughputPhase() {
  process.stderr.write(`throughput: ${config.connections} connections, ${config.rounds} x ${config.duration} s per server and endpoint\n`);
  const mock = await startChild('okta-mock');
  const bare = await startChild('bare-hono');
  try {
    const token = mock.info.token ?? DEFAULT_TOKEN;
    const headers = authHeaders(token);
    const postHeaders = authHeaders(token, { 'Content-Type': 'application/json' });

    // Capture okta-mock's real answers. The create probe goes first so the
    // list answer (4 records: 3 fixtures + this one) stays the same until the
    // create runs start, which come after the list runs.
    const created = await probe(mock.info.url + COLLECTION, { method: 'POST', headers: postHeaders, body: uniqueCreateBody() });
    const fetched = await probe(`${mock.info.url}${COLLECTION}/${FIXTURE_ID}`, { headers });
    const listed = await probe(mock.info.url + COLLECTION, { headers });
    await ask(bare.child, { type: 'bodies', get: fetched.text, list: listed.text, create: created.text }, 'bodies-set');

    const bareGet = await probe(`${bare.info.url}${COLLECTION}/${FIXTURE_ID}`, { headers });
    const bareList = await probe(bare.info.url + COLLECTION, { headers });
    const bareCreate = await probe(bare.info.url + COLLECTION, { method: 'POST', headers: postHeaders, body: uniqueCreateBody() });

    const scenarios = [
      {
        name: 'get-by-id',
        request: { method: 'GET', path: `${COLLECTION}/${FIXTURE_ID}`, headers },
        probes: { mock: fetched, bare: bareGet },
      },
      {
        name: 'list',
        request: { method: 'GET', path: COLLECTION, headers },
        probes: { mock: listed, bare: bareList },
      },
      {
        name: 'create',
        request: { method: 'POST', path: COLLECTION, headers: postHeaders, next: () => ({ body: uniqueCreateBody() }) },
        probes: { mock: created, bare: bareCreate },
      },
    ];

    const targets = { oktaMock: mock.info.url, bareHono: bare.info.url };
    const results = [];
    for (const scenario of scenarios) {
      const options = { request: scenario.request, connections: config.connections, duration: config.duration };
      const runs = { oktaMock: [], bareHono: [] };
      const warmed = new Set();
      // Alternate which server goes first, so drift on the machine hits both sides alike.
      for (let round = 0; round < config.rounds; round++) {
        for (const key of round % 2 === 0 ? ['oktaMock', 'bareHono'] : ['bareHono', 'oktaMock']) {
          if (config.warmup > 0 && !warmed.has(key)) {
            await load({ ...options, url: targets[key], duration: config.warmup });
            warmed.add(key);
          }
          const run = await load({ ...options, url: targets[key] });
          logRun(`${key} ${scenario.name} round ${round + 1}`, run);
          runs[key].push(run);
        }
      }
      const oktaMock = combine(runs.oktaMock);
      const bareHono = combine(runs.bareHono);
      const ratio = (a, b) => (b ? Math.round((a / b) * 1000) / 1000 : null);
      results.push({
        endpoint: scenario.name,
        method: scenario.request.method,
        path: scenario.request.path,
        bodyBytes: { oktaMock: scenario.probes.mock.bodyBytes, bareHono: scenario.probes.bare.bodyBytes },
        headerBytes: { oktaMock: scenario.probes.mock.headerBytes, bareHono: scenario.probes.bare.headerBytes },
        oktaMock,
        bareHono,
        ratio: ratio(oktaMock.requestsPerSecond, bareHono.requestsPerSecond),
        roundRatios: runs.oktaMock.map((run, i) => ratio(run.requestsPerSecond, runs.bareHono[i].requestsPerSecond)),
      });
    }
    const mockStats = await ask(mock.child, { type: 'stats' }, 'stats');
    const bareStats = await ask(bare.child, { type: 'stats' }, 'stats');
    return {
      connections: config.connections,
      durationS: config.duration,
      rounds: config.rounds,
      results,
      memoryAfter: { oktaMock: mockStats.memory, bareHono: bareStats.memory, oktaMockStoredOrigins: mockStats.count },
    };
  } finally {
    await Promise.all([stopChild(mock.child), stopChild(bare.child)]);
  }
}

// ---------------------------------------------------------------- phase 2: latency vs store size

async function latencyPhase() {
  const results = [];
  for (const size of config.sizes) {
    process.stderr.write(`latency: ${size} seeded origins (sequential, 1 connection, ${config.duration} s per op)\n`);
    const started = Date.now();
    const server = await startChild('okta-mock', { BENCH_SEED_COUNT: String(size) });
    const startupMs = Date.now() - started;
    process.stderr.write(`  seeded ${size} in ${server.info.seedMs.toFixed(0)} ms\n`);
    try {
      const token = server.info.token ?? DEFAULT_TOKEN;
      const headers = authHeaders(token);
      const postHeaders = authHeaders(token, { 'Content-Type': 'application/json' });
      const random = prng(size + 1);
      const pickId = () => (size > 0 ? seedId(Math.floor(random() * size)) : FIXTURE_ID);

      // Check the seeded ids really resolve before timing them.
      await probe(`${server.info.url}${COLLECTION}/${pickId()}`, { headers });

      const base = { url: server.info.url, connections: 1, duration: config.duration };
      const get = await measure(`get-by-id @${size}`, {
        ...base,
        request: { method: 'GET', path: `${COLLECTION}/${FIXTURE_ID}`, headers, next: () => ({ path: `${COLLECTION}/${pickId()}` }) },
      });
      const create = await measure(`create @${size}`, {
        ...base,
        request: { method: 'POST', path: COLLECTION, headers: postHeaders, next: () => ({ body: uniqueCreateBody() }) },
      });
      // Extra, shorter: an update (POST .../lifecycle/activate) on a random seeded record.
      const update = await measure(`update (activate) @${size}`, {
        ...base,
        duration: config.updateDuration,
        request: {
          method: 'POST',
          path: `${COLLECTION}/${FIXTURE_ID}/lifecycle/activate`,
          headers,
          next: () => ({ path: `${COLLECTION}/${pickId()}/lifecycle/activate` }),
        },
      });
      const after = await ask(server.child, { type: 'stats' }, 'stats');
      results.push({
        seeded: size,
        storedAtStart: server.info.count,
        storedAtEnd: after.count,
        seedMs: Math.round(server.info.seedMs * 10) / 10,
        seedMicrosPerRecord: size ? Math.round((server.info.seedMs * 1000) / size * 10) / 10 : null,
        startupMs,
        memoryBeforeSeed: server.info.memoryBeforeSeed,
        memoryAfterSeed: server.info.memory,
        memoryAfterLoad: after.memory,
        getById: get,
        create,
        updateActivate: update,
      });
    } finally {
      await stopChild(server.child);
    }
  }
  return { connections: 1, durationS: config.duration, updateDurationS: config.updateDuration, results };
}

// ---------------------------------------------------------------- output

const pad = (value, width, right = true) => {
  const s = value === null || value === undefined ? '-' : String(value);
  return right ? s.padStart(width) : s.padEnd(width);
};
const mib = (bytes) => (bytes / 1048576).toFixed(1);
const ms = (v) => (v === null ? '-' : v.toFixed(3));
const int = (v) => (v === null ? '-' : Math.round(v).toLocaleString('en-US'));

function table(headers, rows, leftColumns = 1) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '-').length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], i >= leftColumns)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function render(report) {
  const out = [];
  const { throughput, latency } = report;
  out.push(`okta-mock benchmark  ${report.meta.date}  node ${report.meta.node}  ${report.meta.cpus}x ${report.meta.cpuModel}`);
  out.push('');
  out.push(
    `1. Throughput, okta-mock vs bare Hono (@hono/node-server) with the same response body; ` +
      `${throughput.connections} connections, ${throughput.rounds} x ${throughput.durationS} s per server and endpoint, 2xx only`,
  );
  out.push(
    table(
      ['endpoint', 'okta-mock req/s', 'bare req/s', 'ratio', 'per round', 'mock p50/p99 ms', 'bare p50/p99 ms', 'body B', 'hdr B mock/bare', 'non-2xx'],
      throughput.results.map((r) => [
        r.endpoint,
        int(r.oktaMock.requestsPerSecond),
        int(r.bareHono.requestsPerSecond),
        r.ratio === null ? '-' : r.ratio.toFixed(2),
        r.roundRatios.map((x) => (x === null ? '-' : x.toFixed(2))).join(' '),
        `${ms(r.oktaMock.latencyMs.p50)} / ${ms(r.oktaMock.latencyMs.p99)}`,
        `${ms(r.bareHono.latencyMs.p50)} / ${ms(r.bareHono.latencyMs.p99)}`,
        r.bodyBytes.oktaMock === r.bodyBytes.bareHono ? r.bodyBytes.oktaMock : `${r.bodyBytes.oktaMock}/${r.bodyBytes.bareHono}`,
        `${r.headerBytes.oktaMock} / ${r.headerBytes.bareHono}`,
        r.oktaMock.non2xx + r.bareHono.non2xx + r.oktaMock.errors + r.bareHono.errors,
      ]),
    ),
  );
  out.push('');
  out.push(
    `2. Latency vs store size; sequential requests (1 connection), ${latency.durationS} s per op ` +
      `(update: ${latency.updateDurationS} s); random seeded ids; ms`,
  );
  const opRows = [];
  for (const r of latency.results) {
    for (const [name, run] of [
      ['get-by-id', r.getById],
      ['create', r.create],
      ['update*', r.updateActivate],
    ]) {
      opRows.push([
        int(r.seeded),
        name,
        int(run.requestsPerSecond),
        ms(run.latencyMs.p50),
        ms(run.latencyMs.p90),
        ms(run.latencyMs.p99),
        ms(run.latencyMs.max),
        int(run.latencyMs.n),
        run.non2xx + run.errors,
      ]);
    }
  }
  out.push(table(['seeded', 'op', 'req/s', 'p50', 'p90', 'p99', 'max', 'n', 'non-2xx'], opRows, 2));
  out.push('* update = POST /api/v1/trustedOrigins/{id}/lifecycle/activate, an extra measurement beyond the brief.');
  out.push('');
  out.push('3. Seeding and memory of the server child (RSS / heap used after a forced GC)');
  out.push(
    table(
      ['seeded', 'seed ms', 'µs/record', 'RSS before MiB', 'RSS seeded MiB', 'heap seeded MiB', 'RSS after load MiB', 'stored at end'],
      latency.results.map((r) => [
        int(r.seeded),
        r.seedMs.toFixed(0),
        r.seedMicrosPerRecord ?? '-',
        mib(r.memoryBeforeSeed.rss),
        mib(r.memoryAfterSeed.rss),
        mib(r.memoryAfterSeed.heapUsed),
        mib(r.memoryAfterLoad.rss),
        int(r.storedAtEnd),
      ]),
    ),
  );
  out.push('');
  out.push(
    `Throughput servers after their runs: okta-mock RSS ${mib(throughput.memoryAfter.oktaMock.rss)} MiB ` +
      `(${int(throughput.memoryAfter.oktaMockStoredOrigins)} origins), bare Hono RSS ${mib(throughput.memoryAfter.bareHono.rss)} MiB.`,
  );
  return out.join('\n');
}

function gitInfo() {
  try {
    const commit = execSync('git rev-parse HEAD', { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execSync('git status --porcelain', { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- main

try {
  await import('../dist/src/node.js');
} catch (error) {
  console.error('bench: cannot load dist/src/node.js; run `npm run build` first (or use `npm run bench`).');
  console.error(error);
  process.exit(1);
}

const began = Date.now();
const meta = {
  date: new Date().toISOString(),
  node: process.versions.node,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
  totalMemoryMiB: Math.round(os.totalmem() / 1048576),
  git: gitInfo(),
  config,
};
const throughput = await throughputPhase();
const latency = await latencyPhase();
meta.elapsedS = Math.round((Date.now() - began) / 100) / 10;
const report = { meta, throughput, latency };

console.log(render(report));
console.log(`\n(total ${meta.elapsedS} s)`);
await mkdir(RESULTS_DIR, { recursive: true });
await writeFile(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`results written to .bench-results/latest.json`);
