import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';
import { createOrg } from '../../src/org.js';
import { rawRequest } from '../support/raw-http.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A request with the lines the org's step reads repeated, in odd case and with whitespace at the ends. */
function oddLines(token: string): string[] {
  return [
    'Origin: http://localhost:8080',
    'oRiGiN: http://b.example',
    `authorization:   SSWS ${token}  `,
    'Cookie: theme=dark',
    'cookie: sid=102notasession',
    'X-OKTA-RETRY-COUNT: 2',
    'x-okta-retry-for: 0123abcd',
  ];
}

describe('the node server reads the headers the org decides on as MSW reads them', () => {
  it('gives the same answer and the same journal entry for repeated, odd-cased lines over a socket as through app.fetch', async () => {
    server = await startServer({ port: 0, randomSeed: 11 });
    const token = server.token!;
    const sent = await rawRequest(server.port, ['GET /api/v1/trustedOrigins HTTP/1.1', 'Host: 127.0.0.1', ...oddLines(token), 'Connection: close', '', ''].join('\r\n'));

    const org = createOrg({ randomSeed: 11 });
    await org.ready;
    const headers = new Headers();
    for (const line of oddLines(token)) {
      const colon = line.indexOf(':');
      headers.append(line.slice(0, colon), line.slice(colon + 1));
    }
    const fetched = await org.app.fetch(new Request(`${server.url}/api/v1/trustedOrigins`, { headers }));

    expect(sent.statusLine).toBe(`HTTP/1.1 ${fetched.status} OK`);
    const [overSocket] = server.requests();
    const [throughFetch] = org.journal.entries();
    const comparable = (entry: typeof overSocket) => ({ ...entry, requestId: undefined, time: undefined, durationMs: undefined });
    expect(comparable(overSocket)).toEqual(comparable(throughFetch));
    expect(overSocket).toMatchObject({ origin: 'http://localhost:8080, http://b.example', auth: 'ssws', retry: { count: 2, for: '0123abcd' } });
  });
});
