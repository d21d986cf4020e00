import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';
import { headerValues, rawRequest } from '../support/raw-http.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD, CORS_AND_REDIRECT_ORIGIN } from '../support/session-flow.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Signs the admin in over HTTP (authn, then the cookie redirect) and returns the `sid` cookie it set. */
async function signedInCookie(running: RunningServer): Promise<string> {
  const authn = await fetch(`${running.url}/api/v1/authn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: ADMIN_LOGIN, password: ADMIN_PASSWORD }),
  });
  const { sessionToken } = (await authn.json()) as { sessionToken: string };
  const query = new URLSearchParams({ checkAccountSetupComplete: 'true', token: sessionToken, redirectUrl: `${CORS_AND_REDIRECT_ORIGIN}/app` });
  const redirect = await fetch(`${running.url}/login/sessionCookieRedirect?${query}`, { redirect: 'manual' });
  const sid = /^sid=([^;]+)/.exec(redirect.headers.getSetCookie().find((line) => line.startsWith('sid=')) ?? '')?.[1];
  expect(sid).toBeDefined();
  return `sid=${sid}`;
}

describe('answers with header lines of their own, as the node server writes them', () => {
  it('ends a session with one Set-Cookie line clearing sid, beside the standard headers', async () => {
    server = await startServer({ port: 0, randomSeed: 5 });
    const cookie = await signedInCookie(server);
    const answer = await rawRequest(server.port, `DELETE /api/v1/sessions/me HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
    expect(answer.statusLine).toBe('HTTP/1.1 204 No Content');
    const cleared = headerValues(answer, 'Set-Cookie');
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatch(/^sid=;/);
    expect(headerValues(answer, 'X-Okta-Request-Id')).toHaveLength(1);
  });

  it('answers a preflight from a trusted origin with each allow header on a line of its own, once', async () => {
    server = await startServer({ port: 0, randomSeed: 5 });
    const answer = await rawRequest(
      server.port,
      `OPTIONS /api/v1/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${CORS_AND_REDIRECT_ORIGIN}\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.statusLine).toBe('HTTP/1.1 200 OK');
    expect(headerValues(answer, 'Access-Control-Allow-Origin')).toEqual([CORS_AND_REDIRECT_ORIGIN]);
    const names = answer.headerLines.map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
    expect(names.filter((name) => name.startsWith('access-control-')).length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length);
  });
});
