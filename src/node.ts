import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { OktaMockApp } from './app.js';
import { loadFixtureDocument } from './fixtures-file.js';
import { createOrg } from './org.js';
import { SIGN_IN_PATH } from './routes/login.js';
import type { OrgStore } from './store/org-store.js';
import type { FixturesInput } from './store/schemas.js';

export { DEFAULT_FIXTURES_DIR, loadFixtureDocument, loadFixtures } from './fixtures-file.js';

export interface StartServerOptions {
  /** 0 picks any free port. */
  port?: number;
  host?: string;
  /** A fixtures directory or file; defaults to the reference's examples shipped with the package. */
  fixtures?: string | FixturesInput;
  /** Start with no trusted origins (users and tokens still load, so the API stays usable). */
  empty?: boolean;
  /** Extra API tokens; each belongs to the first fixture user unless the fixtures already name its owner. */
  tokens?: string[];
  randomSeed?: number;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  /** The token to put after `SSWS `: the first `--token`, else the first fixture token. */
  token: string | undefined;
  /** True when the fixtures had no users, so the bundled admin and its API token were loaded. */
  usedDefaultAdmin: boolean;
  /** The first fixture user with a password, for the sign-in page. */
  signIn: { url: string; login: string; password: string } | undefined;
  store: OrgStore;
  app: OktaMockApp;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export class ServerStartError extends Error {
  override name = 'ServerStartError';
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const file = typeof options.fixtures === 'string' ? await loadFixtureDocument(options.fixtures) : undefined;
  const org = createOrg({ ...options, fixtures: typeof options.fixtures === 'string' ? file?.fixtures : options.fixtures });
  const { app, store, fixtures: loaded, ready } = org;
  await ready;

  const server = createAdaptorServer({ fetch: app.fetch, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is already in use`
          : `cannot listen on ${host}:${port}: ${error.code ?? error.message}`;
      reject(new ServerStartError(reason));
    });
    server.listen(port, host, () => resolve());
  });

  const address = server.address() as AddressInfo;
  // The name the caller gave, not the address it resolved to: cookies and CORS origins compare
  // host names, so `--host localhost` must print a localhost URL.
  const named = options.host ?? address.address;
  const urlHost = named.includes(':') ? `[${named}]` : named;
  const token = options.tokens?.[0] ?? loaded.users.flatMap((u) => u.apiTokens)[0];
  const url = `http://${urlHost}:${address.port}`;
  const person = loaded.users.find((u) => u.password !== undefined && u.status === 'ACTIVE');
  return {
    url,
    signIn: person && { url: `${url}${SIGN_IN_PATH}`, login: person.profile.login, password: person.password! },
    usedDefaultAdmin: file ? file.usedDefaultAdmin : org.usedDefaultAdmin,
    port: address.port,
    host: address.address,
    token,
    store,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
