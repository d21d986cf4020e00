import type { TrustedOriginRecord } from '../domain/trusted-origin.js';
import { canonicalOrigin } from '../domain/trusted-for.js';
import type { BrowserPersistence } from './browser-persistence.js';
import { addOrigin, idsIn, originKeys, removeOrigin, type OriginIndex, type OriginKeys } from './origin-index.js';
import { createCollection, flattenLibraryKey, type Collection_, type StoredRecord } from './library-collection.js';
import { StoredTrustedOrigin } from './stored-trusted-origin.js';

/**
 * How many records one @msw/data collection holds. The library finds the
 * record to update or delete by scanning its whole array (twice for an
 * update), so one collection of 100,000 records made every PUT cost
 * milliseconds; a bucket of this size keeps that scan to microseconds.
 */
export const BUCKET_SIZE = 32;

/** One @msw/data collection and what the store knows of it, kept on it rather than in maps keyed by it. */
interface Bucket {
  readonly collection: Collection_;
  /** Its current records in creation sequence, as #inOrder last found them; dropped whenever the bucket changes. */
  ordered: StoredRecord[] | undefined;
  /** The highest creation sequence ever put in it: buckets ascend by it, for the cursor search (-1 while empty). */
  maxSequence: number;
}

/**
 * Where an id stands: its current version and bucket (both undefined once it
 * is deleted) and its creation sequence, kept after a delete so a cursor
 * naming a deleted record still resumes. One map entry per id, where three
 * maps (record, bucket, sequence) cost a create three lookups more: in an org
 * of 100,000 origins each lookup is a cache miss.
 */
interface Slot {
  record: StoredRecord | undefined;
  bucket: Bucket | undefined;
  readonly sequence: number;
}


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
 * Readers only ever see the version the id's slot names, so the switch is atomic.
 */
export class TrustedOriginStore {
  readonly #persistence: BrowserPersistence | undefined;
  /** In creation order; the last is where new records go. Emptied buckets other than the last are dropped. */
  #buckets: Bucket[] = [];
  readonly #slots = new Map<string, Slot>();
  #count = 0;
  readonly #idByName = new Map<string, string>();
  readonly #idByOrigin = new Map<string, string>();
  /**
   * The origin indexes for CORS, redirect and near-miss checks, built on the
   * first such check and kept up to date from then on. An org used only
   * through the API never builds them, so its writes skip parsing the origin
   * and four lookups in maps as large as the org.
   */
  #originIndex: OriginIndex | undefined;
  #nextSequence = 0;
  /** Told after every insert, update and delete has landed (not on clear: the org store reports its resets itself). */
  onChange: () => void = () => {};
  #version = 0;

  constructor(persistence?: BrowserPersistence) {
    this.#persistence = persistence;
    this.#startBucket();
  }

  /** Records a previous page saved (browser persistence only). */
  loadPersisted(): unknown[] | undefined {
    return this.#persistence?.load();
  }

  get(id: string): TrustedOriginRecord | undefined {
    return this.#slots.get(id)?.record;
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
    return key === undefined ? [] : this.#recordsOf(idsIn(this.#origins().byCanonical, key));
  }

  /** The records whose host (lower case, IPv6 in brackets) is `host`. */
  withHost(host: string): TrustedOriginRecord[] {
    return this.#recordsOf(idsIn(this.#origins().byHost, host));
  }

  count(): number {
    return this.#count;
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
    const at = this.#positionAfter(cursorId);
    return at && this.#walkFrom(at.bucket, at.record, at.records);
  }

  /**
   * The first `count` records of `recordsAfter(cursorId)`, as an array; undefined for a cursor
   * that never named a record. A page without a filter reads its records from the buckets' arrays
   * at once, where the walk resumes a generator per record.
   */
  firstAfter(cursorId: string | undefined, count: number): TrustedOriginRecord[] | undefined {
    const at = this.#positionAfter(cursorId);
    if (at === undefined) return undefined;
    const page: TrustedOriginRecord[] = [];
    const buckets = this.#buckets;
    for (let b = at.bucket, r = at.record; b < buckets.length && page.length < count; b++, r = 0) {
      const records = b === at.bucket && at.records ? at.records : this.#inOrder(buckets[b]!);
      for (; r < records.length && page.length < count; r++) page.push(records[r]!);
    }
    return page;
  }

  /**
   * Where the records after `cursorId` start: a bucket, an index in it and, when a search found it,
   * that bucket's ordered records; past the end when none follow, undefined for an unknown cursor.
   */
  #positionAfter(cursorId: string | undefined): { bucket: number; record: number; records?: StoredRecord[] } | undefined {
    if (cursorId === undefined) return { bucket: 0, record: 0 };
    const cursor = this.#slots.get(cursorId)?.sequence;
    if (cursor === undefined) return undefined;
    const buckets = this.#buckets;
    // The first bucket that ever held a record created after the cursor (a still empty last bucket counts as such).
    const b = lowerBound(buckets.length, (i) => (buckets[i]!.maxSequence < 0 ? Infinity : buckets[i]!.maxSequence) <= cursor);
    if (b === buckets.length) return { bucket: b, record: 0 };
    const records = this.#inOrder(buckets[b]!);
    return { bucket: b, record: lowerBound(records.length, (i) => this.#sequenceOf(records[i]!) <= cursor), records };
  }

  /**
   * The indexes are claimed before the first await, so two concurrent
   * requests can never both pass a uniqueness check for the same value.
   */
  async insert(record: TrustedOriginRecord): Promise<TrustedOriginRecord> {
    const slot = this.#claim(record);
    if (this.#buckets[this.#buckets.length - 1]!.collection.count() >= BUCKET_SIZE) this.#startBucket();
    const bucket = this.#buckets[this.#buckets.length - 1]!;
    try {
      const stored = await bucket.collection.create(new StoredTrustedOrigin(record));
      flattenLibraryKey(stored);
      if (slot.record === undefined) this.#count += 1;
      slot.record = stored;
      slot.bucket = bucket;
      this.#changed(bucket);
      if (slot.sequence > bucket.maxSequence) bucket.maxSequence = slot.sequence;
      this.onChange();
      return stored;
    } catch (error) {
      this.#release(record);
      throw error;
    }
  }

  async update(id: string, change: (draft: TrustedOriginRecord) => void): Promise<TrustedOriginRecord> {
    const slot = this.#slots.get(id);
    const previous = slot?.record;
    const bucket = slot?.bucket;
    if (!slot || !previous || !bucket) throw new Error(`no trusted origin ${id}`);
    const next = new StoredTrustedOrigin(previous);
    change(next);
    // A status change keeps the origin: its index keys are parsed once for both versions.
    const previousKeys = this.#originIndex && originKeys(previous.origin);
    const nextKeys = next.origin === previous.origin ? previousKeys : this.#originIndex && originKeys(next.origin);
    this.#release(previous, previousKeys);
    this.#claim(next, nextKeys);
    try {
      const stored = await bucket.collection.create(next);
      flattenLibraryKey(stored);
      const current = slot.record;
      if (current === undefined) {
        // Deleted while the new version was being validated: the delete wins.
        bucket.collection.delete(stored);
        this.#changed(bucket);
        this.#release(next, nextKeys);
        return stored;
      }
      slot.record = stored;
      bucket.collection.delete(current);
      this.#changed(bucket);
      this.onChange();
      return stored;
    } catch (error) {
      this.#release(next, nextKeys);
      this.#claim(previous, previousKeys);
      slot.record = previous;
      this.#changed(bucket);
      throw error;
    }
  }

  delete(id: string): boolean {
    const slot = this.#slots.get(id);
    const record = slot?.record;
    const bucket = slot?.bucket;
    if (!slot || !record || !bucket) return false;
    bucket.collection.delete(record);
    if (bucket.collection.count() === 0 && bucket !== this.#buckets[this.#buckets.length - 1]) {
      this.#buckets.splice(this.#buckets.indexOf(bucket), 1);
    }
    slot.record = undefined;
    slot.bucket = undefined;
    this.#count -= 1;
    this.#changed(bucket);
    this.#release(record);
    this.onChange();
    return true;
  }

  /**
   * A number that changes whenever what a list would show changes (a record
   * landing, replaced or deleted, the store cleared), so a reader may keep a
   * page it computed for as long as this stays the same.
   */
  get version(): number {
    return this.#version;
  }

  /** What every visible change does: the bucket's kept order goes, and the version moves on. */
  #changed(bucket: Bucket): void {
    bucket.ordered = undefined;
    this.#version += 1;
  }

  clear(): void {
    this.#version += 1;
    // New collections, because the library's clear() removes records one by one (quadratic).
    this.#buckets = [];
    this.#startBucket();
    this.#persistence?.saveNow([]);
    this.#slots.clear();
    this.#count = 0;
    this.#idByName.clear();
    this.#idByOrigin.clear();
    this.#originIndex = undefined;
  }

  #startBucket(): void {
    // Persistence saves the whole org, whichever bucket changed.
    this.#buckets.push({ collection: createCollection(this.#persistence, () => this.all()), ordered: undefined, maxSequence: -1 });
  }

  #origins(): OriginIndex {
    if (this.#originIndex === undefined) {
      const index: OriginIndex = { byCanonical: new Map(), byHost: new Map() };
      // From the claimed origins, not the stored records: a write between its claim and its landing is already counted.
      for (const [origin, id] of this.#idByOrigin) addOrigin(index, id, originKeys(origin));
      this.#originIndex = index;
    }
    return this.#originIndex;
  }

  #recordsOf(ids: readonly string[]): TrustedOriginRecord[] {
    return ids.map((id) => this.get(id)).filter((r) => r !== undefined);
  }

  #sequenceOf(record: TrustedOriginRecord): number {
    return this.#slots.get(record.id)!.sequence;
  }

  /** A bucket's current records in creation sequence (an updated record's new version sits at the bucket's end). */
  #inOrder(bucket: Bucket): StoredRecord[] {
    if (bucket.ordered) return bucket.ordered;
    const records = bucket.collection.all().filter((record) => this.#slots.get(record.id)?.record === record);
    for (let i = 1; i < records.length; i++) {
      if (this.#sequenceOf(records[i - 1]!) > this.#sequenceOf(records[i]!)) {
        records.sort((a, b) => this.#sequenceOf(a) - this.#sequenceOf(b));
        break;
      }
    }
    // Every page read walks the same buckets: a list of 20 was spending a sixth of its time re-sorting them.
    bucket.ordered = records;
    return records;
  }

  *#walkFrom(bucketIndex: number, recordIndex: number, first?: StoredRecord[]): Generator<TrustedOriginRecord> {
    const buckets = this.#buckets;
    for (let b = bucketIndex, r = recordIndex; b < buckets.length; b++, r = 0) {
      const records = b === bucketIndex && first ? first : this.#inOrder(buckets[b]!);
      for (; r < records.length; r++) yield records[r]!;
    }
  }

  /** Reserves the record's name, origin and place in the list order; the id's slot, new or kept from a delete. */
  #claim(record: TrustedOriginRecord, keys?: OriginKeys): Slot {
    this.#idByName.set(record.name, record.id);
    this.#idByOrigin.set(record.origin, record.id);
    if (this.#originIndex) addOrigin(this.#originIndex, record.id, keys ?? originKeys(record.origin));
    let slot = this.#slots.get(record.id);
    if (slot === undefined) {
      slot = { record: undefined, bucket: undefined, sequence: this.#nextSequence++ };
      this.#slots.set(record.id, slot);
    }
    return slot;
  }

  #release(record: TrustedOriginRecord, keys?: OriginKeys): void {
    if (this.#idByName.get(record.name) === record.id) this.#idByName.delete(record.name);
    if (this.#idByOrigin.get(record.origin) === record.id) this.#idByOrigin.delete(record.origin);
    if (this.#originIndex) removeOrigin(this.#originIndex, record.id, keys ?? originKeys(record.origin));
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
