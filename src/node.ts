import { createServer as createHttpServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { answerAfterHalfClose, createAnswerBatch, handleWithTheTurn } from './answer-batch.js';
import type { OktaMockApp } from './app.js';
import { DataFileWriter, readDataFile } from './data-file.js';
import { loadFixtureDocument } from './fixtures-file.js';
import type { FaultRulesHandle } from './faults.js';
import type { Journal, JournalEntry, JournalListener } from './journal.js';
import type { OrgOperations } from './org-operations.js';
import { closeGracefully } from './graceful-stop.js';
import type { HttpsOption } from './tls.js';
import { createOrg } from './org.js';
import { SIGN_IN_PATH } from './routes/login.js';
import type { OrgStore } from './store/org-store.js';
import type { FixturesInput } from './store/schemas.js';

export { DEFAULT_FIXTURES_DIR, loadFixtureDocument, loadFixtures } from './fixtures-file.js';
export type { HttpsOption } from './tls.js';

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
  /** How many requests the journal keeps (default 1,000); 0 keeps none, `onRequest` is still told. */
  journalSize?: number;
  /** Told every request the org answers, as its journal entry (the CLI's log lines). */
  onRequest?: JournalListener;
  /** Origins trusted from the start for CORS and REDIRECT (`--trust`); part of the seed. */
  trust?: string[];
  /** Keep the org's content in this file (`--data`): read at start when it exists, rewritten after every change. */
  data?: string;
  /** Serve HTTPS: `true` with a certificate made at start for localhost, 127.0.0.1 and ::1, or your own PEM files. */
  https?: HttpsOption;
  /** Enforce this many requests per minute per endpoint family (`--rate-limit`): past it, 429 E0000047. */
  rateLimit?: number;
}

export interface RunningServer extends OrgOperations {
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
  /** The requests the org answered. */
  journal: Journal;
  /** The journal, oldest first (`limit`: the newest n; `since`: after that request id), as the control API's `GET /__okta-mock/requests`. */
  requests(options?: { limit?: number; since?: string }): JournalEntry[];
  /** Empties the journal, as `DELETE /__okta-mock/requests`. */
  clearRequests(): void;
  /** The enforced rate limit (`rateLimit`), per minute and endpoint family; undefined when only reported. */
  rateLimit: number | undefined;
  /** Fault rules, as `/__okta-mock/faults`: `add(rule)`, `list()`, `clear()`, `remove(id)`. */
  faults: FaultRulesHandle;
  /** Stops accepting connections, lets requests in flight finish (a few seconds at most), then resolves. */
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
  const file = typeof options.fixtures === 'string' ? await loadFixtureDocument(options.fixtures) : undefined;
  // Read before anything else happens: a bad file stops the start and is left as it is.
  const saved = options.data === undefined ? undefined : await readDataFile(options.data);
  const org = createOrg({ ...options, fixtures: typeof options.fixtures === 'string' ? file?.fixtures : options.fixtures, content: saved });
  const { app, store, fixtures: loaded, ready, journal } = org;
  await ready;
  const stopTelling = options.onRequest ? journal.subscribe(options.onRequest) : () => undefined;

  type OrgFetch = (request: Request, env?: unknown) => Response | Promise<Response>;
  let handle: OrgFetch = app.fetch;
  if (options.data !== undefined) {
    const writer = new DataFileWriter(options.data, (error) => console.error(`okta-mock: cannot write the --data file: ${error.message}`));
    store.onChange(() => void writer.write(store.exportState()).catch(() => {}));
    await writer.write(store.exportState()).catch((error: NodeJS.ErrnoException) => {
      throw new ServerStartError(`cannot write the --data file ${options.data}: ${error.code ?? error.message}`);
    });
    // An answer leaves only once the state it reports is on disk: a kill after a 200 never loses that change.
    handle = async (request, env) => {
      const response = await app.fetch(request, env as never);
      await writer.flushed();
      return response;
    };
  }

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
  const createNodeServer = (tls ? (await import('node:https')).createServer : createHttpServer) as (options: ServerOptions, listener: RequestListener) => Server;
  const answerWithTheTurn = createAnswerBatch();
  const server = createAdaptorServer({
    // https takes the certificate here; typed as node:http's, as the adaptor's options are one type per module.
    serverOptions: (tls ? { cert: tls.cert, key: tls.key } : {}) as ServerOptions,
    // The adaptor's own listener, run for each turn's requests together (src/answer-batch.ts).
    createServer: ((serverOptions: ServerOptions, listener: RequestListener) =>
      answerAfterHalfClose(createNodeServer(serverOptions, handleWithTheTurn(listener)))) as typeof createHttpServer,
    // The app writes an answer's repeated lines (Link, Set-Cookie) as arrays for this server (http.ts respond()).
    fetch: (request, env) => answerWithTheTurn(handle(request, env)),
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
  // The name the caller gave, not the address it resolved to: cookies and CORS origins compare
  // host names, so `--host localhost` must print a localhost URL.
  const named = options.host ?? address.address;
  const urlHost = named.includes(':') ? `[${named}]` : named;
  const token = options.tokens?.[0] ?? loaded.users.flatMap((u) => u.apiTokens)[0];
  const url = `${tls ? 'https' : 'http'}://${urlHost}:${address.port}`;
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
    journal,
    requests: (query) => journal.entries(query),
    clearRequests: () => journal.clear(),
    faults: org.faults,
    rateLimit: options.rateLimit,
    reset: org.reset,
    exportState: org.exportState,
    importState: org.importState,
    // Requests that finish while closing are still told.
    // Delayed answers (fault rules) are let go at once: a stop never waits out a delay.
    close: () => {
      org.faults.cutDelaysShort();
      return closeGracefully(server as Server).finally(stopTelling);
    },
    certificate: tls && { generated: tls.generated, fingerprint256: tls.fingerprint256 },
  };
}
