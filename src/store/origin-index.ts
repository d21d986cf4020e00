import { parseOrigin } from '../domain/origin-url.js';
import { canonicalOfParsed } from '../domain/trusted-for.js';

// The trusted-origin store's origin indexes, for CORS, redirect and near-miss checks.

export type OriginKeys = { canonical: string | undefined; host: string | undefined };

/** Ids by canonical origin (`http://localhost:8080/` and `HTTP://LOCALHOST:8080` are one key), and by lower-case host, so a refused origin's near misses are found without a scan. */
export interface OriginIndex {
  readonly byCanonical: IdIndex;
  readonly byHost: IdIndex;
}

export function addOrigin(index: OriginIndex, id: string, keys: OriginKeys): void {
  if (keys.canonical !== undefined) addTo(index.byCanonical, keys.canonical, id);
  if (keys.host !== undefined) addTo(index.byHost, keys.host, id);
}

export function removeOrigin(index: OriginIndex, id: string, keys: OriginKeys): void {
  if (keys.canonical !== undefined) removeFrom(index.byCanonical, keys.canonical, id);
  if (keys.host !== undefined) removeFrom(index.byHost, keys.host, id);
}

/** The index keys of an origin, from one parse: its canonical form (CORS and redirect checks) and its host (near misses). */
export function originKeys(origin: string): OriginKeys {
  const parsed = parseOrigin(origin);
  return { canonical: parsed && canonicalOfParsed(parsed), host: parsed?.host };
}

/**
 * Ids by a key, most keys naming one record: a lone id is kept as it is and
 * becomes a Set only when a second one shares its key. A Set per record was a
 * third of the objects each stored record added for the garbage collector.
 */
export type IdIndex = Map<string, string | Set<string>>;

export function idsIn(index: IdIndex, key: string): string[] {
  const ids = index.get(key);
  return ids === undefined ? [] : typeof ids === 'string' ? [ids] : [...ids];
}

function addTo(index: IdIndex, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) index.set(key, id);
  else if (typeof ids === 'string') {
    if (ids !== id) index.set(key, new Set([ids, id]));
  } else ids.add(id);
}

function removeFrom(index: IdIndex, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === id) index.delete(key);
  else if (typeof ids === 'object') {
    ids.delete(id);
    if (ids.size === 1) index.set(key, ids.values().next().value!);
  }
}
