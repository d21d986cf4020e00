import type { components } from '../generated/openapi.js';
import { jsonTemplate, marker, templateFiller, type SlotReader, type TemplateFiller, type TemplateSlot } from './json-template.js';
import { trustedOriginLinks } from './links.js';
import type { TrustedOriginRecord } from './trusted-origin.js';

/** The wire shape, as the contract in contracts/ defines it. */
export type TrustedOriginWire = components['schemas']['TrustedOrigin'];

type WireScope = TrustedOriginWire['scopes'][number];

const wireScope = (s: TrustedOriginRecord['scopes'][number]): WireScope =>
  s.allowedOktaApps === undefined ? { type: s.type } : { type: s.type, allowedOktaApps: [...s.allowedOktaApps] };

/**
 * The JSON of scopes that give only their type, kept per sequence of types:
 * there are three types, so a handful of texts covers nearly every record,
 * and a create serialized its scopes anew each time (a tenth of its own JSON).
 * Scopes with allowedOktaApps are serialized as they are.
 */
const typesOnlyScopes: Array<{ types: readonly string[]; json: string }> = [];
const TYPES_ONLY_KEPT = 32;

function scopesJson(scopes: TrustedOriginRecord['scopes']): string {
  for (const scope of scopes) if (scope.allowedOktaApps !== undefined) return JSON.stringify(scopes.map(wireScope));
  for (const kept of typesOnlyScopes) {
    if (kept.types.length === scopes.length && kept.types.every((type, i) => type === scopes[i]!.type)) return kept.json;
  }
  const json = JSON.stringify(scopes.map(wireScope));
  if (typesOnlyScopes.length < TYPES_ONLY_KEPT) typesOnlyScopes.push({ types: scopes.map((scope) => scope.type), json });
  return json;
}

/** The wire object around given scopes and links: the one place that orders its keys. */
function wireShape(record: TrustedOriginRecord, scopes: WireScope[], links: TrustedOriginWire['_links']): TrustedOriginWire {
  return {
    id: record.id,
    name: record.name,
    origin: record.origin,
    scopes,
    status: record.status,
    created: record.created,
    createdBy: record.createdBy,
    lastUpdated: record.lastUpdated,
    lastUpdatedBy: record.lastUpdatedBy,
    _links: links,
  };
}

/** The wire shape, keys in the order real Okta responses use. */
export function serializeTrustedOrigin(record: TrustedOriginRecord, orgUrl: string): TrustedOriginWire {
  return wireShape(record, record.scopes.map(wireScope), trustedOriginLinks(orgUrl, record.id, record.status));
}

/**
 * The JSON text of serializeTrustedOrigin, from a template per status (the
 * links differ by status): the same bytes as JSON.stringify, in about half
 * of its time, as only the record's own strings are escaped.
 */
type Filler = TemplateFiller<TrustedOriginRecord, string>;
const fillers = new Map<string, Filler>();

function fillerFor(status: TrustedOriginRecord['status']): Filler {
  let filler = fillers.get(status);
  if (filler === undefined) {
    const marked = {
      id: marker('id'),
      name: marker('name'),
      origin: marker('origin'),
      scopes: [],
      status,
      created: marker('created'),
      createdBy: marker('createdBy'),
      lastUpdated: marker('lastUpdated'),
      lastUpdatedBy: marker('lastUpdatedBy'),
    };
    const scopes = marker('scopes') as unknown as WireScope[];
    const template = jsonTemplate(JSON.stringify(wireShape(marked, scopes, trustedOriginLinks(marker('orgUrl'), marker('id'), status))));
    filler = templateFiller(template, readerFor);
    fillers.set(status, filler);
  }
  return filler;
}

type Reader = SlotReader<TrustedOriginRecord, string>;

/** What fills each slot of the template: a record's own field, its scopes, or the org's URL (in the links). */
function readerFor(slot: TemplateSlot): Reader {
  if (slot.kind === 'inner') return slot.name === 'orgUrl' ? { text: (_, orgUrl) => orgUrl } : { text: (record) => record.id };
  switch (slot.name) {
    case 'id':
      return { text: (record) => record.id };
    case 'name':
      return { text: (record) => record.name };
    case 'origin':
      return { text: (record) => record.origin };
    case 'scopes':
      return { json: (record) => scopesJson(record.scopes) };
    case 'created':
      return { text: (record) => record.created };
    case 'createdBy':
      return { text: (record) => record.createdBy };
    case 'lastUpdated':
      return { text: (record) => record.lastUpdated };
    case 'lastUpdatedBy':
      return { text: (record) => record.lastUpdatedBy };
    default:
      throw new Error(`no field for the template slot ${slot.name}`);
  }
}

/**
 * The JSON text of a version just written (create, replace, lifecycle), not
 * kept: that version is seldom read next, and a kept text outlives a few
 * young-generation collections, each of which copies it. In a run of creates
 * those copies made every collection about twice as long; a later read
 * serializes the version once and keeps that text.
 */
export function writtenTrustedOriginJson(record: TrustedOriginRecord, orgUrl: string): string {
  return trustedOriginText(record, orgUrl);
}

function trustedOriginText(record: TrustedOriginRecord, orgUrl: string): string {
  return fillerFor(record.status).fill(record, orgUrl);
}

/**
 * The JSON text of `serializeTrustedOrigin(record, orgUrl)`, kept for the
 * records answered last: the store never changes a record in place (it makes
 * a new one on every update), so a text found for the very same record object
 * is still right. A get by id asked again then costs a lookup, not a
 * serialization (lists fill their records anew; see trustedOriginListJson).
 * Bounded and keyed by id, not a WeakMap over every record: an org of 100,000
 * origins made that WeakMap's entries a large share of every garbage
 * collection, and a create paid for one more entry each time.
 *
 * Two generations of JSON_KEPT / 2 texts each, the older dropped whole when
 * the newer fills, and a text found in the older moved to the newer. Not one
 * Map whose oldest entry is deleted per new one: V8 leaves a deleted entry's
 * slot in place until the table is rebuilt, so finding the oldest walked over
 * thousands of them, several µs for every text not kept yet.
 */
const JSON_KEPT = 4096;
type KeptJson = { record: TrustedOriginRecord; orgUrl: string; json: string };
let newerJson = new Map<string, KeptJson>();
let olderJson = new Map<string, KeptJson>();

function keepJson(id: string, kept: KeptJson): void {
  if (!newerJson.has(id) && newerJson.size >= JSON_KEPT / 2) {
    olderJson = newerJson;
    newerJson = new Map();
  }
  newerJson.set(id, kept);
}

export function trustedOriginJson(record: TrustedOriginRecord, orgUrl: string): string {
  const kept = newerJson.get(record.id) ?? olderJson.get(record.id);
  if (kept !== undefined && kept.record === record && kept.orgUrl === orgUrl) {
    if (!newerJson.has(record.id)) keepJson(record.id, kept);
    return kept.json;
  }
  const json = trustedOriginText(record, orgUrl);
  keepJson(record.id, { record, orgUrl, json });
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

/**
 * The same bytes as `JSON.stringify(records.map((r) => serializeTrustedOrigin(r, orgUrl)))`.
 * A page is filled in one pass into one array of parts and joined once, not
 * from each record's own text: in a large org a page's records are seldom
 * among the texts kept, and keeping each one made it outlive young-generation
 * collections for nothing. At 100,000 origins that made a page cost a quarter
 * more than filling it without keeping; and pages from texts kept at 1,000
 * origins were faster than pages at 100,000, where only the records differ.
 */
export function trustedOriginListJson(records: readonly TrustedOriginRecord[], orgUrl: string): string {
  if (lastList && lastList.orgUrl === orgUrl && sameRecords(lastList.records, records)) return lastList.json;
  const parts: string[] = ['['];
  for (let i = 0; i < records.length; i++) {
    if (i > 0) parts.push(',');
    fillerFor(records[i]!.status).fillInto(parts, records[i]!, orgUrl);
  }
  parts.push(']');
  const json = parts.join('');
  lastList = { records: [...records], orgUrl, json };
  return json;
}
