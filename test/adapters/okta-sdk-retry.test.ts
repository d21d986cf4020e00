/**
 * The official Okta Node SDK's own 429 retry against startServer({ rateLimit })
 * over a real socket. The org's clock is the test's: it stands one second
 * before the window ends when the SDK is refused, and moves past the end when
 * the SDK backs off, so the SDK waits about two seconds (Reset - Date + 1 s)
 * instead of a minute. Nothing here measures time.
 */
import okta from '@okta/okta-sdk-nodejs';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';

const { Client, DefaultRequestExecutor, OktaApiError } = okta;
const SEEDED_ID = 'tosue7JvguwJ7U6kz0g3';
const WINDOW_OPENS = Date.parse('2026-01-02T03:04:00.000Z');

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function limitedServer(rateLimit: number) {
  let at = WINDOW_OPENS;
  server = await startServer({ port: 0, rateLimit, now: () => new Date(at) });
  return { server, setClock: (ms: number) => (at = ms) };
}

function sdkClient(url: string, token: string | undefined, maxRetries: number) {
  // No cache: every get must reach the org.
  return new Client({ orgUrl: url, token, cacheMiddleware: null, requestExecutor: new DefaultRequestExecutor({ maxRetries, requestTimeout: 0 }) });
}

describe('@okta/okta-sdk-nodejs retries a 429 E0000047 from --rate-limit and recovers', () => {
  it('resolves the call after one retry marked x-okta-retry-count 1 for the 429\'s request id, which the emulator answered first', async () => {
    const { server, setClock } = await limitedServer(2);
    const client = sdkClient(server.url, server.token, 2);
    const backoffs: Array<{ requestId: string; delayMs: number }> = [];
    client.requestExecutor.on('backoff', (_request: unknown, _response: unknown, requestId: string, delayMs: number) => {
      backoffs.push({ requestId, delayMs });
      setClock(WINDOW_OPENS + 60_000); // the window has ended by the time the SDK tries again
    });

    await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: SEEDED_ID });
    await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: SEEDED_ID });
    setClock(WINDOW_OPENS + 59_000);
    const origin = await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: SEEDED_ID });
    expect(origin.id).toBe(SEEDED_ID);

    const seen = server.requests().map((e) => ({ status: e.status, errorCode: e.errorCode, requestId: e.requestId, retry: e.retry }));
    expect(seen.map(({ status, errorCode }) => [status, errorCode])).toEqual([
      [200, null],
      [200, null],
      [429, 'E0000047'],
      [200, null],
    ]);
    const refused = seen[2]!;
    expect(seen[3]!.retry).toEqual({ count: 1, for: refused.requestId });
    expect(seen.slice(0, 3).map((e) => e.retry)).toEqual([undefined, undefined, undefined]);
    // The SDK's wait came from the 429's headers: Reset (the window's end) - Date (one second before) + 1 s.
    expect(backoffs).toEqual([{ requestId: refused.requestId, delayMs: 2_000 }]);
  });

  it('gives up with OktaApiError 429 E0000047 when maxRetries is 0', async () => {
    const { server } = await limitedServer(1);
    const client = sdkClient(server.url, server.token, 0);
    await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: SEEDED_ID });
    const error = await client.trustedOriginApi.getTrustedOrigin({ trustedOriginId: SEEDED_ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({ status: 429, errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' });
  });
});
