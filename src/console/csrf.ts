import { randomString, type RandomSource } from '../domain/random.js';

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Compares without stopping at the first difference, so timing does not tell how much of a guess was right. */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * One CSRF token per browser session, made from the org's secret random
 * source (unguessable unless a test seed is given), forgotten with the session.
 */
export class ConsoleCsrfTokens {
  readonly #bySession = new Map<string, string>();

  constructor(private readonly random: RandomSource) {}

  tokenFor(sessionId: string): string {
    let token = this.#bySession.get(sessionId);
    if (token === undefined) {
      token = randomString(this.random, TOKEN_ALPHABET, 32);
      this.#bySession.set(sessionId, token);
    }
    return token;
  }

  accepts(sessionId: string, token: string | undefined): boolean {
    const expected = this.#bySession.get(sessionId);
    return expected !== undefined && token !== undefined && sameToken(expected, token);
  }

  forget(sessionId: string): void {
    this.#bySession.delete(sessionId);
  }
}
