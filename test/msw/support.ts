import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The org the Node MSW tests intercept: never a real host, nothing goes out. */
export const ORG_URL = 'https://dev-123.okta.example';
export const TOKEN = '00okta-mock-default-api-token-for-local-use';
export const SEEDED_IDS = ['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4'];

export interface TrustedOriginBody {
  id: string;
  name: string;
  origin: string;
  status: string;
  scopes: Array<{ type: string }>;
  _links: { self: { href: string } };
}

/** Plain fetch to the org with the default SSWS token (intercepted by setupServer). */
export function api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Accept', 'application/json');
  if (!headers.has('Authorization')) headers.set('Authorization', `SSWS ${TOKEN}`);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(ORG_URL + path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
}

export async function listOrigins(query = ''): Promise<TrustedOriginBody[]> {
  const res = await api(`/api/v1/trustedOrigins${query}`);
  if (res.status !== 200) throw new Error(`list: ${res.status} ${await res.text()}`);
  return (await res.json()) as TrustedOriginBody[];
}

export async function createOrigin(name: string, origin: string, scopes = ['CORS']): Promise<TrustedOriginBody> {
  const res = await api('/api/v1/trustedOrigins', {
    method: 'POST',
    json: { name, origin, scopes: scopes.map((type) => ({ type })) },
  });
  if (res.status !== 200) throw new Error(`create: ${res.status} ${await res.text()}`);
  return (await res.json()) as TrustedOriginBody;
}

/**
 * `server.listen()` options naming one unhandled-request policy for msw 2
 * (`onUnhandledRequest(request, print)`) and msw 3 (`onUnhandledFrame({ frame, defaults })`);
 * each major ignores the other's key. `decide` sees every request no handler
 * took and says whether it goes on to the network (`bypass`) or fails as a
 * network error (`error`, MSW's own "error" strategy: a message, then a `TypeError` in the caller).
 */
export function unhandledPolicy(decide: (request: Request) => 'bypass' | 'error'): Record<string, unknown> {
  return {
    // msw 2: `print.error()` logs and throws MSW's internal error, which fails the request.
    onUnhandledRequest: (request: Request, print: { error(): void }) => {
      if (decide(request) === 'error') print.error();
    },
    // msw 3: `defaults.error()` only logs; a thrown `Response.error()` fails the request.
    onUnhandledFrame: async ({ frame, defaults }: { frame: { data?: { request?: unknown } }; defaults: { error(): Promise<void> | void } }) => {
      const request = frame.data?.request;
      if (!(request instanceof Request) || decide(request) !== 'error') return;
      await defaults.error();
      throw Response.error();
    },
  };
}

/**
 * Meeting point of node-a.test.ts and node-b.test.ts when parallel.test.ts
 * runs them side by side (`OKTA_MOCK_MSW_RENDEZVOUS` names a shared folder):
 * marks `mine`, then waits for the other file's `theirs`. Proves the two files
 * really overlapped while each held its records. A no-op in an ordinary run,
 * where Vitest may run the files one after the other.
 */
export async function rendezvous(mine: string, theirs: string, timeoutMs = 15_000): Promise<boolean> {
  const dir = process.env.OKTA_MOCK_MSW_RENDEZVOUS;
  if (!dir) return false;
  writeFileSync(join(dir, mine), String(process.pid));
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(join(dir, theirs))) {
    if (Date.now() > deadline) throw new Error(`the other test file never reached "${theirs}": the files did not run in parallel`);
    await sleep(25);
  }
  return true;
}
