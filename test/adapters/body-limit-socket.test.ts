import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, stopAllClis, type RunningCli } from '../support/cli.js';
import { headerValues, rawRequest } from '../support/raw-http.js';

const HUGE = 500 * 1024 * 1024;
/** Far below the ~2 GB an unbounded server reaches on a 500 MB body, far above an idle node process. */
const RSS_BOUND_KB = 250 * 1024;

let cli: RunningCli;
let storedAtStart: number;
const listOrigins = async () =>
  (await (await fetch(`${cli.url}/api/v1/trustedOrigins?limit=200`, { headers: { Authorization: `SSWS ${cli.token}` } })).json()) as unknown[];
beforeAll(async () => {
  cli = await startCli();
  storedAtStart = (await listOrigins()).length;
});
afterAll(stopAllClis);

/** The server process's peak resident memory so far (VmHWM), in kB. */
function peakRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]);
}

/**
 * Sends `head`, then streams body bytes (never built in memory) until the
 * server answers or closes. Resolves with the answer and how much was sent.
 */
function streamUntilAnswered(head: string, total: number, chunked: boolean): Promise<{ response: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(cli.port, '127.0.0.1');
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const frame = chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk;
    let response = '';
    let sent = 0;
    let stopped = false;
    const finish = () => {
      if (stopped) return;
      stopped = true;
      socket.destroy();
      resolve({ response, sent });
    };
    const pump = () => {
      while (!stopped && response === '' && sent < total) {
        sent += chunk.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
    };
    socket.on('data', (data) => {
      response += data.toString('latin1');
      if (response.includes('\r\n\r\n')) finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (response === '' && error.code !== 'ECONNRESET' && error.code !== 'EPIPE' ? reject(error) : finish()));
    socket.on('close', finish);
    socket.write(head, pump);
  });
}

describe('a 500 MB body over a real socket', () => {
  it('with its Content-Length is refused at once with 400 E0000003 while the server stays under the memory bound', async () => {
    const head =
      `POST /api/v1/trustedOrigins HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: SSWS ${cli.token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${HUGE}\r\n\r\n`;
    const { response, sent } = await streamUntilAnswered(head, HUGE, false);
    expect(response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(response).toMatch(/x-content-type-options: nosniff/i);
    expect(sent).toBeLessThan(HUGE / 4);
    expect(peakRssKb(cli.child.pid!)).toBeLessThan(RSS_BOUND_KB);
  });

  it('sent chunked is cut off once past the limit with 400 E0000003 while the server stays under the memory bound', async () => {
    const head =
      `POST /api/v1/trustedOrigins HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: SSWS ${cli.token}\r\n` +
      `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const { response, sent } = await streamUntilAnswered(head, HUGE, true);
    expect(response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(sent).toBeLessThan(HUGE / 4);
    expect(peakRssKb(cli.child.pid!)).toBeLessThan(RSS_BOUND_KB);
  });

  it('left nothing stored', async () => {
    expect((await listOrigins()).length).toBe(storedAtStart);
  });
});

describe('a client that aborts mid-body over a real socket', () => {
  it('is not logged as an unexpected error: no stack trace on stderr', async () => {
    for (const body of ['{"name":"cut', 'zz\r\nnot chunked framing\r\n']) {
      const chunked = body.startsWith('zz');
      const socket = connect(cli.port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST /api/v1/trustedOrigins HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: SSWS ${cli.token}\r\nContent-Type: application/json\r\n` +
          (chunked ? 'Transfer-Encoding: chunked\r\n\r\n' : 'Content-Length: 1000\r\n\r\n') +
          body,
      );
      await new Promise((resolve) => setImmediate(resolve));
      socket.destroy();
    }
    // A request after the aborted ones is answered: the server handled them and lives on.
    const res = await fetch(`${cli.url}/api/v1/trustedOrigins`, { headers: { Authorization: `SSWS ${cli.token}` } });
    expect(res.status).toBe(200);
    expect(cli.stderr()).not.toMatch(/unexpected error|ECONNRESET|aborted|\n\s+at /);
  });
});

describe('JSON answers over a real socket', () => {
  const cases = [
    { name: 'a 403 E0000005 without a token', path: '/api/v1/trustedOrigins', auth: false, status: '403' },
    { name: 'a 404 E0000007 for an unknown path', path: '/api/v1/nothing-here', auth: true, status: '404' },
    { name: 'a 200 list', path: '/api/v1/trustedOrigins', auth: true, status: '200' },
  ];
  it.each(cases)('send X-Content-Type-Options: nosniff, as Okta does on every answer: $name', async ({ path, auth, status }) => {
    const response = await rawRequest(
      cli.port,
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth ? `Authorization: SSWS ${cli.token}\r\n` : ''}Connection: close\r\n\r\n`,
    );
    expect(response.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(headerValues(response, 'Content-Type')).toEqual(['application/json']);
    expect(headerValues(response, 'X-Content-Type-Options')).toEqual(['nosniff']);
  });
});
