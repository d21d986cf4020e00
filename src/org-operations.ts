import type { Journal } from './journal.js';
import type { OrgStore } from './store/org-store.js';
import type { Fixtures } from './store/schemas.js';

/**
 * What an operator can do to a running org. The control API, the MSW handle
 * and `startServer()` all call these; none has its own copy.
 */
export interface OrgOperations {
  /** Back to the seed: trusted origins, users, sessions and the journal; fault rules and rate-limit windows cleared. */
  reset(): Promise<void>;
  /** The org's content as a fixtures document (`--fixtures` reads it back); user secrets included. */
  exportState(): Promise<Fixtures>;
  /**
   * Replaces the content with `document`, which becomes the seed `reset()`
   * returns to; answers the document as loaded. A document that fails the
   * fixtures checks throws a `FixtureError` listing every problem, and changes nothing.
   */
  importState(document: unknown): Promise<Fixtures>;
}

/**
 * `alsoCleared`: what else the org holds that a reset empties (its fault
 * rules, its rate-limit windows).
 */
export function orgOperations(
  store: OrgStore,
  journal: Journal,
  ready: Promise<void> = Promise.resolve(),
  alsoCleared: ReadonlyArray<{ clear(): void }> = [],
): OrgOperations {
  return {
    async reset() {
      await ready;
      await store.reset();
      journal.clear();
      for (const part of alsoCleared) part.clear();
    },
    async exportState() {
      await ready;
      return store.exportState();
    },
    async importState(document) {
      await ready;
      await store.seed(document as Fixtures);
      return store.exportState();
    },
  };
}
