/** The 429 and a fault answer over a real socket, read as the bytes a client gets; a stop that does not wait out a delay. */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';
import { headerValues, rawRequest } from '../support/raw-http.js';

const TOKEN = '00okta-mock-default-api-token-for-local-use';
const TRUSTED_FOR_CORS = 'http://example.com'; // the seed's first origin, ACTIVE with CORS
const ERROR_KEYS = ['errorCode', 'errorSummary', 'errorLink', 'errorId', 'errorCauses'];

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(
    server!.port,
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server!.port}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Connection: close\r\n\r\n`,
  );

/** The headers every Okta answer carries, one line each, as sent. */
function expectOktaHeaderLines(answer: Awaited<ReturnType<typeof get>>) {
  expect(headerValues(answer, 'x-okta-request-id')).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);
  for (const name of ['x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset']) {
    expect(headerValues(answer, name)).toEqual([expect.stringMatching(/^\d+$/)]);
  }
  expect(headerValues(answer, 'date')).toHaveLength(1);
  expect(headerValues(answer, 'content-type')).toEqual(['application/json']);
}

describe('rate limits and faults on the wire', () => {
  it('sends the 429 E0000047 with one X-Rate-Limit-Remaining: 0 line, a Reset, a Date and Okta\'s body', async () => {
    server = await startServer({ port: 0, rateLimit: 1 });
    const auth = { Authorization: `SSWS ${TOKEN}` };
    expect((await get('/api/v1/trustedOrigins', auth)).statusLine).toBe('HTTP/1.1 200 OK');
    const refused = await get('/api/v1/trustedOrigins', auth);
    expect(refused.statusLine).toBe('HTTP/1.1 429 Too Many Requests');
    expectOktaHeaderLines(refused);
    expect(headerValues(refused, 'x-rate-limit-limit')).toEqual(['1']);
    expect(headerValues(refused, 'x-rate-limit-remaining')).toEqual(['0']);
    const reset = Number(headerValues(refused, 'x-rate-limit-reset')[0]);
    const date = Date.parse(headerValues(refused, 'date')[0]!) / 1000;
    expect(reset).toBeGreaterThan(date);
    expect(reset).toBeLessThanOrEqual(date + 60);
    const body = JSON.parse(refused.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(ERROR_KEYS);
    expect(body).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', errorLink: 'E0000047', errorCauses: [] });
  });

  it('sends a fault answer with Okta\'s headers and, on a CORS-enabled endpoint for a trusted origin, the CORS lines', async () => {
    server = await startServer({ port: 0 });
    const rule = server.faults.add({ path: '/api/v1/users/me', status: 503 });
    const answer = await get('/api/v1/users/me', { Origin: TRUSTED_FOR_CORS });
    expect(answer.statusLine).toBe('HTTP/1.1 503 Service Unavailable');
    expectOktaHeaderLines(answer);
    expect(headerValues(answer, 'access-control-allow-origin')).toEqual([TRUSTED_FOR_CORS]);
    expect(headerValues(answer, 'access-control-allow-credentials')).toEqual(['true']);
    expect(JSON.parse(answer.body)).toMatchObject({ errorCode: 'E0000009', errorSummary: 'Internal Server Error' });
    expect(server.requests().at(-1)).toMatchObject({ status: 503, fault: { id: rule.id } });
  });

  it('lets a delayed request go with its real answer when the server stops, instead of waiting out the delay', async () => {
    server = await startServer({ port: 0 });
    server.faults.add({ path: '/.well-known/okta-organization', delayMs: 60_000, times: 1 });
    // fetch, not a raw request: a half-closed raw socket would make the server drop the waiting request.
    const pending = fetch(`${server.url}/.well-known/okta-organization`);
    // The rule is used up once the request has reached it and is waiting.
    while (server.faults.list().length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    server = undefined;
    // Had the stop waited out the delay, its grace period would have cut the connection and fetch would fail.
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toHaveProperty('id');
  });
});
