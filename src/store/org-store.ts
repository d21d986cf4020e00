import { parseFixtures } from './fixtures.js';
import type { Fixtures, FixturesInput } from './schemas.js';
import { SessionStore } from './session-store.js';
import { TrustedOriginStore } from './trusted-origin-store.js';
import { UserStore } from './user-store.js';

/** Everything one emulated org keeps. Each org owns its own store: nothing is shared between orgs. */
export class OrgStore {
  readonly trustedOrigins = new TrustedOriginStore();
  readonly users = new UserStore();
  readonly sessions = new SessionStore();
  #seed: Fixtures = { trustedOrigins: [], users: [] };
  #extraTokens: Array<{ userId: string; token: string }> = [];

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
