import type { components } from '../generated/openapi.js';
import { trustedOriginLinks } from './links.js';
import type { TrustedOriginRecord } from './trusted-origin.js';

/** The wire shape, as the contract in contracts/ defines it. */
export type TrustedOriginWire = components['schemas']['TrustedOrigin'];

/** The wire shape, keys in the order real Okta responses use. */
export function serializeTrustedOrigin(record: TrustedOriginRecord, orgUrl: string): TrustedOriginWire {
  return {
    id: record.id,
    name: record.name,
    origin: record.origin,
    scopes: record.scopes.map((s) =>
      s.allowedOktaApps === undefined ? { type: s.type } : { type: s.type, allowedOktaApps: [...s.allowedOktaApps] },
    ),
    status: record.status,
    created: record.created,
    createdBy: record.createdBy,
    lastUpdated: record.lastUpdated,
    lastUpdatedBy: record.lastUpdatedBy,
    _links: trustedOriginLinks(orgUrl, record.id, record.status),
  };
}

/**
 * The JSON text of `serializeTrustedOrigin(record, orgUrl)`, kept for the
 * records answered last: the store never changes a record in place (it makes
 * a new one on every update), so a text found for the very same record object
 * is still right. A list of 20 then costs 20 lookups, not 20 serializations.
 * Bounded and keyed by id, not a WeakMap over every record: an org of 100,000
 * origins made that WeakMap's entries a large share of every garbage
 * collection, and a create paid for one more entry each time.
 */
const JSON_KEPT = 4096;
const jsonById = new Map<string, { record: TrustedOriginRecord; orgUrl: string; json: string }>();

export function trustedOriginJson(record: TrustedOriginRecord, orgUrl: string): string {
  const kept = jsonById.get(record.id);
  if (kept !== undefined && kept.record === record && kept.orgUrl === orgUrl) return kept.json;
  const json = JSON.stringify(serializeTrustedOrigin(record, orgUrl));
  if (kept === undefined && jsonById.size >= JSON_KEPT) jsonById.delete(jsonById.keys().next().value!);
  jsonById.set(record.id, { record, orgUrl, json });
  return json;
}

/**
 * The last list answered: a client polling a page gets the same records
 * (the same objects, as nothing changed them) and so the same text, which is
 * then reused instead of joined again (a page of 20 is some 11 KB per request).
 */
let lastList: { records: readonly TrustedOriginRecord[]; orgUrl: string; json: string } | undefined;

const sameRecords = (a: readonly TrustedOriginRecord[], b: readonly TrustedOriginRecord[]) =>
  a.length === b.length && a.every((record, i) => record === b[i]);

/** The same bytes as `JSON.stringify(records.map((r) => serializeTrustedOrigin(r, orgUrl)))`. */
export function trustedOriginListJson(records: readonly TrustedOriginRecord[], orgUrl: string): string {
  if (lastList && lastList.orgUrl === orgUrl && sameRecords(lastList.records, records)) return lastList.json;
  // join() makes one flat string; a chain of += is a rope the socket write would flatten first.
  const texts = new Array<string>(records.length);
  for (let i = 0; i < records.length; i++) texts[i] = trustedOriginJson(records[i]!, orgUrl);
  const json = `[${texts.join(',')}]`;
  lastList = { records: [...records], orgUrl, json };
  return json;
}
