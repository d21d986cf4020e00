import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, stopAllClis, type RunningCli } from '../support/cli.js';

/** Sends one raw HTTP/1.1 request and returns the response head exactly as the bytes arrived. */
/** The Link lines of a response head, names lower-cased (header names are case-insensitive; values are kept as sent). */
const linkLines = (head: string) =>
  head
    .split('\r\n')
    .filter((line) => /^link:/i.test(line))
    .map((line) => `link:${line.slice('link:'.length)}`);

function rawResponseHead(cli: RunningCli, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(cli.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\r\n\r\n');
      if (end !== -1) {
        socket.destroy();
        resolve(received.slice(0, end));
      }
    });
    socket.on('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${cli.port}\r\nAuthorization: SSWS ${cli.token}\r\nAccept: application/json\r\nConnection: close\r\n\r\n`);
  });
}

describe('Link header lines on the socket', () => {
  let cli: RunningCli;
  beforeAll(async () => {
    cli = await startCli();
  });
  afterAll(() => stopAllClis());

  it('sends one Link line per relation, self then next, on a paged list', async () => {
    const head = await rawResponseHead(cli, '/api/v1/trustedOrigins?limit=1');
    expect(linkLines(head)).toEqual([
      `link: <${cli.url}/api/v1/trustedOrigins?limit=1>; rel="self"`,
      `link: <${cli.url}/api/v1/trustedOrigins?after=tosue7JvguwJ7U6kz0g3&limit=1>; rel="next"`,
    ]);
  });

  it('sends a single self Link line on the last page', async () => {
    const head = await rawResponseHead(cli, '/api/v1/trustedOrigins?limit=200');
    expect(linkLines(head)).toEqual([`link: <${cli.url}/api/v1/trustedOrigins?limit=200>; rel="self"`]);
  });

  it('keeps the other headers of a paged list on the wire (request id, rate limit, Content-Type, Content-Length)', async () => {
    const head = await rawResponseHead(cli, '/api/v1/trustedOrigins?limit=1');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    for (const name of ['x-okta-request-id', 'x-rate-limit-limit', 'content-type', 'content-length', 'date']) {
      expect(head.toLowerCase()).toContain(`\r\n${name}: `);
    }
  });
});
