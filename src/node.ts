import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { OktaMockApp } from './app.js';
import { loadFixtures } from './fixtures-file.js';
import { writeHeaderLinesApart } from './node-header-lines.js';
import type { HttpsOption } from './tls.js';
import { createOrg } from './org.js';
import { SIGN_IN_PATH } from './routes/login.js';
import type { OrgStore } from './store/org-store.js';
import type { Fixtures } from './store/schemas.js';

export { DEFAULT_FIXTURES_DIR, loadFixtures } from './fixtures-file.js';
export type { HttpsOption } from './tls.js';

export interface StartServerOptions {
  /** 0 picks any free port. */
  port?: number;
  host?: string;
  /** A fixtures directory or file; defaults to the reference's examples shipped with the package. */
  fixtures?: string | Fixtures;
  /** Start with no trusted origins (users and tokens still load, so the API stays usable). */
  empty?: boolean;
  /** Extra API tokens; each belongs to the first fixture user unless the fixtures already name its owner. */
  tokens?: string[];
  randomSeed?: number;
  now?: () => Date;
  /** Serve HTTPS: `true` with a certificate made at start for localhost, 127.0.0.1 and ::1, or your own PEM files. */
  https?: HttpsOption;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  /** The token to put after `SSWS `: the first `--token`, else the first fixture token. */
  token: string | undefined;
  /** The first fixture user with a password, for the sign-in page. */
  signIn: { url: string; login: string; password: string } | undefined;
  store: OrgStore;
  app: OktaMockApp;
  /** With `https`: whether the certificate was generated, and its SHA-256 fingerprint. */
  certificate: { generated: boolean; fingerprint256: string } | undefined;
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
  const fixtures =
    typeof options.fixtures === 'string' ? await loadFixtures(options.fixtures) : options.fixtures;
  const { app, store, fixtures: loaded, ready } = createOrg({ ...options, fixtures });
  await ready;

  let tls;
  if (options.https) {
    // Loaded only for HTTPS, so a plain start never pays for certificate handling.
    const { tlsCredentials, TlsSetupError } = await import('./tls.js');
    try {
      tls = await tlsCredentials(options.https);
    } catch (error) {
      throw error instanceof TlsSetupError ? new ServerStartError(error.message) : error;
    }
  }
  const secure = tls ? { createServer: (await import('node:https')).createServer, serverOptions: { cert: tls.cert, key: tls.key } } : {};
  const server = createAdaptorServer({
    ...secure,
    fetch: (request, env) => {
      const outgoing = 'outgoing' in env ? (env.outgoing as ServerResponse) : undefined;
      const answer = app.fetch(request, env);
      return answer instanceof Promise ? answer.then((res) => writeHeaderLinesApart(res, outgoing)) : writeHeaderLinesApart(answer, outgoing);
    },
    hostname: host,
  });
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
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const token = options.tokens?.[0] ?? loaded.users.flatMap((u) => u.apiTokens)[0];
  const url = `${tls ? 'https' : 'http'}://${urlHost}:${address.port}`;
  const person = loaded.users.find((u) => u.password !== undefined && u.status === 'ACTIVE');
  return {
    url,
    signIn: person && { url: `${url}${SIGN_IN_PATH}`, login: person.profile.login, password: person.password! },
    port: address.port,
    host: address.address,
    token,
    store,
    app,
    certificate: tls && { generated: tls.generated, fingerprint256: tls.fingerprint256 },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
