import { getResponse } from 'msw';
import { createApp, type OktaMockApp } from '../../src/app.js';
import { createOktaHandlers } from '../../src/msw.js';
import { loadFixtures } from '../../src/fixtures-file.js';
import { DEFAULT_JOURNAL_SIZE, Journal, type JournalEntry } from '../../src/journal.js';
import { OrgStore } from '../../src/store/org-store.js';
import type { FixturesInput } from '../../src/store/schemas.js';

export const ORG_URL = 'https://dev-123.example.com';
export const ADMIN_ID = '00ut5t92p6IEOi4bu0g3';
export const TOKEN = '00okta-mock-default-api-token-for-local-use';
export const FIXED_NOW = new Date('2026-01-02T03:04:05.678Z');

/**
 * `OKTA_MOCK_TARGET=msw` sends every request of the app tests through MSW's
 * own handler resolution (`getResponse` over `createOktaHandlers`) instead of
 * straight into `app.fetch`: the same tests, unchanged, prove both paths.
 */
export const TARGET = process.env.OKTA_MOCK_TARGET === 'msw' ? 'msw' : 'app';

export interface TestOrg {
  app: Pick<OktaMockApp, 'fetch'>;
  store: OrgStore;
  /** The org's journal, oldest first (through the MSW handle under OKTA_MOCK_TARGET=msw). */
  requests(options?: { limit?: number; since?: string }): JournalEntry[];
  /** Sends a request to the org as `ORG_URL` + path, with the default token unless `auth: false`. */
  request(path: string, init?: RequestInit & { auth?: boolean; json?: unknown }): Promise<Response>;
}

/** A fresh org for one test: the bundled fixtures (or `fixtures`), a fixed clock and a fixed seed. */
export async function createTestOrg(
  options: { fixtures?: FixturesInput; empty?: boolean; now?: () => Date; randomSeed?: number; journalSize?: number } = {},
): Promise<TestOrg> {
  const fixtures = options.fixtures ?? (await loadFixtures());
  const orgOptions = { now: options.now ?? (() => FIXED_NOW), randomSeed: options.randomSeed ?? 42 };
  let app: TestOrg['app'];
  let store: OrgStore;
  let requests: TestOrg['requests'];
  if (TARGET === 'msw') {
    const { handlers, org } = createOktaHandlers({ orgUrl: ORG_URL, fixtures, empty: options.empty, journalSize: options.journalSize, ...orgOptions });
    await org.ready;
    store = org.store;
    requests = (query) => org.requests(query);
    app = {
      fetch: async (request: Request) => {
        const response = await getResponse(handlers, request);
        if (!response) throw new Error(`no MSW handler answered ${request.method} ${request.url}`);
        return response;
      },
    } as TestOrg['app'];
  } else {
    store = new OrgStore();
    await store.seed(options.empty ? { ...fixtures, trustedOrigins: [] } : fixtures);
    const journal = new Journal(options.journalSize ?? DEFAULT_JOURNAL_SIZE);
    requests = (query) => journal.entries(query);
    app = createApp({ store, journal, ...orgOptions });
  }
  return {
    app,
    store,
    requests,
    request(path, init = {}) {
      const { auth = true, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (auth && !headers.has('Authorization')) headers.set('Authorization', `SSWS ${TOKEN}`);
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      const body = json !== undefined ? JSON.stringify(json) : rest.body;
      return Promise.resolve(app.fetch(new Request(ORG_URL + path, { ...rest, headers, body })));
    },
  };
}
