/**
 * What keeps the suite safe on a real org. Every request of every target goes
 * through `checkRequest` (so the emulator runs prove the cases never ask for
 * anything unsafe): the suite may only create trusted origins whose name and
 * origin carry the run prefix, and only read, change or delete those.
 */
import { randomBytes } from 'node:crypto';

/** Every record the suite creates starts with this; the sweep looks for it. */
export const SWEEP_PREFIX = 'okta-mock-contract-';
/** A well-formed trusted-origin id that no org holds (for the 404 cases). */
export const MISSING_ID = 'tos0ContractMissing1';
/** Leftovers of other runs are swept at start only when older than this (a parallel run may own younger ones; a run takes seconds). */
export const SWEEP_MIN_AGE_MS = 15 * 60 * 1000;

/** `okta-mock-contract-` + 8 random hex digits: lower case, so it also works as a host name label. */
export function newRunPrefix(): string {
  return SWEEP_PREFIX + randomBytes(4).toString('hex');
}

/** Whether a stored trusted origin was made by some run of this suite (name and origin both prefixed). */
export function isSuiteRecord(record: { name?: unknown; origin?: unknown }): boolean {
  if (typeof record.name !== 'string' || typeof record.origin !== 'string') return false;
  if (!record.name.startsWith(SWEEP_PREFIX)) return false;
  try {
    return new URL(record.origin).hostname.startsWith(SWEEP_PREFIX);
  } catch {
    return false;
  }
}

export class SafetyError extends Error {
  override name = 'SafetyError';
}

export interface GuardState {
  orgUrl: string;
  runPrefix: string;
  /** Ids of records this run created, or that the sweep proved to be the suite's. */
  owned: Set<string>;
}

const ID_PATH = /^\/api\/v1\/trustedOrigins\/([^/]+)(?:\/lifecycle\/(?:activate|deactivate))?$/;
const CORS_PATHS = ['/api/v1/authn', '/api/v1/users/me', '/api/v1/sessions/me', '/api/v1/sessions/me/lifecycle/refresh', '/.well-known/okta-organization'];

/** A list filter that can only match our records: our ids, or `name eq|sw "<run prefix>…" and (…)`. */
function filterIsPinned(filter: string, state: GuardState): boolean {
  const ids = /^\(?id eq "([^"]+)"((?: or id eq "[^"]+")*)\)?$/.exec(filter);
  if (ids) {
    const all = [...filter.matchAll(/id eq "([^"]+)"/g)].map((m) => m[1]!);
    return all.every((id) => state.owned.has(id) || id === MISSING_ID);
  }
  const named = /^name (?:eq|sw) "([^"]*)"(?: and \((.*)\))?$/.exec(filter);
  return named !== null && named[1]!.startsWith(state.runPrefix) && !/\)\s*or\b/.test(named[2] ?? '');
}

function jsonBody(body: string | undefined): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(body ?? '') as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return undefined; // not JSON: the org cannot create anything from it
  }
}

/**
 * Throws a SafetyError unless the request can only touch records of this run
 * (or of the suite, for the sweep). Never includes header values in the message.
 */
export function checkRequest(state: GuardState, method: string, url: URL, body: string | undefined, headers: Headers): void {
  const refuse = (why: string) => {
    throw new SafetyError(`safety guard refused ${method} ${url.pathname}: ${why}`);
  };
  if (url.origin !== new URL(state.orgUrl).origin) refuse('not the org under test');
  const path = url.pathname.replace(/\/{2,}/g, '/');
  if (method === 'OPTIONS') return; // preflights change and reveal nothing
  if (path === '/api/v1/trustedOrigins') {
    if (method === 'GET') {
      const q = url.searchParams.get('q');
      const filter = url.searchParams.get('filter');
      if (q !== null && (q.startsWith(state.runPrefix) || q === SWEEP_PREFIX)) return;
      if (q === null && filter !== null && filterIsPinned(filter, state)) return;
      return refuse('a list must be narrowed to the run prefix with q, or with a filter on our ids or names');
    }
    if (method === 'POST') {
      const json = jsonBody(body);
      if (json === undefined) return;
      const { name, origin } = json;
      if (name !== undefined && !(typeof name === 'string' && name.startsWith(state.runPrefix))) refuse('name without the run prefix');
      if (typeof origin !== 'string' || !origin.includes(state.runPrefix)) refuse('origin without the run prefix');
      return;
    }
    if (method === 'PATCH') return; // not an operation of the API (405)
    return refuse('not an operation the suite uses');
  }
  const byId = ID_PATH.exec(path);
  if (byId) {
    const id = decodeURIComponent(byId[1]!);
    if (state.owned.has(id) || id === MISSING_ID) return;
    return refuse('not a record of this run');
  }
  if (CORS_PATHS.includes(path)) {
    if (headers.has('Authorization') || headers.has('Cookie')) refuse('the CORS cases send no credentials');
    if (path === '/api/v1/authn' && method === 'POST') {
      const username = jsonBody(body)?.username;
      if (typeof username === 'string' && username.startsWith(state.runPrefix)) return;
      return refuse('authn only with a made-up user of the run prefix');
    }
    if (method === 'GET') return;
    return refuse('only GET and preflights');
  }
  if (method === 'GET' && path.includes(state.runPrefix)) return; // made-up unknown path
  refuse('not a path the suite uses');
}
