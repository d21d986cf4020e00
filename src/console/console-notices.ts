/** Sessions whose notice waits at most: a session that never comes back cannot grow the map without bound. */
const MAX_WAITING = 1000;

/**
 * What the last change did, kept for the page the browser is redirected to
 * (POST, then GET), once, per browser session. Kept on the server rather than
 * in the URL, so nobody can link to a page announcing a change that never happened.
 */
export class ConsoleNotices {
  readonly #bySession = new Map<string, string>();

  put(sessionId: string, message: string): void {
    this.#bySession.delete(sessionId);
    this.#bySession.set(sessionId, message);
    if (this.#bySession.size > MAX_WAITING) this.#bySession.delete(this.#bySession.keys().next().value!);
  }

  take(sessionId: string): string | undefined {
    const message = this.#bySession.get(sessionId);
    this.#bySession.delete(sessionId);
    return message;
  }
}
