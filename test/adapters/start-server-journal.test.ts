import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startServer(): the control API operations without HTTP', () => {
  it('reads the journal with requests() (limit, since) and empties it with clearRequests(), like GET/DELETE /__okta-mock/requests', async () => {
    server = await startServer({ port: 0, randomSeed: 7 });
    const first = await fetch(`${server.url}/api/v1/trustedOrigins`);
    const second = await fetch(`${server.url}/api/v1/users/me`, { headers: { Origin: 'http://127.0.0.1:3000' } });
    expect([first.status, second.status]).toEqual([403, 403]);

    const all = server.requests();
    expect(all.map((e) => [e.path, e.errorCode, e.requestId])).toEqual([
      ['/api/v1/trustedOrigins', 'E0000005', first.headers.get('x-okta-request-id')],
      ['/api/v1/users/me', 'E0000005', second.headers.get('x-okta-request-id')],
    ]);
    expect(server.requests({ limit: 1 })).toEqual([all[1]]);
    expect(server.requests({ since: all[0]!.requestId })).toEqual([all[1]]);

    server.clearRequests();
    expect(server.requests()).toEqual([]);
  });
});
