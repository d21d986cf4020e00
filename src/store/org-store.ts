import { parseFixtures } from './fixtures.js';
import type { Fixtures, FixturesInput } from './schemas.js';
import { browserPersistence } from './browser-persistence.js';
import { SessionStore } from './session-store.js';
import { TrustedOriginStore } from './trusted-origin-store.js';
import { UserStore } from './user-store.js';

/** Everything one emulated org keeps. Each org owns its own store: nothing is shared between orgs. */
export class OrgStore {
  readonly trustedOrigins: TrustedOriginStore;
  readonly users = new UserStore();
  readonly sessions = new SessionStore();
  #seed: Fixtures = { trustedOrigins: [], users: [] };
  #extraTokens: Array<{ userId: string; token: string }> = [];

  /** With `persistKey` (browser only), trusted origins survive page reloads under that localStorage key. */
  constructor(options: { persistKey?: string } = {}) {
    this.trustedOrigins = new TrustedOriginStore(
      options.persistKey === undefined ? undefined : browserPersistence(options.persistKey),
    );
  }

  /**
   * Like `seed`, but trusted origins a previous page saved win over the
   * fixtures' (browser persistence); `reset()` still goes back to the fixtures.
   */
  async seedOrRestore(fixtures: FixturesInput | Fixtures): Promise<void> {
    const saved = this.trustedOrigins.loadPersisted();
    await this.seed(fixtures);
    if (saved === undefined) return;
    const restored = parseFixtures({ trustedOrigins: saved }).trustedOrigins;
    this.trustedOrigins.clear();
    for (const origin of restored) await this.trustedOrigins.insert(origin);
  }

  /** Replaces the org's content with the given fixtures, which become what `reset()` restores. */
  async seed(fixtures: FixturesInput | Fixtures): Promise<void> {
    this.#seed = parseFixtures(fixtures);
    await this.reset();
  }

  /** Adds an API token owned by `userId` (defaults to the first user of the seed); survives `reset()`. */
  addToken(token: string, userId = this.#seed.users[0]?.id): void {
    if (userId === undefined) throw new Error('an API token needs a user to own it, and the org has none');
    this.users.addToken(userId, token);
    this.#extraTokens.push({ userId, token });
  }

  /**
   * Adds records to the org as it is now, checked like fixtures; a clash with
   * a stored id, name or origin is refused before anything is written.
   */
  async add(records: FixturesInput): Promise<void> {
    const ownerId = this.#seed.users[0]?.id ?? this.users.all()[0]?.id;
    const { trustedOrigins, users } = parseFixtures(records, { defaultUsers: false, ownerId });
    for (const origin of trustedOrigins) {
      const clash = [this.trustedOrigins.get(origin.id)?.id, this.trustedOrigins.idWithName(origin.name), this.trustedOrigins.idWithOrigin(origin.origin)];
      if (clash.some((id) => id !== undefined)) throw new Error(`trusted origin ${origin.id} clashes with a stored one (id, name or origin)`);
    }
    for (const user of users) {
      if (this.users.get(user.id)) throw new Error(`user ${user.id} is already stored`);
    }
    for (const user of users) await this.users.insert(user);
    for (const origin of trustedOrigins) await this.trustedOrigins.insert(origin);
  }

  async reset(): Promise<void> {
    this.trustedOrigins.clear();
    this.users.clear();
    this.sessions.clear();
    for (const user of this.#seed.users) await this.users.insert(structuredClone(user));
    for (const origin of this.#seed.trustedOrigins) await this.trustedOrigins.insert(structuredClone(origin));
    for (const { userId, token } of this.#extraTokens) this.users.addToken(userId, token);
  }
}

export async function createStore(fixtures?: FixturesInput): Promise<OrgStore> {
  const store = new OrgStore();
  if (fixtures) await store.seed(fixtures);
  return store;
}
