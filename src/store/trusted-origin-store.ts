import { Collection } from '@msw/data';
import type { TrustedOriginRecord } from '../domain/trusted-origin.js';
import { parseOrigin } from '../domain/origin-url.js';
import { canonicalOfParsed, canonicalOrigin } from '../domain/trusted-for.js';
import type { BrowserPersistence } from './browser-persistence.js';
import { StoredTrustedOrigin } from './stored-trusted-origin.js';

/**
 * How many records one @msw/data collection holds. The library finds the
 * record to update or delete by scanning its whole array (twice for an
 * update), so one collection of 100,000 records made every PUT cost
 * milliseconds; a bucket of this size keeps that scan to microseconds.
 */
export const BUCKET_SIZE = 32;

/**
 * The collections' schema takes a record as it is. Every record is checked
 * before it gets here: the model builds its records from validated input, and
 * fixtures, data files, imports and saved pages go through parseFixtures. A
 * second zod pass inside the library cost a sixth of a create's time.
 */
const checkedRecord = {
  '~standard': {
    version: 1 as const,
    vendor: 'okta-mock',
    validate: (value: unknown) => ({ value: value as TrustedOriginRecord }),
    types: undefined as { input: TrustedOriginRecord; output: TrustedOriginRecord } | undefined,
  },
};

const createCollection = (persistence: BrowserPersistence | undefined, records: () => readonly unknown[]) =>
  new Collection({ schema: checkedRecord, extensions: persistence ? [persistence.extension(records)] : [] });
type Bucket = ReturnType<typeof createCollection>;
/** A record as the library holds it (it carries the library's hidden primary key). */
type StoredRecord = ReturnType<Bucket['all']>[number];

/**
 * Trusted origins over @msw/data collections, the store of record: every
 * record is created and deleted by the library, which runs its hooks (browser
 * persistence). The records are
 * spread over buckets of BUCKET_SIZE, filled in creation order, so the buckets
 * one after the other, each read in creation sequence, are the list order.
 * The maps here make id lookups and uniqueness checks O(1), and cursor
 * positions O(log n) (a binary search over buckets, then within one), where
 * the library would scan every record.
 *
 * An update stores the new version with the library's create() in the
 * record's bucket, then deletes the old one. The library's own update()
 * clones the record twice and drafts it with patches: measured, that was
 * about 90% of a deactivate's time in-process, where a create validates once.
 * Readers only ever see the version `#byId` names, so the switch is atomic.
 */
export class TrustedOriginStore {
  readonly #persistence: BrowserPersistence | undefined;
  /** In creation order; the last is where new records go. Emptied buckets other than the last are dropped. */
  #buckets: Bucket[] = [];
  readonly #bucketOf = new Map<string, Bucket>();
  /** The highest creation sequence ever put in each bucket: buckets ascend by it, for the cursor search. */
  readonly #maxSequence = new Map<Bucket, number>();
  readonly #byId = new Map<string, StoredRecord>();
  /** Each bucket's current records in creation sequence, as #inOrder last found them; dropped whenever the bucket or #byId changes for it. */
  readonly #ordered = new Map<Bucket, StoredRecord[]>();
  readonly #idByName = new Map<string, string>();
  readonly #idByOrigin = new Map<string, string>();
  /** Ids by canonical origin (`http://localhost:8080/` and `HTTP://LOCALHOST:8080` are one key), for CORS and redirect checks. */
  readonly #idsByCanonicalOrigin: IdIndex = new Map();
  /** Ids by lower-case host, so a refused origin's near misses are found without a scan. */
  readonly #idsByHost: IdIndex = new Map();
  /** Creation sequence per id, kept after a delete so a cursor naming a deleted record still resumes. */
  readonly #sequence = new Map<string, number>();
  #nextSequence = 0;
  /** Told after every insert, update and delete has landed (not on clear: the org store reports its resets itself). */
  onChange: () => void = () => {};

  constructor(persistence?: BrowserPersistence) {
    this.#persistence = persistence;
    this.#startBucket();
  }

  /** Records a previous page saved (browser persistence only). */
  loadPersisted(): unknown[] | undefined {
    return this.#persistence?.load();
  }

  get(id: string): TrustedOriginRecord | undefined {
    return this.#byId.get(id);
  }

  idWithName(name: string): string | undefined {
    return this.#idByName.get(name);
  }

  idWithOrigin(origin: string): string | undefined {
    return this.#idByOrigin.get(origin);
  }

  /** The records whose origin is the same scheme, host and port as `origin`. */
  withSameOrigin(origin: string): TrustedOriginRecord[] {
    const key = canonicalOrigin(origin);
    return key === undefined ? [] : this.#recordsOf(idsIn(this.#idsByCanonicalOrigin, key));
  }

  /** The records whose host (lower case, IPv6 in brackets) is `host`. */
  withHost(host: string): TrustedOriginRecord[] {
    return this.#recordsOf(idsIn(this.#idsByHost, host));
  }

  count(): number {
    return this.#byId.size;
  }

  /** All records, oldest first, as a new array (it copies: page with `recordsAfter` instead). */
  all(): TrustedOriginRecord[] {
    return [...this.#walkFrom(0, 0)];
  }

  /**
   * The records in list order, from the first one created after `cursorId`
   * (from the start without one); undefined for a cursor that never named a
   * record. A deleted record's cursor still resumes after its place.
   */
  recordsAfter(cursorId?: string): Iterable<TrustedOriginRecord> | undefined {
    if (cursorId === undefined) return this.#walkFrom(0, 0);
    const cursor = this.#sequence.get(cursorId);
    if (cursor === undefined) return undefined;
    const buckets = this.#buckets;
    // The first bucket that ever held a record created after the cursor (a still empty last bucket counts as such).
    const b = lowerBound(buckets.length, (i) => (this.#maxSequence.get(buckets[i]!) ?? Infinity) <= cursor);
    if (b === buckets.length) return [];
    const records = this.#inOrder(buckets[b]!);
    return this.#walkFrom(b, lowerBound(records.length, (i) => this.#sequenceOf(records[i]!) <= cursor), records);
  }

  /**
   * The indexes are claimed before the first await, so two concurrent
   * requests can never both pass a uniqueness check for the same value.
   */
  async insert(record: TrustedOriginRecord): Promise<TrustedOriginRecord> {
    this.#claim(record);
    if (this.#buckets[this.#buckets.length - 1]!.count() >= BUCKET_SIZE) this.#startBucket();
    const bucket = this.#buckets[this.#buckets.length - 1]!;
    try {
      const stored = await bucket.create(new StoredTrustedOrigin(record));
      this.#byId.set(record.id, stored);
      this.#ordered.delete(bucket);
      this.#bucketOf.set(record.id, bucket);
      const sequence = this.#sequence.get(record.id)!;
      if (sequence > (this.#maxSequence.get(bucket) ?? -1)) this.#maxSequence.set(bucket, sequence);
      this.onChange();
      return stored;
    } catch (error) {
      this.#release(record);
      throw error;
    }
  }

  async update(id: string, change: (draft: TrustedOriginRecord) => void): Promise<TrustedOriginRecord> {
    const previous = this.#byId.get(id);
    const bucket = this.#bucketOf.get(id);
    if (!previous || !bucket) throw new Error(`no trusted origin ${id}`);
    const next = new StoredTrustedOrigin(previous);
    change(next);
    // A status change keeps the origin: its index keys are parsed once for both versions.
    const previousKeys = originKeys(previous.origin);
    const nextKeys = next.origin === previous.origin ? previousKeys : originKeys(next.origin);
    this.#release(previous, previousKeys);
    this.#claim(next, nextKeys);
    try {
      const stored = await bucket.create(next);
      const current = this.#byId.get(id);
      if (current === undefined) {
        // Deleted while the new version was being validated: the delete wins.
        bucket.delete(stored);
        this.#ordered.delete(bucket);
        this.#release(next, nextKeys);
        return stored;
      }
      this.#byId.set(id, stored);
      bucket.delete(current);
      this.#ordered.delete(bucket);
      this.onChange();
      return stored;
    } catch (error) {
      this.#release(next, nextKeys);
      this.#claim(previous, previousKeys);
      this.#byId.set(id, previous);
      this.#ordered.delete(bucket);
      throw error;
    }
  }

  delete(id: string): boolean {
    const record = this.#byId.get(id);
    const bucket = this.#bucketOf.get(id);
    if (!record || !bucket) return false;
    bucket.delete(record);
    if (bucket.count() === 0 && bucket !== this.#buckets[this.#buckets.length - 1]) {
      this.#buckets.splice(this.#buckets.indexOf(bucket), 1);
      this.#maxSequence.delete(bucket);
    }
    this.#byId.delete(id);
    this.#ordered.delete(bucket);
    this.#bucketOf.delete(id);
    this.#release(record);
    this.onChange();
    return true;
  }

  clear(): void {
    // New collections, because the library's clear() removes records one by one (quadratic).
    this.#buckets = [];
    this.#maxSequence.clear();
    this.#ordered.clear();
    this.#startBucket();
    this.#persistence?.saveNow([]);
    this.#bucketOf.clear();
    this.#byId.clear();
    this.#idByName.clear();
    this.#idByOrigin.clear();
    this.#idsByCanonicalOrigin.clear();
    this.#idsByHost.clear();
    this.#sequence.clear();
  }

  #startBucket(): void {
    // Persistence saves the whole org, whichever bucket changed.
    this.#buckets.push(createCollection(this.#persistence, () => this.all()));
  }

  #recordsOf(ids: readonly string[]): TrustedOriginRecord[] {
    return ids.map((id) => this.#byId.get(id)).filter((r) => r !== undefined);
  }

  #sequenceOf(record: TrustedOriginRecord): number {
    return this.#sequence.get(record.id)!;
  }

  /** A bucket's current records in creation sequence (an updated record's new version sits at the bucket's end). */
  #inOrder(bucket: Bucket): StoredRecord[] {
    const known = this.#ordered.get(bucket);
    if (known) return known;
    const records = bucket.all().filter((record) => this.#byId.get(record.id) === record);
    for (let i = 1; i < records.length; i++) {
      if (this.#sequenceOf(records[i - 1]!) > this.#sequenceOf(records[i]!)) {
        records.sort((a, b) => this.#sequenceOf(a) - this.#sequenceOf(b));
        break;
      }
    }
    // Every page read walks the same buckets: a list of 20 was spending a sixth of its time re-sorting them.
    this.#ordered.set(bucket, records);
    return records;
  }

  *#walkFrom(bucketIndex: number, recordIndex: number, first?: StoredRecord[]): Generator<TrustedOriginRecord> {
    const buckets = this.#buckets;
    for (let b = bucketIndex, r = recordIndex; b < buckets.length; b++, r = 0) {
      const records = b === bucketIndex && first ? first : this.#inOrder(buckets[b]!);
      for (; r < records.length; r++) yield records[r]!;
    }
  }

  /** Reserves the record's name, origin and place in the list order. */
  #claim(record: TrustedOriginRecord, keys = originKeys(record.origin)): void {
    this.#idByName.set(record.name, record.id);
    this.#idByOrigin.set(record.origin, record.id);
    if (keys.canonical !== undefined) addTo(this.#idsByCanonicalOrigin, keys.canonical, record.id);
    if (keys.host !== undefined) addTo(this.#idsByHost, keys.host, record.id);
    if (!this.#sequence.has(record.id)) this.#sequence.set(record.id, this.#nextSequence++);
  }

  #release(record: TrustedOriginRecord, keys = originKeys(record.origin)): void {
    if (this.#idByName.get(record.name) === record.id) this.#idByName.delete(record.name);
    if (this.#idByOrigin.get(record.origin) === record.id) this.#idByOrigin.delete(record.origin);
    if (keys.canonical !== undefined) removeFrom(this.#idsByCanonicalOrigin, keys.canonical, record.id);
    if (keys.host !== undefined) removeFrom(this.#idsByHost, keys.host, record.id);
  }
}

/** The index keys of an origin, from one parse: its canonical form (CORS and redirect checks) and its host (near misses). */
function originKeys(origin: string): { canonical: string | undefined; host: string | undefined } {
  const parsed = parseOrigin(origin);
  return { canonical: parsed && canonicalOfParsed(parsed), host: parsed?.host };
}

/**
 * Ids by a key, most keys naming one record: a lone id is kept as it is and
 * becomes a Set only when a second one shares its key. A Set per record was a
 * third of the objects each stored record added for the garbage collector.
 */
type IdIndex = Map<string, string | Set<string>>;

function idsIn(index: IdIndex, key: string): string[] {
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

/** The first index in [0, length) for which `before(index)` is false; `before` must be true, then false. */
function lowerBound(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
