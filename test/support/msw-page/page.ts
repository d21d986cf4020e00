/**
 * The browser page of test/browser/msw-worker.test.ts, bundled by esbuild for
 * the browser (see bundle.ts): MSW's `setupWorker` over `createOktaHandlers`,
 * as an app would start it in development. Options come from the query string
 * (`?simulateCors=0`, `?persist=1`, `?empty=1`) so that a reload starts the
 * same handlers again.
 */
import { setupWorker } from 'msw/browser';
import { createOktaHandlers } from '../../../src/msw.js';

export const ORG_URL = 'https://dev-123.okta.example';

/** What a call from the page saw; `rejected` is what a blocked cross-origin fetch gives. */
export type CallOutcome =
  | { outcome: 'resolved'; status: number; body: unknown }
  | { outcome: 'rejected'; name: string; message: string };

export interface MswPageApi {
  orgUrl: string;
  /** Resolves once the worker is registered and the org is loaded. */
  ready: Promise<void>;
  /** `fetch(orgUrl + path, init)`, reporting what the page saw instead of throwing. */
  call(path: string, init?: RequestInit): Promise<CallOutcome>;
  reset(): Promise<void>;
}

const params = new URLSearchParams(location.search);
const { handlers, org } = createOktaHandlers({
  orgUrl: ORG_URL,
  simulateCors: params.get('simulateCors') !== '0',
  persist: params.get('persist') === '1',
  empty: params.get('empty') === '1',
});
const worker = setupWorker(...handlers);

const api: MswPageApi = {
  orgUrl: ORG_URL,
  ready: (async () => {
    // `onUnhandledRequest` is msw 2's name for the policy, `onUnhandledFrame` msw 3's; each ignores the other.
    const unhandled = { onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' } as Record<string, unknown>;
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, ...unhandled });
    await org.ready;
  })(),
  async call(path, init) {
    try {
      const response = await fetch(ORG_URL + path, init);
      const text = await response.text();
      return { outcome: 'resolved', status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    } catch (error) {
      const e = error as Error;
      return { outcome: 'rejected', name: e.name, message: e.message };
    }
  },
  reset: () => org.reset(),
};
(window as unknown as { oktaMock: MswPageApi }).oktaMock = api;
