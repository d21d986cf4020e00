import { OktaApiError } from '../errors.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;

/** Default 20; above 200 is clamped to 200; anything that is not a positive integer is refused. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw OktaApiError.of('E0000029');
  return Math.min(Number(raw), MAX_LIMIT);
}

export const invalidCursor = () => OktaApiError.of('E0000029').withCauses([{ errorSummary: 'Invalid cursor.' }]);

export interface Page<T> {
  items: T[];
  /** The cursor for the next page: the id of the last item, present only while more remain. */
  nextAfter: string | undefined;
}

/**
 * Walks `records` from the `start`-th on, keeping up to `limit` matches and noting whether another
 * match exists. It stops there, so a page costs its own length, not the store's.
 */
export function collectPage<T extends { id: string }>(
  records: Iterable<T>,
  start: number,
  limit: number,
  matches: (record: T) => boolean,
): Page<T> {
  const items: T[] = [];
  let index = 0;
  for (const record of records) {
    if (index++ < start || !matches(record)) continue;
    if (items.length === limit) return { items, nextAfter: items[items.length - 1]!.id };
    items.push(record);
  }
  return { items, nextAfter: undefined };
}

/** What application/x-www-form-urlencoded leaves as it is. */
const FORM_SAFE = /^[A-Za-z0-9*._-]*$/;

/** `key=value` as URLSearchParams writes it; ids and limits need no encoding, so most pairs skip building one. */
const formPair = (key: string, value: string) =>
  FORM_SAFE.test(key) && FORM_SAFE.test(value) ? `${key}=${value}` : new URLSearchParams([[key, value]]).toString();

/**
 * One `Link` value per relation, as Okta sends them: `self` repeats the
 * request with the effective limit, `next` swaps in the new cursor.
 */
export function paginationLinks(
  resourceUrl: string,
  params: Record<string, string | undefined>,
  limit: number,
  nextAfter: string | undefined,
): readonly string[] {
  // A client paging through the org, or polling its first page, asks for the same links again and again.
  const key: unknown[] = [resourceUrl, limit, nextAfter];
  for (const name in params) key.push(name, params[name]);
  if (lastLinks !== undefined && sameKey(lastLinks.key, key)) return lastLinks.links;
  const links = buildLinks(resourceUrl, params, limit, nextAfter);
  lastLinks = { key, links };
  return links;
}

let lastLinks: { key: readonly unknown[]; links: readonly string[] } | undefined;
const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => value === b[i]);

function buildLinks(
  resourceUrl: string,
  params: Record<string, string | undefined>,
  limit: number,
  nextAfter: string | undefined,
): string[] {
  // The query keys, sorted once for both links: the request's own (cursor and limit replaced).
  const keys = Object.keys(params).filter((key) => key !== 'after' && key !== 'limit' && params[key] !== undefined);
  keys.push('after', 'limit');
  keys.sort();
  const limitText = String(limit);
  const build = (after: string | undefined) => {
    let query = '';
    for (const key of keys) {
      const value = key === 'after' ? after : key === 'limit' ? limitText : params[key];
      if (value !== undefined) query += (query === '' ? '' : '&') + formPair(key, value);
    }
    return `<${resourceUrl}?${query}>`;
  };
  const links = [`${build(params.after)}; rel="self"`];
  if (nextAfter !== undefined) links.push(`${build(nextAfter)}; rel="next"`);
  return links;
}
