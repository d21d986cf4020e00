import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_LIFETIME_MS, SESSION_TOKEN_LIFETIME_MS } from '../../src/model/sessions.js';
import { startServer, type RunningServer } from '../../src/node.js';
import { steppingClock } from '../support/okta-assertions.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from '../support/session-flow.js';

const SIGN_INS = 300;

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const authn = (url: string) =>
  fetch(`${url}/api/v1/authn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: ADMIN_LOGIN, password: ADMIN_PASSWORD }),
  });

const formSignIn = (url: string) =>
  fetch(`${url}/login/login.htm`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: ADMIN_LOGIN, password: ADMIN_PASSWORD }),
  });

describe('session tokens and sessions over a real socket, with an injected clock', () => {
  it(`are purged once expired: after ${SIGN_INS} unredeemed sign-ins and their expiry the store is empty again`, async () => {
    const clock = steppingClock();
    server = await startServer({ port: 0, now: clock.now });
    for (let i = 0; i < SIGN_INS; i++) expect((await authn(server.url)).status).toBe(200);
    for (let i = 0; i < SIGN_INS / 3; i++) expect((await formSignIn(server.url)).status).toBe(200);
    expect(server.store.sessions.size).toEqual({ sessions: SIGN_INS / 3, tokens: SIGN_INS });

    // The tokens expire first; the sessions are still alive.
    clock.advance(SESSION_TOKEN_LIFETIME_MS / 1000 + 1);
    expect((await fetch(`${server.url}/api/v1/sessions/me`)).status).toBe(404);
    expect(server.store.sessions.size).toEqual({ sessions: SIGN_INS / 3, tokens: 0 });

    clock.advance(SESSION_LIFETIME_MS / 1000);
    expect((await fetch(`${server.url}/api/v1/sessions/me`)).status).toBe(404);
    expect(server.store.sessions.size).toEqual({ sessions: 0, tokens: 0 });
  });

  it('keeps tokens and sessions that have not expired', async () => {
    const clock = steppingClock();
    server = await startServer({ port: 0, now: clock.now });
    expect((await authn(server.url)).status).toBe(200);
    clock.advance(SESSION_TOKEN_LIFETIME_MS / 1000 - 1);
    expect((await fetch(`${server.url}/api/v1/sessions/me`)).status).toBe(404);
    expect(server.store.sessions.size).toEqual({ sessions: 0, tokens: 1 });
  });
});
