#!/usr/bin/env node
/**
 * okta-mock benchmark. Reports numbers; never passes or fails on them.
 *
 *   npm run bench              (builds dist/, then runs this file)
 *   node bench/run.mjs         (uses the dist/ already built)
 *
 * Environment (all optional):
 *   BENCH_DURATION     seconds per measured latency run (default 5)
 *   BENCH_THROUGHPUT_DURATION  seconds per throughput round and server (default 3)
 *   BENCH_WARMUP       seconds of discarded warm-up before each run (default 1; 0 disables)
 *   BENCH_CONNECTIONS  concurrent connections for the throughput runs (default 50)
 *   BENCH_ROUNDS       throughput rounds per endpoint, alternating which server goes first (default 15);
 *                      each round's ratio pairs runs made seconds apart, and the goals are judged by their median
 *   BENCH_SIZES        comma-separated store sizes for the latency runs (default 1000,10000,100000)
 *   BENCH_COLD_ROUNDS  cold-start rounds (fresh processes per target and round; default 9)
 *   BENCH_LOADGEN      `wrk` or `autocannon` for the throughput runs (default: wrk when installed)
 *   BENCH_SECTIONS     comma-separated sections to run: cold, throughput, latency (default all three)
 *
 * Everything listens on 127.0.0.1. Each server runs in its own child process
 * (bench/servers/*.mjs), so the load generator and the server under test do
 * not share an event loop; with two cores or more and `taskset`, the server
 * is pinned to core 0 and the load generator to core 1. See bench/README.md.
 */
import { execSync, fork } from 'node:child_process';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { coldStartSection } from './lib/cold-start.mjs';
import { interleavedLatency } from './lib/interleaved.mjs';
import { percentiles } from './lib/percentiles.mjs';
import { seedId, seededRandom } from './lib/seed.mjs';
import { canPin, hasWrk, pinProcess, wrkRun } from './lib/wrk.mjs';

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

/** Where bare-hono.mjs answers with okta-mock's header lines (the references: see bare-hono.mjs). */
const REFERENCE_PREFIX = '/reference';

const config = {
  duration: numberFromEnv('BENCH_DURATION', 5),
  warmup: numberFromEnv('BENCH_WARMUP', 1, { allowZero: true }),
  connections: Math.round(numberFromEnv('BENCH_CONNECTIONS', 50)),
  coldRounds: Math.round(numberFromEnv('BENCH_COLD_ROUNDS', 9)),
  /** Extra origins in the throughput server, so a list answers a full page of 20. */
  throughputSeed: 100,
  throughputDuration: numberFromEnv('BENCH_THROUGHPUT_DURATION', 3),
  // Many short rounds rather than a few long ones: this host's speed drifts from one minute to the
  // next, and only runs made seconds apart compare like with like. 15, not 7: single rounds spread
  // from 0.54 to 1.04 of bare Hono, and three 7-round runs of the same build within an hour gave
  // get medians of 0.64, 0.70 and 0.73; a median of 15 rounds moves about two thirds as much.
  rounds: Math.round(numberFromEnv('BENCH_ROUNDS', 15)),
  sizes: (process.env.BENCH_SIZES ?? '1000,10000,100000')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 0) throw new Error(`BENCH_SIZES: ${JSON.stringify(s)} is not a whole number`);
      return n;
    }),
  sections: (
    (process.env.BENCH_SECTIONS ?? 'cold,throughput,latency')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        if (!['cold', 'throughput', 'latency'].includes(s)) throw new Error(`BENCH_SECTIONS: ${JSON.stringify(s)} is not cold, throughput or latency`);
        return s;
      })
  ),
  /** The write measurements of the latency section are kept shorter. */
  updateDuration: 0,
  loadGenerator: 'autocannon',
  /** Why the load generator is what it is, for the report. */
  loadGeneratorNote: '',
  pinned: false,
};
config.updateDuration = Math.min(config.duration, 2);
{
  const wanted = process.env.BENCH_LOADGEN?.trim();
  if (wanted && wanted !== 'wrk' && wanted !== 'autocannon') throw new Error(`BENCH_LOADGEN must be wrk or autocannon, got ${JSON.stringify(wanted)}`);
  const wrk = hasWrk();
  config.loadGenerator = wanted === 'autocannon' || !wrk ? 'autocannon' : 'wrk';
  config.loadGeneratorNote =
    config.loadGenerator === 'wrk'
      ? 'wrk (C, 1 thread)'
      : wrk
        ? 'autocannon (BENCH_LOADGEN=autocannon)'
        : 'autocannon: wrk is not installed (apt-get install wrk for the C load generator); autocannon shares the JS runtime and tends to be the limit';
  config.pinned = canPin();
}
const SERVER_CORE = 0;
const LOADGEN_CORE = 1;

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
  if (config.pinned) pinProcess(child.pid, SERVER_CORE);
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
/** A tag per wrk create run (its Lua counter starts again at 1); all the same length. */
let wrkRunCounter = 0;
const runTag = (i) => `${RUN_TAG}${String(i).padStart(3, '0')}`;

/**
 * A create body with a name and origin no earlier request used. The counter is
 * zero-padded so every body, and so every response, has the same length.
 * bench/lib/wrk.mjs builds the same bytes in Lua.
 */
function uniqueCreateBody() {
  const n = String(createCounter++).padStart(8, '0');
  const tag = runTag(0);
  return JSON.stringify({
    name: `bench ${tag} ${n}`,
    origin: `https://w${n}.${tag}.bench.example`,
    scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }],
  });
}

let putCounter = 0;
/** A replacement body with a fresh name and origin, of constant length. */
function uniquePutBody() {
  const n = String(putCounter++).padStart(8, '0');
  return JSON.stringify({ name: `put ${RUN_TAG} ${n}`, origin: `https://p${n}.${RUN_TAG}.bench.example`, scopes: [{ type: 'CORS' }] });
}

function authHeaders(token, extra = {}) {
  return { Authorization: `SSWS ${token}`, Accept: 'application/json', ...extra };
}

/**
 * One request over node:http, to capture a body and the exact header lines
 * (names as sent, one entry per line: a `Headers` object would join the two
 * `Link` lines of a list), and to check the status.
 */
function probe(url, { method = 'GET', headers, body } = {}) {
  return new Promise((resolve, reject) => {
    // Keep-alive, as the load generator's connections are, so the header lines are the ones it gets.
    const request = http.request(url, { method, agent: false, headers: { ...headers, Connection: 'keep-alive' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        request.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== 200) {
          reject(new Error(`probe ${method} ${url} answered ${response.statusCode}: ${text.slice(0, 300)}`));
          return;
        }
        const raw = response.rawHeaders;
        let headerBytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length + 2;
        // The header lines a server of our own may repeat (not those node writes itself), as one
        // plain object in which a repeated name holds its values in order: node writes one line per entry.
        const sentHeaders = {};
        for (let i = 0; i < raw.length; i += 2) {
          const [name, value] = [raw[i], raw[i + 1]];
          headerBytes += Buffer.byteLength(`${name}: ${value}\r\n`);
          if (['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name.toLowerCase())) continue;
          const before = sentHeaders[name];
          sentHeaders[name] = before === undefined ? value : [before, value].flat();
        }
        resolve({ text, bodyBytes: Buffer.byteLength(text), headerBytes, sentHeaders });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

// ---------------------------------------------------------------- load

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}


/**
 * One autocannon run. `request` is { method, path, headers, body? } or adds
 * `next()` returning per-request overrides ({ path?, body? }).
 * Latencies come from autocannon's 'response' events (milliseconds from
 * process.hrtime, sub-millisecond resolution), 2xx answers only.
 */
async function load({ url, request, connections, duration, amount }) {
  const { next, ...base } = request;
  const spec = { ...base };
  if (next) spec.setupRequest = (req) => ({ ...req, ...next() });
  const instance = autocannon({
    url,
    connections,
    ...(amount === undefined ? { duration } : { amount }),
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
    // wrk reports percentiles per run, not samples: then each is the median over the rounds.
    latencyMs: runs.every((run) => run.rawLatencies)
      ? percentiles(runs.flatMap((run) => run.rawLatencies))
      : Object.fromEntries(
          ['n', 'mean', 'p50', 'p90', 'p99', 'max'].map((k) => [k, k === 'n' ? runs.reduce((t, r) => t + r.latencyMs.n, 0) : medianOf(runs.map((r) => r.latencyMs[k]))]),
        ),
    rounds: runs.map((run) => ({ durationS: run.durationS, ok: run.ok, requestsPerSecond: run.requestsPerSecond, latencyMs: run.latencyMs })),
  };
}

function logRun(label, run) {
  const problems = run.non2xx || run.errors || run.timeouts ? `  (non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts})` : '';
  process.stderr.write(`  ${label}: ${run.requestsPerSecond} req/s, p50 ${run.latencyMs.p50} ms${problems}\n`);
}

async function measure(label, options, { warmup = true } = {}) {
  if (warmup && config.warmup > 0) await load({ ...options, duration: config.warmup });
  const run = await load(options);
  logRun(label, run);
  return run;
}

// ---------------------------------------------------------------- phase 1: throughput vs bare Hono

/** One throughput run with the chosen load generator. */
function throughputRun({ url, request, connections, duration }) {
  if (config.loadGenerator === 'autocannon') {
    const { create, ...rest } = request;
    return load({ url, request: rest, connections, duration });
  }
  return wrkRun({
    url,
    request: {
      method: request.method,
      path: request.path,
      headers: request.headers,
      createTag: request.create ? runTag(++wrkRunCounter) : undefined,
    },
    connections,
    duration,
    core: config.pinned ? LOADGEN_CORE : undefined,
  });
}

/** The machine's CPU time so far, all of it and what the hypervisor took (steal); undefined where /proc/stat is not there. */
function cpuTimes() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

async function throughputPhase() {
  process.stderr.write(
    `throughput: ${config.loadGeneratorNote}, ${config.connections} connections, ${config.rounds} x ${config.throughputDuration} s per server and endpoint` +
      `${config.pinned ? `, server on core ${SERVER_CORE}, load generator on core ${LOADGEN_CORE}` : ', not pinned'}\n`,
  );
  const mock = await startChild('okta-mock', { BENCH_SEED_COUNT: String(config.throughputSeed) });
  const bare = await startChild('bare-hono');
  const cpuAtStart = cpuTimes();
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
    await ask(
      bare.child,
      {
        type: 'bodies',
        get: fetched.text,
        list: listed.text,
        create: created.text,
        referenceHeaders: { get: fetched.sentHeaders, list: listed.sentHeaders, create: created.sentHeaders },
      },
      'bodies-set',
    );

    const bareGet = await probe(`${bare.info.url}${COLLECTION}/${FIXTURE_ID}`, { headers });
    const bareList = await probe(bare.info.url + COLLECTION, { headers });
    const bareCreate = await probe(bare.info.url + COLLECTION, { method: 'POST', headers: postHeaders, body: uniqueCreateBody() });
    const referenceGet = await probe(`${bare.info.url}${REFERENCE_PREFIX}${COLLECTION}/${FIXTURE_ID}`, { headers });
    const referenceList = await probe(bare.info.url + REFERENCE_PREFIX + COLLECTION, { headers });
    const referenceCreate = await probe(bare.info.url + REFERENCE_PREFIX + COLLECTION, { method: 'POST', headers: postHeaders, body: uniqueCreateBody() });

    const scenarios = [
      {
        name: 'get-by-id',
        request: { method: 'GET', path: `${COLLECTION}/${FIXTURE_ID}`, headers },
        probes: { mock: fetched, bare: bareGet, reference: referenceGet },
        referencePath: `${REFERENCE_PREFIX}${COLLECTION}/${FIXTURE_ID}`,
      },
      {
        name: 'list',
        request: { method: 'GET', path: COLLECTION, headers },
        probes: { mock: listed, bare: bareList, reference: referenceList },
        referencePath: REFERENCE_PREFIX + COLLECTION,
      },
      {
        name: 'create',
        request: { method: 'POST', path: COLLECTION, headers: postHeaders, next: () => ({ body: uniqueCreateBody() }), create: true },
        probes: { mock: created, bare: bareCreate, reference: referenceCreate },
        referencePath: REFERENCE_PREFIX + COLLECTION,
      },
    ];

    const targets = { oktaMock: mock.info.url, bareHono: bare.info.url };
    const results = [];
    for (const scenario of scenarios) {
      const options = { request: scenario.request, connections: config.connections, duration: config.throughputDuration };
      const runs = { oktaMock: [], bareHono: [], reference: [] };
      const keys = ['oktaMock', 'bareHono', 'reference'];
      const optionsOf = (key) =>
        key === 'reference' ? { ...options, url: targets.bareHono, request: { ...scenario.request, path: scenario.referencePath } } : { ...options, url: targets[key] };
      const warmed = new Set();
      // Alternate which server goes first, so drift on the machine hits both sides alike.
      for (let round = 0; round < config.rounds; round++) {
        for (const key of round % 2 === 0 ? keys : [...keys].reverse()) {
          if (config.warmup > 0 && !warmed.has(key)) {
            await throughputRun({ ...optionsOf(key), duration: config.warmup });
            warmed.add(key);
          }
          const run = await throughputRun(optionsOf(key));
          logRun(`${key} ${scenario.name} round ${round + 1}`, run);
          runs[key].push(run);
        }
      }
      const oktaMock = combine(runs.oktaMock);
      const bareHono = combine(runs.bareHono);
      const rounded = (v) => Math.round(v * 1000) / 1000;
      const ratio = (a, b) => (b ? rounded(a / b) : null);
      const medianRatio = (ratios) => (ratios.includes(null) ? null : rounded(medianOf(ratios)));
      const roundRatios = runs.oktaMock.map((run, i) => ratio(run.requestsPerSecond, runs.bareHono[i].requestsPerSecond));
      const referenceRoundRatios = runs.reference.map((run, i) => ratio(run.requestsPerSecond, runs.bareHono[i].requestsPerSecond));
      const againstReferenceRatios = runs.oktaMock.map((run, i) => ratio(run.requestsPerSecond, runs.reference[i].requestsPerSecond));
      results.push({
        endpoint: scenario.name,
        method: scenario.request.method,
        path: scenario.request.path,
        bodyBytes: { oktaMock: scenario.probes.mock.bodyBytes, bareHono: scenario.probes.bare.bodyBytes },
        headerBytes: { oktaMock: scenario.probes.mock.headerBytes, bareHono: scenario.probes.bare.headerBytes },
        oktaMock,
        bareHono,
        // Of all requests over all rounds: slow minutes of either server weigh in.
        ratio: ratio(oktaMock.requestsPerSecond, bareHono.requestsPerSecond),
        roundRatios,
        // The goal's measure: the median of the rounds' paired ratios.
        pairedRatio: medianRatio(roundRatios),
        reference: combine(runs.reference),
        referenceRoundRatios,
        referencePairedRatio: medianRatio(referenceRoundRatios),
        againstReferencePairedRatio: medianRatio(againstReferenceRatios),
        referenceHeaderBytes: scenario.probes.reference.headerBytes,
      });
    }
    const mockStats = await ask(mock.child, { type: 'stats' }, 'stats');
    const bareStats = await ask(bare.child, { type: 'stats' }, 'stats');
    const cpuAtEnd = cpuTimes();
    return {
      stealShare: cpuAtStart && cpuAtEnd && cpuAtEnd.total > cpuAtStart.total ? (cpuAtEnd.steal - cpuAtStart.steal) / (cpuAtEnd.total - cpuAtStart.total) : undefined,
      connections: config.connections,
      durationS: config.throughputDuration,
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
      const getRequest = { method: 'GET', path: `${COLLECTION}/${FIXTURE_ID}`, headers, next: () => ({ path: `${COLLECTION}/${pickId()}` }) };
      const get = await measure(`get-by-id @${size}`, { ...base, request: getRequest });
      const page = await measure(`page-20 @${size}`, {
        ...base,
        duration: config.updateDuration,
        request: { method: 'GET', path: COLLECTION, headers, next: () => ({ path: `${COLLECTION}?after=${pickId()}&limit=20` }) },
      });
      const create = await measure(`create @${size}`, {
        ...base,
        request: { method: 'POST', path: COLLECTION, headers: postHeaders, next: () => ({ body: uniqueCreateBody() }) },
      });
      // Each write's ratio to a get comes from gets and writes sent alternately on one connection
      // (bench/lib/interleaved.mjs), after the write's own run has warmed it up.
      const readRequest = () => ({ method: 'GET', path: `${COLLECTION}/${pickId()}`, headers });
      const againstGets = async (label, write, options = {}) => {
        const result = await interleavedLatency({ url: server.info.url, read: readRequest, write, durationS: config.updateDuration, ...options });
        process.stderr.write(`  ${label} @${size} alternating with gets: ${result.pairs} pairs, p50 ${result.writeP50?.toFixed(3)} vs get ${result.readP50?.toFixed(3)} ms (x${result.ratio}), non-2xx ${result.non2xx}\n`);
        return result;
      };
      const putRequest = () => ({ path: `${COLLECTION}/${pickId()}`, body: uniquePutBody() });
      const put = await measure(`put @${size}`, {
        ...base,
        duration: config.updateDuration,
        request: { method: 'PUT', path: `${COLLECTION}/${FIXTURE_ID}`, headers: postHeaders, next: putRequest },
      });
      const putVsGet = await againstGets('put', () => ({ method: 'PUT', headers: postHeaders, ...putRequest() }));
      const deactivatePath = () => `${COLLECTION}/${pickId()}/lifecycle/deactivate`;
      const deactivate = await measure(`deactivate @${size}`, {
        ...base,
        duration: config.updateDuration,
        request: { method: 'POST', path: `${COLLECTION}/${FIXTURE_ID}/lifecycle/deactivate`, headers, next: () => ({ path: deactivatePath() }) },
      });
      const deactivateVsGet = await againstGets('deactivate', () => ({ method: 'POST', path: deactivatePath(), headers }));
      // Each delete needs a record of its own. The stride (7919 is prime, so it visits each seeded
      // id once) is cut into the measured run's ids, then the warm-up's, then the alternating run's.
      const deletes = size > 0 ? Math.min(Math.floor(size / 2), 2000) : 0;
      const warmDeletes = deletes > 0 && config.warmup > 0 ? Math.min(500, Math.floor((size - deletes) / 2)) : 0;
      const alternatingDeletes = Math.min(2000, size - deletes - warmDeletes);
      let nextDelete = 0;
      const deletePath = () => `${COLLECTION}/${seedId((nextDelete++ * 7919) % size)}`;
      let remove = null;
      let deleteVsGet = null;
      if (deletes > 0) {
        nextDelete = deletes;
        if (warmDeletes > 0) {
          await load({ ...base, amount: warmDeletes, request: { method: 'DELETE', path: `${COLLECTION}/${seedId(0)}`, headers, next: () => ({ path: deletePath() }) } });
        }
        nextDelete = 0;
        remove = await measure(
          `delete @${size}`,
          { ...base, amount: deletes, request: { method: 'DELETE', path: `${COLLECTION}/${seedId(0)}`, headers, next: () => ({ path: deletePath() }) } },
          { warmup: false },
        );
        nextDelete = deletes + warmDeletes;
        if (alternatingDeletes > 0) {
          // The gets here read records no delete reaches: the stride's remaining ids, or the fixture.
          const untouched = deletes + warmDeletes + alternatingDeletes;
          const readUntouched = () => ({
            method: 'GET',
            path: `${COLLECTION}/${untouched < size ? seedId(((untouched + Math.floor(random() * (size - untouched))) * 7919) % size) : FIXTURE_ID}`,
            headers,
          });
          deleteVsGet = await againstGets('delete', () => ({ method: 'DELETE', path: deletePath(), headers }), {
            read: readUntouched,
            durationS: Infinity,
            pairs: alternatingDeletes,
          });
        }
      }
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
        page20: page,
        create,
        put,
        deactivate,
        delete: remove,
        /** Each write alternating with gets on one connection: both p50s and their ratio (the goal is <= 3). */
        writeVsGet: { put: putVsGet, deactivate: deactivateVsGet, delete: deleteVsGet },
      });
    } finally {
      await stopChild(server.child);
    }
  }
  return { connections: 1, durationS: config.duration, updateDurationS: config.updateDuration, loadGenerator: 'autocannon', results };
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

const fixed = (v, digits = 2) => (v === null || v === undefined ? '-' : v.toFixed(digits));
/** A difference with its sign, `+28.1` or `-19.4`. */
const signed = (v, digits = 1) => (v === null || v === undefined ? '-' : `${v < 0 ? '' : '+'}${v.toFixed(digits)}`);

function renderColdStart(cold) {
  const out = [];
  const floor = cold.start.find((r) => r.key === 'nodeFloor');
  const bare = cold.start.find((r) => r.key === 'bareHono');
  out.push(`0a. Cold start: spawn -> first 2xx of GET /api/v1/trustedOrigins/{id}; medians of ${cold.rounds} fresh processes per target, rounds interleaved`);
  out.push(
    table(
      ['target', 'median ms', 'x bare Hono', 'over Node floor ms', 'samples ms'],
      cold.start.map((r) => [
        r.name,
        fixed(r.medianMs, 0),
        fixed(r.medianMs / bare.medianMs),
        fixed(r.medianMs - floor.medianMs, 0),
        r.samplesMs.map((v) => v.toFixed(0)).join(' '),
      ]),
    ),
  );
  out.push(`okta-mock / bare Hono: ${fixed(cold.startRatioToBareHono)} (of medians), ${fixed(cold.startPairedRatioMedian)} (median of per-round ratios); goal <= 1.50`);
  out.push('');
  const nothing = cold.imports.find((r) => r.key === 'nothing');
  out.push(`0b. import() in a fresh process (ms from just before the first import); medians of ${cold.rounds}`);
  out.push(
    table(
      ['specifiers', 'median ms', 'samples ms'],
      cold.imports.map((r) => [r.specifiers.length ? r.specifiers.join(' + ') : r.name, fixed(r.medianMs, 1), r.samplesMs.map((v) => v.toFixed(0)).join(' ')]),
      1,
    ),
  );
  out.push(
    `okta-mock/msw over msw + msw/node: ${signed(cold.mswImportInProcessStepMedianMs)} ms imported right after them in the same process ` +
      `(samples ${cold.mswImportInProcessStepSamplesMs.map((v) => v.toFixed(0)).join(' ')}); goal <= +60 ms`,
  );
  out.push(
    `  across processes: ${signed(cold.mswImportDeltaMs)} ms (of medians), ${signed(cold.mswImportPairedDeltaMedianMs)} ms (median of per-round differences)` +
      (nothing ? `; an empty import costs ${fixed(nothing.medianMs, 1)} ms` : ''),
  );
  return out;
}

function renderThroughput(throughput, meta) {
  const out = [];
  out.push(
    `1. Throughput, okta-mock vs bare Hono (@hono/node-server) with the same response body; ${meta.config.loadGeneratorNote}; ` +
      `${throughput.connections} connections, ${throughput.rounds} x ${throughput.durationS} s per server and endpoint, 2xx only; ` +
      (meta.config.pinned ? `server pinned to core ${SERVER_CORE}, load generator to core ${LOADGEN_CORE}` : 'not pinned (taskset missing or one core)'),
  );
  const goals = { 'get-by-id': 0.7, list: 0.7, create: 0.5 };
  out.push(
    table(
      ['endpoint', 'okta-mock req/s', 'bare req/s', 'ratio of all', 'paired median', 'goal', 'per round', 'mock p50/p99 ms', 'bare p50/p99 ms', 'body B', 'hdr B mock/bare', 'non-2xx'],
      throughput.results.map((r) => [
        r.endpoint,
        int(r.oktaMock.requestsPerSecond),
        int(r.bareHono.requestsPerSecond),
        fixed(r.ratio),
        fixed(r.pairedRatio),
        `>= ${goals[r.endpoint] ?? '-'}`,
        r.roundRatios.map((x) => fixed(x)).join(' '),
        `${ms(r.oktaMock.latencyMs.p50)} / ${ms(r.oktaMock.latencyMs.p99)}`,
        `${ms(r.bareHono.latencyMs.p50)} / ${ms(r.bareHono.latencyMs.p99)}`,
        r.bodyBytes.oktaMock === r.bodyBytes.bareHono ? r.bodyBytes.oktaMock : `${r.bodyBytes.oktaMock}/${r.bodyBytes.bareHono}`,
        `${r.headerBytes.oktaMock} / ${r.headerBytes.bareHono}`,
        r.oktaMock.non2xx + r.bareHono.non2xx + r.oktaMock.errors + r.bareHono.errors,
      ]),
    ),
  );
  out.push(
    "References: bare Hono answering with okta-mock's header lines (a fresh request id and Date each time, as one plain header object, " +
      "node-server's fast path); for get and list the same fixed body, for create a minimal store (the body parsed into a Map, the record's JSON answered; no validation, journal or indexes).",
  );
  out.push(
    table(
      ['reference', 'req/s', 'x bare (paired median)', 'per round', 'hdr B', 'okta-mock x reference (paired median)'],
      throughput.results.map((r) => [
        r.endpoint,
        int(r.reference.requestsPerSecond),
        fixed(r.referencePairedRatio),
        r.referenceRoundRatios.map((x) => fixed(x)).join(' '),
        r.referenceHeaderBytes,
        fixed(r.againstReferencePairedRatio),
      ]),
    ),
  );
  out.push(
    "The goals are judged by the paired median: each round runs the three servers seconds apart, and the median of the rounds' ratios " +
      "leaves out the minutes in which the host was slow for one of them. 'Ratio of all' divides all requests by all seconds.",
  );
  if (throughput.stealShare !== undefined) {
    out.push(`CPU time the hypervisor took from this machine during the throughput runs (steal, /proc/stat): ${fixed(100 * throughput.stealShare, 1)}%.`);
  }
  out.push(
    `Throughput servers after their runs: okta-mock RSS ${mib(throughput.memoryAfter.oktaMock.rss)} MiB ` +
      `(${int(throughput.memoryAfter.oktaMockStoredOrigins)} origins), bare Hono RSS ${mib(throughput.memoryAfter.bareHono.rss)} MiB.`,
  );
  return out;
}

function renderLatency(latency) {
  const out = [];
  out.push(
    `2. Latency vs store size; sequential requests (1 connection, autocannon), ${latency.durationS} s per read and create ` +
      `(page-20, put, deactivate: ${latency.updateDurationS} s; delete: a fixed count of distinct records), random seeded ids; ms. "x get": each write sent alternately with gets by id on one connection, ${latency.updateDurationS} s (delete: up to 2,000 pairs), write p50 over get p50`,
  );
  const opRows = [];
  for (const r of latency.results) {
    for (const [name, run, vsGet] of [
      ['get-by-id', r.getById],
      ['page-20', r.page20],
      ['create', r.create],
      ['put', r.put, r.writeVsGet.put],
      ['deactivate', r.deactivate, r.writeVsGet.deactivate],
      ['delete', r.delete, r.writeVsGet.delete],
    ]) {
      if (!run) continue;
      opRows.push([
        int(r.seeded),
        name,
        int(run.requestsPerSecond),
        ms(run.latencyMs.p50),
        vsGet ? `${ms(vsGet.writeP50)} / ${ms(vsGet.readP50)} (${int(vsGet.pairs)})` : '',
        vsGet ? `${fixed(vsGet.ratio)} (<= 3)` : '',
        ms(run.latencyMs.p90),
        ms(run.latencyMs.p99),
        ms(run.latencyMs.max),
        int(run.latencyMs.n),
        run.non2xx + run.errors,
      ]);
    }
  }
  out.push(table(['seeded', 'op', 'req/s', 'p50', 'alternating p50 write / get (pairs)', 'x get', 'p90', 'p99', 'max', 'n', 'non-2xx'], opRows, 2));
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
  return out;
}

function render(report) {
  const out = [];
  const { meta } = report;
  out.push(`okta-mock benchmark  ${meta.date}  node ${meta.node}  ${meta.cpus}x ${meta.cpuModel}`);
  out.push(`machine load (1/5/15 min) at start ${meta.loadAverage.start.join(' ')}, at end ${meta.loadAverage.end?.join(' ') ?? '-'}`);
  for (const [name, section, draw] of [
    ['cold start', report.coldStart, renderColdStart],
    ['throughput', report.throughput, renderThroughput],
    ['latency', report.latency, renderLatency],
  ]) {
    out.push('');
    if (section?.error) out.push(`${name}: not measured (${section.error})`);
    else if (section) out.push(...draw(section, meta));
  }
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
  loadAverage: { start: os.loadavg().map((v) => Math.round(v * 100) / 100) },
  config,
};
/** A section that throws is reported as not measured; the bench goes on and still exits 0. */
async function section(name, run) {
  try {
    return await run();
  } catch (error) {
    process.stderr.write(`bench: ${name} failed: ${error?.stack ?? error}\n`);
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

const coldStart = config.sections.includes('cold')
  ? await section('cold start', () =>
      coldStartSection({
        rounds: config.coldRounds,
        path: `${COLLECTION}/${FIXTURE_ID}`,
        headers: authHeaders(DEFAULT_TOKEN),
        log: (line) => process.stderr.write(`${line}\n`),
      }),
    )
  : undefined;
// From here on this process is the load generator (autocannon); the server children are re-pinned as they start.
if (config.pinned) pinProcess(process.pid, LOADGEN_CORE);
const throughput = config.sections.includes('throughput') ? await section('throughput', throughputPhase) : undefined;
const latency = config.sections.includes('latency') ? await section('latency', latencyPhase) : undefined;
meta.elapsedS = Math.round((Date.now() - began) / 100) / 10;
meta.loadAverage.end = os.loadavg().map((v) => Math.round(v * 100) / 100);
const report = { meta, coldStart, throughput, latency };

console.log(render(report));
console.log(`\n(total ${meta.elapsedS} s)`);
await mkdir(RESULTS_DIR, { recursive: true });
await writeFile(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`results written to .bench-results/latest.json`);
