import { OktaApiError } from '../errors.js';
import { newId } from '../domain/ids.js';
import type { RandomSource } from '../domain/random.js';
import { toOktaTimestamp } from '../domain/timestamp.js';
import type { UserRecord } from '../store/schemas.js';
import type { SessionRecord, SessionStore, SessionTokenRecord } from '../store/session-store.js';
import type { UserStore } from '../store/user-store.js';
import type { ModelContext } from './trusted-origins.js';

/** A primary-authentication transaction lives five minutes; a session two hours (both as recorded). */
export const SESSION_TOKEN_LIFETIME_MS = 5 * 60 * 1000;
export const SESSION_LIFETIME_MS = 2 * 60 * 60 * 1000;
/**
 * Expired tokens and sessions are swept on access, at most this often by the
 * org's clock: no timer, so it works the same under MSW and in a browser, and
 * an unredeemed sign-in costs memory only until its lifetime is over.
 */
export const PURGE_INTERVAL_MS = 60 * 1000;

export interface CurrentSession {
  session: SessionRecord;
  user: UserRecord;
}

/** Sign-in and sessions: passwords from the fixtures, one-time session tokens, `sid` sessions. */
export class SessionModel {
  constructor(
    private readonly sessions: SessionStore,
    private readonly users: UserStore,
    private readonly context: ModelContext,
    /** Where session ids and session tokens come from; never the stream request ids show. */
    private readonly secretRandom: RandomSource = context.random,
  ) {}

  #nextPurgeAt = Number.NEGATIVE_INFINITY;

  #purgeIfDue(): void {
    const at = this.context.now().getTime();
    if (at < this.#nextPurgeAt) return;
    this.#nextPurgeAt = at + PURGE_INTERVAL_MS;
    this.sessions.purgeExpired(at);
  }

  /** Checks a username and password; a wrong pair, an unknown user or an inactive one is E0000004. */
  verifyPassword(username: unknown, password: unknown): UserRecord {
    this.#purgeIfDue();
    const user = typeof username === 'string' ? this.users.findByLogin(username) : undefined;
    if (!user || user.status !== 'ACTIVE' || user.password === undefined || user.password !== password) {
      throw OktaApiError.of('E0000004');
    }
    return user;
  }

  /** `POST /api/v1/authn`: a session token the browser trades for a session cookie once. */
  authenticate(username: unknown, password: unknown): { token: SessionTokenRecord; user: UserRecord } {
    const user = this.verifyPassword(username, password);
    const at = this.context.now();
    const token = {
      token: newId('sessionToken', this.secretRandom),
      userId: user.id,
      expiresAt: toOktaTimestamp(new Date(at.getTime() + SESSION_TOKEN_LIFETIME_MS)),
    };
    this.sessions.putToken(token);
    return { token, user };
  }

  /** Whether a session token is still unused and unexpired (without using it up). */
  isRedeemable(token: string): boolean {
    this.#purgeIfDue();
    const record = this.sessions.peekToken(token);
    return record !== undefined && !this.#expired(record.expiresAt);
  }

  /** Trades a session token for a session; the token is gone afterwards whatever the outcome. */
  redeem(token: string): SessionRecord | undefined {
    this.#purgeIfDue();
    const record = this.sessions.takeToken(token);
    if (!record || this.#expired(record.expiresAt)) return undefined;
    const user = this.users.get(record.userId);
    return user ? this.start(user) : undefined;
  }

  start(user: UserRecord): SessionRecord {
    const at = this.context.now();
    const session = {
      id: newId('session', this.secretRandom),
      userId: user.id,
      login: user.profile.login,
      createdAt: toOktaTimestamp(at),
      expiresAt: toOktaTimestamp(new Date(at.getTime() + SESSION_LIFETIME_MS)),
      lastPasswordVerification: toOktaTimestamp(at),
    };
    this.sessions.putSession(session);
    return session;
  }

  current(sessionId: string | undefined): CurrentSession | undefined {
    this.#purgeIfDue();
    const session = sessionId === undefined ? undefined : this.sessions.getSession(sessionId);
    if (!session) return undefined;
    const user = this.users.get(session.userId);
    if (!user || this.#expired(session.expiresAt)) {
      this.sessions.deleteSession(session.id);
      return undefined;
    }
    return { session, user };
  }

  /** The session behind `/api/v1/sessions/me`, or Okta's 404 for `me`. */
  requireCurrent(sessionId: string | undefined): CurrentSession {
    const current = this.current(sessionId);
    if (!current) throw OktaApiError.of('E0000007', 'me', 'Session');
    return current;
  }

  refresh(sessionId: string | undefined): CurrentSession {
    const { session, user } = this.requireCurrent(sessionId);
    const refreshed = {
      ...session,
      expiresAt: toOktaTimestamp(new Date(this.context.now().getTime() + SESSION_LIFETIME_MS)),
    };
    this.sessions.putSession(refreshed);
    return { session: refreshed, user };
  }

  end(sessionId: string | undefined): boolean {
    this.#purgeIfDue();
    return sessionId !== undefined && this.sessions.deleteSession(sessionId);
  }

  #expired(isoTime: string): boolean {
    return Date.parse(isoTime) <= this.context.now().getTime();
  }
}
