/** The Admin Console over a real socket: the header lines its pages and scripts are sent with, as a browser reads them. */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node.js';
import { CONSOLE_PAGES } from '../../src/console/paths.js';
import { headerValues, rawRequest, type RawResponse } from '../support/raw-http.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function send(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<RawResponse> {
  const lines = Object.entries({ Host: `127.0.0.1:${server!.port}`, ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' });
  return rawRequest(server!.port, `${method} ${path} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
}

async function signedInCookie(): Promise<string> {
  const signIn = await send('POST', '/login/login.htm', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'username=admin%40example.com&password=okta-mock');
  const sid = headerValues(signIn, 'set-cookie').map((c) => /^sid=([^;]+)/.exec(c)?.[1]).find(Boolean);
  expect(sid).toBeDefined();
  return `sid=${sid}`;
}

describe('the Admin Console on the wire', () => {
  it.each(CONSOLE_PAGES.map((page) => [page.title, page.path]))(
    'sends %s with one frame-ancestors line for the org itself, one X-Frame-Options and one nosniff line',
    async (_title, path) => {
      server = await startServer({ port: 0 });
      // An origin trusted to embed the dashboard must still not be let frame the console.
      const added = await fetch(`${server.url}/api/v1/trustedOrigins`, {
        method: 'POST',
        headers: { Authorization: `SSWS ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'embedder', origin: 'https://embed.example.com', scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] }),
      });
      expect(added.status).toBe(200);
      const page = await send('GET', path, { Cookie: await signedInCookie() });
      expect(page.statusLine).toBe('HTTP/1.1 200 OK');
      expect(headerValues(page, 'content-security-policy')).toEqual(["frame-ancestors 'self'"]);
      expect(headerValues(page, 'x-frame-options')).toEqual(['SAMEORIGIN']);
      expect(headerValues(page, 'x-content-type-options')).toEqual(['nosniff']);
      expect(page.body).not.toContain('00okta-mock-default-api-token-for-local-use');
    },
  );

  it('sends a signed-out browser to the sign-in page with a Location line that brings it back', async () => {
    server = await startServer({ port: 0 });
    const answer = await send('GET', '/admin');
    expect(answer.statusLine).toBe('HTTP/1.1 302 Found');
    expect(headerValues(answer, 'location')).toEqual(['/login/login.htm?fromURI=%2Fadmin']);
  });
});
