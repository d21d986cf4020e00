import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli, stopAllClis, type RunningCli } from '../support/cli.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from '../support/session-flow.js';

const IN_FLIGHT = 50;
const BODY = JSON.stringify({ username: ADMIN_LOGIN, password: ADMIN_PASSWORD });

afterAll(stopAllClis);

interface HeldRequest {
  socket: Socket;
  /** Everything the server sent on this connection so far. */
  received(): string;
  /** Resolves when the server closed the connection. */
  closed: Promise<void>;
}

/**
 * Starts `POST /api/v1/authn` with `Expect: 100-continue` and holds the body
 * back: the server's `100 Continue` proves it has accepted and parsed the
 * request, so it is truly in flight, with no timing guesswork.
 */
async function holdRequest(cli: RunningCli): Promise<HeldRequest> {
  const socket = connect(cli.port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  socket.write(
    `POST /api/v1/authn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${BODY.length}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await new Promise<void>((resolve, reject) => {
    const check = () => (received.startsWith('HTTP/1.1 100 Continue\r\n') ? resolve() : undefined);
    socket.on('data', check);
    socket.once('close', () => reject(new Error(`closed before 100 Continue: ${received}`)));
  });
  return { socket, received: () => received, closed };
}

describe('SIGTERM over a real socket', () => {
  it(`with ${IN_FLIGHT} requests in flight answers every one, refuses new connections, and exits 0`, async () => {
    const cli = await startCli();
    const held = await Promise.all(Array.from({ length: IN_FLIGHT }, () => holdRequest(cli)));
    const exited = cli.stop('SIGTERM');
    // The stop line proves the signal was handled before any body is sent.
    while (!cli.stderr().includes('SIGTERM: finishing requests in flight')) await new Promise((r) => setTimeout(r, 10));
    await expect(fetch(`${cli.url}/api/v1/trustedOrigins`)).rejects.toThrow();

    for (const request of held) request.socket.write(BODY);
    await Promise.all(held.map((request) => request.closed));
    for (const request of held) {
      const answer = request.received().slice('HTTP/1.1 100 Continue\r\n\r\n'.length);
      expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(answer).toContain('"sessionToken":"20111');
    }
    expect(await exited).toBe(0);
    // Only the stop notice: no error, no stack trace.
    expect(cli.stderr()).toBe('okta-mock: SIGTERM: finishing requests in flight, then stopping (send it again to stop at once)\n');
  });

  it('a second SIGTERM while a request is still in flight exits at once with 143', async () => {
    const cli = await startCli();
    await holdRequest(cli);
    void cli.stop('SIGTERM');
    while (!cli.stderr().includes('SIGTERM: finishing requests in flight')) await new Promise((r) => setTimeout(r, 10));
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(143);
  });
});
