import { createApp, type OktaMockApp } from './app.js';
import { DEFAULT_JOURNAL_SIZE, Journal } from './journal.js';
import { DEFAULT_FIXTURES } from './default-fixtures.js';
import { RateLimits } from './domain/rate-limit.js';
import { FaultRules } from './faults.js';
import { toOktaTimestamp } from './domain/timestamp.js';
import { trustAtStart } from './domain/trust-at-start.js';
import { orgOperations, type OrgOperations } from './org-operations.js';
import { parseFixtureDocument, parseFixtures } from './store/fixtures.js';
import { OrgStore } from './store/org-store.js';
import type { Fixtures, FixturesInput } from './store/schemas.js';

export interface OrgOptions {
  /** The org's seed; defaults to the reference's examples. */
  fixtures?: FixturesInput;
  /** Start with no trusted origins (users and their tokens still load). */
  empty?: boolean;
  /** Extra API tokens, owned by the first fixture user unless the fixtures already name an owner. */
  tokens?: string[];
  randomSeed?: number;
  now?: () => Date;
  /** Browser only: keep trusted origins in localStorage under this key across reloads. */
  persistKey?: string;
  /** How many requests the journal keeps (default 1,000); 0 keeps none. */
  journalSize?: number;
  /** Origins trusted from the start for CORS and REDIRECT (ACTIVE, named after the origin); part of the seed. */
  trust?: string[];
  /** Content to start with instead of the seed (a saved state); `reset()` still goes back to the seed. */
  content?: FixturesInput;
  /** Enforce this many requests per minute per endpoint family: past it, 429 E0000047 until the window rolls over. */
  rateLimit?: number;
}

export interface Org extends OrgOperations {
  app: OktaMockApp;
  store: OrgStore;
  /** The seed actually loaded (after `empty`). */
  fixtures: Fixtures;
  /** True when the fixtures had no users, so the bundled admin and its API token were loaded. */
  usedDefaultAdmin: boolean;
  /** Resolves once the seed is loaded; requests wait for it. */
  ready: Promise<void>;
  /** The requests the org answered, newest last. */
  journal: Journal;
  /** The org's fault rules (what `/__okta-mock/faults` changes). */
  faults: FaultRules;
}

/** One emulated org: a store seeded from fixtures and the app over it. Environment-neutral. */
export function createOrg(options: OrgOptions = {}): Org {
  const { fixtures: parsed, usedDefaultAdmin } = parseFixtureDocument(options.fixtures ?? DEFAULT_FIXTURES);
  const withTrust = (content: Fixtures): Fixtures => {
    if (!options.trust?.length) return content;
    const context = { now: toOktaTimestamp((options.now ?? (() => new Date()))()), actorId: content.users[0]?.id ?? 'okta-mock' };
    return { ...content, trustedOrigins: trustAtStart(content.trustedOrigins, options.trust, context) };
  };
  const fixtures = withTrust(options.empty ? { ...parsed, trustedOrigins: [] } : parsed);
  const content = options.content === undefined ? undefined : withTrust(parseFixtures(options.content, { defaultUsers: false }));
  const store = new OrgStore({ persistKey: options.persistKey });
  const ready = (async () => {
    await store.seedOrRestore(fixtures);
    if (content) await store.load(content);
    for (const token of options.tokens ?? []) {
      if (!store.users.tokenOwner(token)) store.addToken(token);
    }
  })();
  const journal = new Journal(options.journalSize ?? DEFAULT_JOURNAL_SIZE);
  const faults = new FaultRules();
  const rateLimits = new RateLimits(options.rateLimit);
  const operations = orgOperations(store, journal, ready, [faults, rateLimits]);
  const app = createApp({ store, journal, operations, faults, rateLimits, randomSeed: options.randomSeed, now: options.now });
  return { app, store, fixtures, usedDefaultAdmin, ready, journal, faults, ...operations };
}
