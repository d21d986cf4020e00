import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { createOrg } from '../../src/org.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD, CORS_AND_REDIRECT_ORIGIN, SESSION_ID, SESSION_TOKEN } from '../support/session-flow.js';

const ORG = 'https://dev-123.example.com';
const BASE64URL = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const REPLAY_LENGTH = 20_000;

/**
 * What an attacker who knows the id generator's state can predict: every
 * base64url string mulberry32 yields from `seed`, as one long run of characters.
 */
function replay(seed: number): string {
  const random = seededRandom(seed);
  let out = '';
  for (let i = 0; i < REPLAY_LENGTH; i++) out += BASE64URL[Math.floor(random() * 64)];
  return out;
}

/** Every 32-bit value the org drew from `crypto.getRandomValues`: the seeded generator's state is one of them. */
function recordCryptoDraws(): number[] {
  const seen: number[] = [];
  const real = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const filled = real(array as never) as unknown as ArrayBufferView;
    const words = new Uint32Array(filled.buffer, filled.byteOffset, Math.floor(filled.byteLength / 4));
    seen.push(...words);
    return array;
  });
  return seen;
}

async function signInSecrets(org: ReturnType<typeof createOrg>) {
  await org.ready;
  const authn = await org.app.fetch(
    new Request(`${ORG}/api/v1/authn`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: ADMIN_LOGIN, password: ADMIN_PASSWORD }),
    }),
  );
  const requestId = authn.headers.get('X-Okta-Request-Id');
  const { sessionToken } = (await authn.json()) as { sessionToken: string };
  const query = new URLSearchParams({ token: sessionToken, redirectUrl: `${CORS_AND_REDIRECT_ORIGIN}/app` });
  const redirect = await org.app.fetch(new Request(`${ORG}/login/sessionCookieRedirect?${query}`));
  const sid = /^sid=([^;]+)/.exec(redirect.headers.getSetCookie().find((c) => c.startsWith('sid=')) ?? '')?.[1];
  return { requestId, sessionToken, sid };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('secrets of an org without a random seed', () => {
  it('cannot be predicted from the state of the generator behind request ids and other ids', async () => {
    const draws = recordCryptoDraws();
    const org = createOrg();
    const { requestId, sessionToken, sid } = await signInSecrets(org);
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(sessionToken).toMatch(SESSION_TOKEN);
    expect(sid).toMatch(SESSION_ID);
    expect(draws.length).toBeGreaterThan(0);

    // Knowing the seed, an attacker replays the stream and looks for the secrets in it.
    const predicted = draws.filter((seed) => {
      const stream = replay(seed);
      return stream.includes(sessionToken.slice('20111'.length)) || stream.includes(sid!.slice('102'.length));
    });
    expect(predicted).toEqual([]);
  });

  it('differ between two orgs whose non-secret generators start from the same state', async () => {
    const sameSeed = 0x5eed;
    const secrets = [];
    for (let i = 0; i < 2; i++) {
      // The seed draw is the first getRandomValues call; every later draw is left real.
      const real = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
      let first = true;
      const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        if (first && array instanceof Uint32Array && array.length === 1) {
          first = false;
          array[0] = sameSeed;
          return array;
        }
        return real(array as never) as T;
      });
      const org = createOrg();
      secrets.push(await signInSecrets(org));
      spy.mockRestore();
    }
    // The same non-secret stream: the request ids agree ...
    expect(secrets[0]!.requestId).toBe(secrets[1]!.requestId);
    // ... and the secrets do not.
    expect(secrets[0]!.sessionToken).not.toBe(secrets[1]!.sessionToken);
    expect(secrets[0]!.sid).not.toBe(secrets[1]!.sid);
  });
});

describe('secrets of an org with a random seed', () => {
  it('are the same for the same seed, so tests can rely on them', async () => {
    const a = await signInSecrets(createOrg({ randomSeed: 9, now: () => new Date('2026-01-01T00:00:00Z') }));
    const b = await signInSecrets(createOrg({ randomSeed: 9, now: () => new Date('2026-01-01T00:00:00Z') }));
    expect(a.sessionToken).toBe(b.sessionToken);
    expect(a.sid).toBe(b.sid);
  });
});
