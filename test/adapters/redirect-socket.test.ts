import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, stopAllClis, type RunningCli } from '../support/cli.js';
import { headerValues, rawRequest } from '../support/raw-http.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from '../support/session-flow.js';

/** The reproduction: browsers read rf.example.com (trusted), curl and requests read evil.com. */
const BACKSLASH_TARGET = 'https://rf.example.com\\@evil.com';

let cli: RunningCli;
beforeAll(async () => {
  cli = await startCli();
});
afterAll(stopAllClis);

const get = (path: string) => rawRequest(cli.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

async function sessionToken(): Promise<string> {
  const body = JSON.stringify({ username: ADMIN_LOGIN, password: ADMIN_PASSWORD });
  const res = await rawRequest(
    cli.port,
    `POST /api/v1/authn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
  return (JSON.parse(res.body) as { sessionToken: string }).sessionToken;
}

function postSignIn(fromURI: string) {
  const body = new URLSearchParams({ username: ADMIN_LOGIN, password: ADMIN_PASSWORD, fromURI }).toString();
  return rawRequest(
    cli.port,
    `POST /login/login.htm HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
}

describe('a backslash redirect target over a real socket', () => {
  it('is not followed by /login/signout: Location is the sign-in page, not evil.com', async () => {
    const res = await get(`/login/signout?fromURI=${encodeURIComponent(BACKSLASH_TARGET)}`);
    expect(res.statusLine).toBe('HTTP/1.1 302 Found');
    expect(headerValues(res, 'Location')).toEqual(['/login/login.htm']);
    expect(res.raw).not.toContain('evil.com');
  });

  it('is refused by /login/sessionCookieRedirect with the untrusted-redirect page and no cookie', async () => {
    const query = new URLSearchParams({ token: await sessionToken(), redirectUrl: BACKSLASH_TARGET });
    const res = await get(`/login/sessionCookieRedirect?${query}`);
    expect(res.statusLine).toBe('HTTP/1.1 403 Forbidden');
    expect(headerValues(res, 'Location')).toEqual([]);
    expect(headerValues(res, 'Set-Cookie')).toEqual([]);
    expect(res.body).toContain('id="untrusted-redirect"');
  });

  it('is not followed by the sign-in form: the person is signed in on the org, with no Location', async () => {
    const res = await postSignIn(BACKSLASH_TARGET);
    expect(res.statusLine).toBe('HTTP/1.1 200 OK');
    expect(headerValues(res, 'Location')).toEqual([]);
    expect(res.body).toContain('id="signed-in"');
  });
});

describe('a trusted redirect target over a real socket', () => {
  it('goes into Location serialized: non-ASCII percent-encoded, never raw bytes', async () => {
    const res = await get(`/login/signout?fromURI=${encodeURIComponent('https://rf.example.com/café')}`);
    expect(res.statusLine).toBe('HTTP/1.1 302 Found');
    expect(headerValues(res, 'Location')).toEqual(['https://rf.example.com/caf%C3%A9']);
    expect(res.raw).toMatch(/^[\x00-\x7f]*$/);
  });

  it('goes into Location as the serialized URL on the sign-in form too', async () => {
    const res = await postSignIn('HTTPS://RF.example.com:443/app');
    expect(res.statusLine).toBe('HTTP/1.1 302 Found');
    expect(headerValues(res, 'Location')).toEqual(['https://rf.example.com/app']);
  });
});
