/**
 * Write latency against read latency, measured so the host's load cannot
 * tell them apart: one keep-alive connection sends a get by id, then a write,
 * then a get, and so on, timing each request. Both p50s then come from the
 * same seconds. On this project's shared machines a single-connection p50
 * moves by 2× between minutes, so two runs measured one after the other
 * (even back to back) gave ratios from 0.7 to 4 for the same build.
 */
import net from 'node:net';
import { percentiles } from './percentiles.mjs';

/**
 * A bare keep-alive HTTP/1.1 client on one socket: it writes each request as
 * one string and reads the answer by its Content-Length. Node's own http
 * client spends several hundred microseconds per request on this host, which
 * would be most of what is timed and pull every ratio towards 1.
 */
function connection(url) {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port), noDelay: true });
  let buffer = Buffer.alloc(0);
  let waiting;
  socket.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    waiting?.();
  });
  const failed = new Promise((_, reject) => socket.once('error', reject));
  failed.catch(() => {});
  const ready = new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  /** Resolves with the status once a whole answer is in the buffer, and removes it. */
  const answer = () =>
    new Promise((resolve) => {
      waiting = () => {
        const headEnd = buffer.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = buffer.subarray(0, headEnd).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < headEnd + 4 + length) return;
        buffer = buffer.subarray(headEnd + 4 + length);
        waiting = undefined;
        resolve(Number(head.slice(9, 12)));
      };
      waiting();
    });
  return {
    ready,
    async send({ method, path, headers, body = '' }) {
      const lines = [`${method} ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      if (body || method === 'PUT' || method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
      const started = process.hrtime.bigint();
      socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no whole answer to ${method} ${path} within 10 s`)), 10_000);
      });
      const status = await Promise.race([answer(), failed, timeout]).finally(() => clearTimeout(timer));
      return { status, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    },
    close: () => socket.destroy(),
  };
}

/**
 * Alternates `read()` and `write()` requests (each returns { method, path, headers, body? })
 * until `durationS` has passed or `pairs` pairs were sent. Returns the p50s of each kind,
 * their ratio, and how many pairs ran; a non-2xx answer counts in `non2xx` and is not timed.
 */
export async function interleavedLatency({ url, read, write, durationS, pairs = Infinity, warmupPairs = 0 }) {
  const client = connection(url);
  await client.ready;
  const reads = [];
  const writes = [];
  let non2xx = 0;
  try {
    const deadline = performance.now() + durationS * 1000;
    for (let i = 0; i < warmupPairs + pairs && (i < warmupPairs || performance.now() < deadline); i++) {
      const r = await client.send(read());
      const w = await client.send(write());
      if (i < warmupPairs) continue;
      for (const [answer, into] of [
        [r, reads],
        [w, writes],
      ]) {
        if (answer.status >= 200 && answer.status < 300) into.push(answer.ms);
        else non2xx++;
      }
    }
  } finally {
    client.close();
  }
  const readP50 = percentiles(reads).p50;
  const writeP50 = percentiles(writes).p50;
  return {
    pairs: Math.min(reads.length, writes.length),
    non2xx,
    readP50,
    writeP50,
    ratio: readP50 && writeP50 !== null ? Math.round((writeP50 / readP50) * 100) / 100 : null,
  };
}
