/** Browser sessions and the one-time session tokens that start them. Plain maps: nothing here is listed or paged. */
export interface SessionRecord {
  id: string;
  userId: string;
  login: string;
  createdAt: string;
  expiresAt: string;
  lastPasswordVerification: string;
}

export interface SessionTokenRecord {
  token: string;
  userId: string;
  expiresAt: string;
}

export class SessionStore {
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #tokens = new Map<string, SessionTokenRecord>();

  getSession(id: string): SessionRecord | undefined {
    return this.#sessions.get(id);
  }

  putSession(session: SessionRecord): void {
    this.#sessions.set(session.id, session);
  }

  deleteSession(id: string): boolean {
    return this.#sessions.delete(id);
  }

  putToken(token: SessionTokenRecord): void {
    this.#tokens.set(token.token, token);
  }

  /** Session tokens work once: taking one removes it. */
  takeToken(token: string): SessionTokenRecord | undefined {
    const record = this.#tokens.get(token);
    this.#tokens.delete(token);
    return record;
  }

  peekToken(token: string): SessionTokenRecord | undefined {
    return this.#tokens.get(token);
  }

  /** Drops every session and token that expired at or before `nowMs`. */
  purgeExpired(nowMs: number): void {
    for (const [id, session] of this.#sessions) if (Date.parse(session.expiresAt) <= nowMs) this.#sessions.delete(id);
    for (const [token, record] of this.#tokens) if (Date.parse(record.expiresAt) <= nowMs) this.#tokens.delete(token);
  }

  /** How much the store holds, for leak checks. */
  get size(): { sessions: number; tokens: number } {
    return { sessions: this.#sessions.size, tokens: this.#tokens.size };
  }

  clear(): void {
    this.#sessions.clear();
    this.#tokens.clear();
  }
}
