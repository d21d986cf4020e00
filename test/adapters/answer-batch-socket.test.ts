import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';

// The node server hands out each turn's answers together (src/answer-batch.ts): on the socket, every
// answer must still reach its own request, whole and in its connection's order.

/** Writes `requests` on one connection at once (then half-closes it, if asked) and reads until the server closes it. */
function onOneConnection(port: number, requests: string, { halfClose = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(received));
    if (halfClose) socket.end(requests);
    else socket.write(requests);
  });
}

/** Splits a stream of HTTP/1.1 answers by their Content-Length. */
function answersIn(stream: string): Array<{ status: string; requestId: string; body: string }> {
  const answers = [];
  let at = 0;
  while (at < stream.length) {
    const headEnd = stream.indexOf('\r\n\r\n', at);
    const head = stream.slice(at, headEnd);
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
    answers.push({
      status: head.slice(0, head.indexOf('\r\n')),
      requestId: /\r\nx-okta-request-id: (\S+)/i.exec(head)?.[1] ?? '',
      body: stream.slice(headEnd + 4, headEnd + 4 + length),
    });
    at = headEnd + 4 + length;
  }
  return answers;
}

describe('answers handed out together, on the socket', () => {
  let server: RunningServer;
  const request = (method: string, path: string, body?: string, last = false) =>
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: SSWS ${server.token}\r\nAccept: application/json\r\n` +
    (body === undefined ? '' : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`) +
    (last ? 'Connection: close\r\n' : '') +
    `\r\n${body ?? ''}`;
  const createBody = (n: number) => JSON.stringify({ name: `batch ${n}`, origin: `https://batch-${n}.example`, scopes: [{ type: 'CORS' }] });

  beforeAll(async () => {
    server = await startServer({ port: 0, randomSeed: 11 });
  });
  afterAll(() => server.close());

  it('answers pipelined requests on one connection in the order they were sent, each whole', async () => {
    const stream = await onOneConnection(
      server.port,
      request('GET', '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3') +
        request('POST', '/api/v1/trustedOrigins', createBody(0)) +
        request('GET', '/api/v1/trustedOrigins/tosNoSuchOrigin0000', undefined, true),
    );
    const answers = answersIn(stream);
    expect(answers.map((a) => a.status)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
    expect(JSON.parse(answers[0]!.body).id).toBe('tosue7JvguwJ7U6kz0g3');
    expect(JSON.parse(answers[1]!.body).origin).toBe('https://batch-0.example');
    expect(JSON.parse(answers[2]!.body).errorCode).toBe('E0000007');
    expect(new Set(answers.map((a) => a.requestId)).size).toBe(3);
  });

  it('gives each of 40 connections sending at once its own answer', async () => {
    const streams = await Promise.all(
      Array.from({ length: 40 }, (_, i) => onOneConnection(server.port, request('POST', '/api/v1/trustedOrigins', createBody(i + 1), true))),
    );
    const answers = streams.map((stream) => answersIn(stream));
    expect(answers.map((a) => a.length)).toEqual(Array(40).fill(1));
    expect(answers.map((a) => a[0]!.status)).toEqual(Array(40).fill('HTTP/1.1 200 OK'));
    expect(answers.map((a) => JSON.parse(a[0]!.body).origin)).toEqual(Array.from({ length: 40 }, (_, i) => `https://batch-${i + 1}.example`));
    expect(new Set(answers.map((a) => a[0]!.requestId)).size).toBe(40);
  });

  it('answers a client that half-closes right after its requests, then closes (no Connection: close sent)', async () => {
    const requests =
      request('GET', '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3') + request('POST', '/api/v1/trustedOrigins', createBody(100)) + request('GET', '/no/such/path');
    const answers = answersIn(await onOneConnection(server.port, requests, { halfClose: true }));
    expect(answers.map((a) => a.status)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
    expect(JSON.parse(answers[1]!.body).origin).toBe('https://batch-100.example');
  });
});
