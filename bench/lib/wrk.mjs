/**
 * The C load generator for the throughput section: Debian's `wrk`, when it is
 * installed (the bench installs nothing). Each run writes a small Lua script
 * that sets the request (a unique body per request for creates) and prints
 * the summary as one JSON line, so nothing depends on wrk's table layout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function hasWrk() {
  const result = spawnSync('wrk', ['--version'], { stdio: 'ignore' });
  return result.error === undefined;
}

/** True when `taskset` works and there are at least two cores to keep apart. */
export function canPin() {
  if (os.cpus().length < 2) return false;
  const result = spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/** Pins every thread of a running process to one core. */
export function pinProcess(pid, core) {
  spawnSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
}

const lua = (value) => JSON.stringify(value); // a JSON string is a valid Lua string literal for our ASCII values

function script({ method, path: requestPath, headers, createTag }) {
  const headerLines = Object.entries(headers)
    .map(([name, value]) => `headers[${lua(name)}] = ${lua(value)}`)
    .join('\n');
  const body = createTag
    ? `
local counter = 0
request = function()
  counter = counter + 1
  local n = string.format("%08d", counter)
  local body = '{"name":"bench ' .. ${lua(createTag)} .. ' ' .. n .. '","origin":"https://w' .. n .. '.' .. ${lua(createTag)} .. '.bench.example","scopes":[{"type":"CORS"},{"type":"REDIRECT"}]}'
  return wrk.format(${lua(method)}, ${lua(requestPath)}, headers, body)
end`
    : `
-- Formatted on first use: at load time wrk has not set wrk.host yet (the Host header).
local prepared = nil
request = function()
  if not prepared then prepared = wrk.format(${lua(method)}, ${lua(requestPath)}, headers, nil) end
  return prepared
end`;
  return `local headers = {}
${headerLines}
${body}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"durationUs":%d,"non2xx":%d,"errors":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"meanUs":%f,"maxUs":%d,"bytes":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max, summary.bytes))
end
`;
}

/**
 * One wrk run (1 thread). `core` pins wrk to that core with taskset.
 * Returns the same run shape as the autocannon runs of bench/run.mjs.
 */
export async function wrkRun({ url, request, connections, duration, core }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'okta-mock-wrk-'));
  const file = path.join(dir, 'request.lua');
  writeFileSync(file, script(request));
  const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '30s', '-s', file, url];
  const [command, argv] = core === undefined ? ['wrk', args] : ['taskset', ['-c', String(core), 'wrk', ...args]];
  try {
    const output = await new Promise((resolve, reject) => {
      const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk) => (out += chunk));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}: ${out.slice(0, 500)}`))));
    });
    const line = /^WRKJSON (.*)$/m.exec(output);
    if (!line) throw new Error(`wrk printed no summary: ${output.slice(0, 500)}`);
    const s = JSON.parse(line[1]);
    const durationS = s.durationUs / 1e6;
    const ok = s.requests - s.non2xx;
    const ms = (us) => Math.round(us) / 1000;
    return {
      durationS,
      requests: s.requests,
      ok,
      non2xx: s.non2xx,
      errors: s.errors,
      timeouts: 0,
      statuses: {},
      requestsPerSecond: Math.round((ok / durationS) * 10) / 10,
      wireBytesPerResponse: s.requests ? Math.round(s.bytes / s.requests) : null,
      latencyMs: { n: s.requests, mean: ms(s.meanUs), p50: ms(s.p50Us), p90: ms(s.p90Us), p99: ms(s.p99Us), max: ms(s.maxUs) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
