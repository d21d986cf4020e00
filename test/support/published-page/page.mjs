/**
 * The page of test/browser/published-entries.test.ts: the published entries
 * as an app would import them from the package (dist/, built by
 * `npm run build`), bundled for the browser. Plain JavaScript, so type-checking
 * does not need dist/ to exist.
 */
import { setupWorker } from 'msw/browser';
import { createOrg } from '../../../dist/src/index.js';
import { createOktaHandlers } from '../../../dist/src/msw.js';

const ORG_URL = 'https://dev-456.okta.example';
const TOKEN = '00okta-mock-default-api-token-for-local-use';
const ID = 'tosue7JvguwJ7U6kz0g3';
const headers = { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json' };

async function outcome(response) {
  return { status: response.status, id: (await response.json()).id };
}

window.published = {
  /** `okta-mock`: createOrg's app answering a GET by id in the page, without a socket. */
  async viaApp() {
    const org = createOrg();
    await org.ready;
    return outcome(await org.app.fetch(new Request(`${ORG_URL}/api/v1/trustedOrigins/${ID}`, { headers })));
  },
  /** `okta-mock/msw`: the handlers under MSW's service worker, answering the page's fetch. */
  async viaWorker() {
    const { handlers, org } = createOktaHandlers({ orgUrl: ORG_URL, simulateCors: false });
    const worker = setupWorker(...handlers);
    const unhandled = { onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' };
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, ...unhandled });
    await org.ready;
    return outcome(await fetch(`${ORG_URL}/api/v1/trustedOrigins/${ID}`, { headers }));
  },
};
