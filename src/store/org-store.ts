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
  /** `userId` undefined: owned by whoever is the first user of the content at the time. */
  #extraTokens: Array<{ userId: string | undefined; token: string }> = [];
  readonly #changeListeners = new Set<() => void>();
  /** While a reset or load rewrites everything, single changes are not reported: only the end result is. */
  #rewriting = 0;

  /** With `persistKey` (browser only), trusted origins survive page reloads under that localStorage key. */
  constructor(options: { persistKey?: string } = {}) {
    this.trustedOrigins = new TrustedOriginStore(
      options.persistKey === undefined ? undefined : browserPersistence(options.persistKey),
    );
    this.trustedOrigins.onChange = () => {
      if (this.#rewriting === 0) this.#changed();
    };
  }

  /**
   * Calls `listener` after every change of the content `exportState()` returns
   * (not of sessions), once the change has landed; returns the way to stop.
   */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#changeListeners) listener();
  }

  async #rewrite(work: () => Promise<void>): Promise<void> {
    this.#rewriting++;
    try {
      await work();
    } finally {
      this.#rewriting--;
    }
    if (this.#rewriting === 0) this.#changed();
  }

  /**
   * The org's content (trusted origins, users with their fixture secrets) as a
   * fixtures document, in the stored key order: seeding an org with it gives the same content.
   */
  exportState(): Fixtures {
    return parseFixtures({ trustedOrigins: this.trustedOrigins.all(), users: this.users.all() }, { defaultUsers: false });
  }

  /**
   * Replaces the content with `content` and keeps the seed `reset()` returns to
   * (a saved state loaded at start). Checked first: a bad document changes nothing.
   */
  async load(content: FixturesInput | Fixtures): Promise<void> {
    const parsed = parseFixtures(content, { defaultUsers: false });
    await this.#rewrite(() => this.#fill(parsed));
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
  addToken(token: string, userId?: string): void {
    const owner = userId ?? this.users.all()[0]?.id;
    if (owner === undefined) throw new Error('an API token needs a user to own it, and the org has none');
    this.users.addToken(owner, token);
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
    await this.#rewrite(async () => {
      for (const user of users) await this.users.insert(user);
      for (const origin of trustedOrigins) await this.trustedOrigins.insert(origin);
    });
  }

  /** Whether the org would still accept `token` with `content` loaded (its own user's, or a `--token` given at start). */
  acceptsTokenWith(token: string, content: Fixtures): boolean {
    if (content.users.some((u) => u.apiTokens.includes(token))) return true;
    return content.users.length > 0 && this.#extraTokens.some((t) => t.token === token);
  }

  async reset(): Promise<void> {
    await this.#rewrite(() => this.#fill(this.#seed));
  }

  async #fill(content: Fixtures): Promise<void> {
    this.trustedOrigins.clear();
    this.users.clear();
    this.sessions.clear();
    for (const user of content.users) await this.users.insert(structuredClone(user));
    for (const origin of content.trustedOrigins) await this.trustedOrigins.insert(structuredClone(origin));
    // Tokens given at start (`--token`) outlive any content; one whose owner is gone goes to the first user.
    const firstUser = content.users[0]?.id;
    for (const { userId, token } of this.#extraTokens) {
      const owner = userId !== undefined && this.users.get(userId) ? userId : firstUser;
      if (owner !== undefined) this.users.addToken(owner, token);
    }
  }
}

export async function createStore(fixtures?: FixturesInput): Promise<OrgStore> {
  const store = new OrgStore();
  if (fixtures) await store.seed(fixtures);
  return store;
}
