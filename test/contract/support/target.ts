/**
 * A target is an org the suite speaks HTTP to. A transport knows how to reach
 * it (MSW in-process, a socket, a real org); `createTarget` adds what every
 * target shares: the token (kept in a closure, never on an enumerable
 * property), the safety guard, ownership of the records this run creates, and
 * their removal.
 */
import type { KnownDifference } from './known-differences.js';
import { checkRequest, isSuiteRecord, newRunPrefix, SWEEP_MIN_AGE_MS, SWEEP_PREFIX, type GuardState } from './safety.js';

export type TargetKind = 'emulator' | 'real-org';

export interface Transport {
  name: string;
  kind: TargetKind;
  /** Shown in the report and the recording metadata: what was spoken to (never the token). */
  describe(): string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Available after start(). */
  orgUrl(): string;
  /** `SSWS …`; only ever put into a request header. */
  authorization(): string;
  send(request: Request): Promise<Response>;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  body?: string;
  /** Adds the API token (default true). */
  auth?: boolean;
}

export interface Target {
  readonly name: string;
  readonly kind: TargetKind;
  readonly runPrefix: string;
  readonly knownDifferences: KnownDifference[];
  describe(): string;
  orgUrl(): string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** `pathOrUrl` is a path on the org or an absolute URL the org handed out (a `next` link). */
  fetch(pathOrUrl: string, options?: RequestOptions): Promise<Response>;
  /** Deletes what this run created and has not deleted yet. */
  cleanup(): Promise<void>;
}

/** Wraps a transport; the drift test uses this to alter answers on their way back. */
export function alterResponses(transport: Transport, alter: (request: Request, response: Response) => Promise<Response>): Transport {
  return { ...transport, send: async (request) => alter(request, await transport.send(request.clone())) };
}

export function createTarget(transport: Transport, knownDifferences: KnownDifference[]): Target {
  const runPrefix = newRunPrefix();
  const created = new Set<string>();
  let guard: GuardState | undefined;

  async function fetchOrg(pathOrUrl: string, options: RequestOptions = {}): Promise<Response> {
    const base = transport.orgUrl();
    const url = new URL(/^https?:\/\//.test(pathOrUrl) ? pathOrUrl : base + pathOrUrl);
    const method = options.method ?? 'GET';
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers.set('Content-Type', 'application/json');
    }
    if (options.auth ?? true) headers.set('Authorization', transport.authorization());
    checkRequest(guard!, method, url, body, headers);
    const request = new Request(url, { method, headers, body, redirect: 'manual' });
    const response = await transport.send(request);
    await track(method, url, response);
    return response;
  }

  /** Ownership comes only from the org's own answers: a create that returned an id. */
  async function track(method: string, url: URL, response: Response): Promise<void> {
    const path = url.pathname.replace(/\/{2,}/g, '/');
    if (method === 'POST' && path === '/api/v1/trustedOrigins' && response.status === 200) {
      const body = (await response.clone().json().catch(() => ({}))) as { id?: unknown };
      if (typeof body.id === 'string') {
        guard!.owned.add(body.id);
        created.add(body.id);
      }
    }
    const deleted = /^\/api\/v1\/trustedOrigins\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && deleted && (response.status === 204 || response.status === 404)) created.delete(deleted[1]!);
  }

  async function cleanup(): Promise<void> {
    for (const id of [...created]) {
      const response = await fetchOrg(`/api/v1/trustedOrigins/${id}`, { method: 'DELETE' }).catch(() => undefined);
      await response?.body?.cancel();
    }
  }

  /** Deletes suite records left by interrupted runs: this run's always, others' once they are 15 minutes old. */
  async function sweep(ownOnly: boolean): Promise<void> {
    let next: string | undefined = `/api/v1/trustedOrigins?q=${SWEEP_PREFIX}&limit=200`;
    const doomed: string[] = [];
    while (next) {
      const response = await fetchOrg(next);
      if (response.status !== 200) return void (await response.body?.cancel());
      const page = (await response.json()) as Array<{ id: string; name: string; origin: string; created?: string }>;
      for (const record of page) {
        if (!isSuiteRecord(record)) continue;
        const own = record.name.startsWith(runPrefix);
        const old = Date.now() - Date.parse(record.created ?? '') > SWEEP_MIN_AGE_MS;
        if (own || (!ownOnly && old)) doomed.push(record.id);
      }
      next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('Link') ?? '')?.[1];
    }
    for (const id of doomed) {
      guard!.owned.add(id);
      created.add(id);
    }
    await cleanup();
  }

  const onSignal = (signal: NodeJS.Signals) => {
    void cleanup()
      .then(() => sweep(true))
      .catch(() => undefined)
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  return {
    name: transport.name,
    kind: transport.kind,
    runPrefix,
    knownDifferences,
    describe: () => transport.describe(),
    orgUrl: () => transport.orgUrl(),
    fetch: fetchOrg,
    cleanup,
    async setup() {
      await transport.start();
      guard = { orgUrl: transport.orgUrl(), runPrefix, owned: new Set() };
      process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
      await sweep(false);
    },
    async teardown() {
      try {
        if (guard) {
          await cleanup();
          await sweep(true);
        }
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        await transport.stop();
      }
    },
  };
}
