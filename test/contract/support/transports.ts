/** The three ways to reach an org: MSW in-process, the CLI over a socket, a real org. */
import { getResponse } from 'msw';
import { createOktaHandlers } from '../../../src/msw.js';
import { startCli, type RunningCli } from '../../support/cli.js';
import { appHeaderLines, fetchKeepingHeaderLines } from './header-lines.js';
import type { Transport } from './target.js';

const DEFAULT_TOKEN = '00okta-mock-default-api-token-for-local-use';

/** The emulator as MSW handlers, every request resolved by `getResponse` (no socket). */
export function mswTransport(orgUrl = 'https://dev-123.example.com'): Transport {
  let handlers: ReturnType<typeof createOktaHandlers>['handlers'] = [];
  return {
    name: 'emulator-msw',
    kind: 'emulator',
    describe: () => `okta-mock in-process through MSW getResponse (${orgUrl})`,
    async start() {
      const created = createOktaHandlers({ orgUrl });
      await created.org.ready;
      handlers = created.handlers;
    },
    async stop() {},
    orgUrl: () => orgUrl,
    authorization: () => `SSWS ${DEFAULT_TOKEN}`,
    async send(request) {
      const response = await getResponse(handlers, request);
      if (!response) throw new Error(`no MSW handler answered ${request.method} ${new URL(request.url).pathname}`);
      return appHeaderLines(response);
    },
  };
}

/** The real CLI (`bin/okta-mock.js --port 0`), spoken to over HTTP. */
export function socketTransport(): Transport {
  let cli: RunningCli | undefined;
  const running = () => cli ?? (() => { throw new Error('socket target not started'); })();
  return {
    name: 'emulator-socket',
    kind: 'emulator',
    describe: () => `okta-mock CLI over a socket (${cli?.url ?? 'not started'})`,
    async start() {
      cli = await startCli();
    },
    async stop() {
      await cli?.stop();
    },
    orgUrl: () => running().url,
    authorization: () => `SSWS ${running().token ?? DEFAULT_TOKEN}`,
    send: fetchKeepingHeaderLines,
  };
}

export interface RealOrgSettings {
  orgUrl: string;
  token: string;
}

/**
 * Why the real-org target does not run, or undefined when it may. Both
 * variables and an explicit opt-in are needed; the token is never echoed.
 */
export function realOrgSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = ['OKTA_ORG_URL', 'OKTA_API_TOKEN'].filter((name) => !env[name]);
  if (missing.length > 0) return `${missing.join(' and ')} not set: no real org to compare with`;
  if (env.OKTA_CONTRACT_ALLOW_REAL_ORG !== 'yes') {
    return 'OKTA_CONTRACT_ALLOW_REAL_ORG is not "yes": the suite creates and deletes prefixed trusted origins, so it needs an explicit opt-in';
  }
  try {
    const url = new URL(env.OKTA_ORG_URL!);
    if (url.pathname !== '/' || url.search !== '') return 'OKTA_ORG_URL must be the org URL only, e.g. https://dev-123.okta.com';
  } catch {
    return 'OKTA_ORG_URL is not a URL';
  }
  return undefined;
}

export function realOrgTransport(env: NodeJS.ProcessEnv = process.env): Transport {
  const orgUrl = new URL(env.OKTA_ORG_URL!).origin;
  const token = env.OKTA_API_TOKEN!;
  return {
    name: 'real-org',
    kind: 'real-org',
    describe: () => `real org ${orgUrl}`,
    async start() {},
    async stop() {},
    orgUrl: () => orgUrl,
    authorization: () => `SSWS ${token}`,
    send: fetchKeepingHeaderLines,
  };
}
