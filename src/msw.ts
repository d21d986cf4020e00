/**
 * The emulated org as MSW request handlers. Browser-safe: nothing here or
 * below imports `node:*`. Each intercepted request goes to the same Hono app
 * the CLI server runs; the only thing added is the browser's CORS check that
 * a service worker would otherwise skip.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { browserCorsOutcome, preflightFor } from './domain/cors.js';
import type { FaultRulesHandle } from './faults.js';
import type { JournalEntry } from './journal.js';
import type { OrgOperations } from './org-operations.js';
import { createOrg, type OrgOptions } from './org.js';
import type { OrgStore } from './store/org-store.js';
import type { FixturesInput } from './store/schemas.js';

export interface OktaHandlersOptions extends OrgOptions {
  /** The org URL the code under test calls, e.g. `https://dev-123.okta.com`. */
  orgUrl: string;
  /**
   * In a browser page, refuse what the real org's CORS answers would make the
   * browser refuse (a `TypeError` from fetch), with a console line saying why.
   * On by default in a page; has no effect in Node, where there is no page origin.
   */
  simulateCors?: boolean;
  /** The page's origin; defaults to `location.origin` in a browser. */
  pageOrigin?: string;
  /**
   * Browser only: keep the org's trusted origins in localStorage, so they
   * survive page reloads. `reset()` goes back to the fixtures.
   */
  persist?: boolean;
}

export interface OktaOrgHandle extends OrgOperations {
  /** Resolves once the seed is loaded (handlers wait for it on their own). */
  ready: Promise<void>;
  store: OrgStore;
  /** Replaces the seed with other fixtures and resets to it. */
  seed(fixtures: FixturesInput): Promise<void>;
  /** Adds records to the org as it is now (the seed `reset()` returns to is unchanged). */
  add(records: FixturesInput): Promise<void>;
  /**
   * The requests the org answered, oldest first (see the journal): `limit` keeps
   * the newest n, `since` only those after the entry with that request id.
   */
  requests(options?: { limit?: number; since?: string }): JournalEntry[];
  /** Empties the journal. */
  clearRequests(): void;
  /** Fault rules, as `/__okta-mock/faults`: `add(rule)`, `list()`, `clear()`, `remove(id)`. A bad rule throws a `FaultRuleError`. */
  faults: FaultRulesHandle;
}

export interface OktaHandlers {
  handlers: HttpHandler[];
  org: OktaOrgHandle;
}

function pageOriginOf(options: OktaHandlersOptions): string | undefined {
  if (options.pageOrigin !== undefined) return options.pageOrigin;
  const { document, location } = globalThis as { document?: unknown; location?: { origin?: string } };
  return document !== undefined ? location?.origin : undefined;
}

export function createOktaHandlers(options: OktaHandlersOptions): OktaHandlers {
  const orgUrl = new URL(options.orgUrl).origin;
  const org = createOrg({
    ...options,
    persistKey: options.persist ? `okta-mock:${orgUrl}:trustedOrigins` : undefined,
  });
  const { app, store, ready, journal } = org;
  const simulateCors = options.simulateCors ?? true;

  // A predicate rather than a path pattern: MSW's pattern matching decodes the path and
  // throws on malformed percent-encoding, which the org must answer like any other request.
  const isForOrg = ({ request }: { request: Request }) => new URL(request.url).origin === orgUrl;
  const handler = http.all(isForOrg, async ({ request }) => {
    await ready;
    const pageOrigin = simulateCors ? pageOriginOf(options) : undefined;
    if (pageOrigin !== undefined) {
      const url = new URL(request.url);
      const { outcome, explanation } = browserCorsOutcome({
        pageOrigin,
        requestOrigin: url.origin,
        path: url.pathname.replace(/\/{2,}/g, '/'),
        method: request.method,
        headers: request.headers.entries(),
        hasApiToken: /^SSWS\s/i.test(request.headers.get('Authorization') ?? ''),
        trustedOrigins: store.trustedOrigins,
      });
      if (outcome === 'blocked-before-sending' || outcome === 'blocked-after-sending') {
        // The real org sees the failing preflight (and journals it), or the request whose answer the browser refuses.
        if (outcome === 'blocked-before-sending') {
          await app.fetch(new Request(request.url, { method: 'OPTIONS', headers: preflightFor(pageOrigin, request.method, request.headers.entries()) }));
        } else await app.fetch(request);
        const hint = explanation?.hint ? ` (${explanation.hint})` : '';
        console.warn(
          `[okta-mock] ${request.method} ${request.url} blocked as the real org would: ${explanation?.reason ?? 'CORS refused'}${hint}. ` +
            'Pass simulateCors: false to createOktaHandlers to turn this off.',
        );
        return HttpResponse.error();
      }
    }
    return app.fetch(request);
  });

  return {
    handlers: [handler],
    org: {
      ready,
      store,
      reset: org.reset,
      exportState: org.exportState,
      importState: org.importState,
      seed: async (fixtures) => {
        await ready;
        await store.seed(fixtures);
      },
      add: async (records) => {
        await ready;
        await store.add(records);
      },
      requests: (query) => journal.entries(query),
      clearRequests: () => journal.clear(),
      faults: org.faults,
    },
  };
}
