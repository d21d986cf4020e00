/**
 * okta-mock in its own process, for bench/run.mjs (started with child_process.fork).
 *
 * env BENCH_SEED_COUNT: how many extra trusted origins to insert after the
 * fixtures (default 0). Reports over IPC:
 *   { type: 'ready', url, token, seedCount, seedMs, count, memory }
 * and answers { type: 'stats' } with { type: 'stats', count, memory }
 * (memory is taken after a full GC when node runs with --expose-gc).
 */
import { startServer } from '../../dist/src/node.js';
import { seedRecord } from '../lib/seed.mjs';

const seedCount = Number(process.env.BENCH_SEED_COUNT ?? 0);

function memory() {
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}

const server = await startServer({ port: 0, host: '127.0.0.1', randomSeed: 1 });
const memoryBeforeSeed = memory();

const started = process.hrtime.bigint();
for (let i = 0; i < seedCount; i++) await server.store.trustedOrigins.insert(seedRecord(i));
const seedMs = Number(process.hrtime.bigint() - started) / 1e6;

process.send({
  type: 'ready',
  url: server.url,
  token: server.token,
  seedCount,
  seedMs,
  count: server.store.trustedOrigins.count(),
  memoryBeforeSeed,
  memory: memory(),
});

process.on('message', (message) => {
  if (message?.type === 'stats') {
    process.send({ type: 'stats', count: server.store.trustedOrigins.count(), memory: memory() });
  } else if (message?.type === 'close') {
    server.close().finally(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
