import { Collection } from '@msw/data';
import type { TrustedOriginRecord } from '../domain/trusted-origin.js';
import { parseOrigin } from '../domain/origin-url.js';
import { canonicalOrigin } from '../domain/trusted-for.js';
import { trustedOriginRecordSchema } from './schemas.js';

import type { BrowserPersistence } from './browser-persistence.js';

const createCollection = (persistence?: BrowserPersistence) =>
  new Collection({ schema: trustedOriginRecordSchema, extensions: persistence ? [persistence.extension] : [] });
/** A record as the library holds it (it carries the library's hidden primary key). */
type StoredRecord = ReturnType<ReturnType<typeof createCollection>['all']>[number];

/**
 * Trusted origins over an @msw/data collection. The collection keeps the
 * records in creation order (the list order); the maps here make id lookups,
 * uniqueness checks and cursor positions O(1) / O(log n) where the library
 * would scan every record.
 */
export class TrustedOriginStore {
  #collection: ReturnType<typeof createCollection>;
  readonly #persistence: BrowserPersistence | undefined;
  readonly #byId = new Map<string, StoredRecord>();
  readonly #idByName = new Map<string, string>();
  readonly #idByOrigin = new Map<string, string>();
  /** Ids by canonical origin (`http://localhost:8080/` and `HTTP://LOCALHOST:8080` are one key), for CORS and redirect checks. */
  readonly #idsByCanonicalOrigin = new Map<string, Set<string>>();
  /** Ids by lower-case host, so a refused origin's near misses are found without a scan. */
  readonly #idsByHost = new Map<string, Set<string>>();
  /** Creation sequence per id, kept after a delete so a cursor naming a deleted record still resumes. */
  readonly #sequence = new Map<string, number>();
  #nextSequence = 0;
  /** Told after every insert, update and delete has landed (not on clear: the org store reports its resets itself). */
  onChange: () => void = () => {};

  constructor(persistence?: BrowserPersistence) {
    this.#persistence = persistence;
    this.#collection = createCollection(persistence);
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
    const ids = key === undefined ? undefined : this.#idsByCanonicalOrigin.get(key);
    return ids ? [...ids].map((id) => this.#byId.get(id)).filter((r) => r !== undefined) : [];
  }

  /** The records whose host (lower case, IPv6 in brackets) is `host`. */
  withHost(host: string): TrustedOriginRecord[] {
    const ids = this.#idsByHost.get(host);
    return ids ? [...ids].map((id) => this.#byId.get(id)).filter((r) => r !== undefined) : [];
  }

  count(): number {
    return this.#byId.size;
  }

  /** All records, oldest first. The array is the store's own: read it, never change it. */
  all(): readonly TrustedOriginRecord[] {
    return this.#collection.all();
  }

  /** Index in `all()` of the first record created after the cursor's record, or undefined for an unknown cursor. */
  indexAfter(cursorId: string): number | undefined {
    const cursor = this.#sequence.get(cursorId);
    if (cursor === undefined) return undefined;
    const records = this.all();
    let low = 0;
    let high = records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#sequence.get(records[mid]!.id)! <= cursor) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * The indexes are claimed before the first await, so two concurrent
   * requests can never both pass a uniqueness check for the same value.
   */
  async insert(record: TrustedOriginRecord): Promise<TrustedOriginRecord> {
    this.#claim(record);
    try {
      const stored = await this.#collection.create(record);
      this.#byId.set(record.id, stored);
      this.onChange();
      return stored;
    } catch (error) {
      this.#release(record);
      throw error;
    }
  }

  async update(id: string, change: (draft: TrustedOriginRecord) => void): Promise<TrustedOriginRecord> {
    const previous = this.#byId.get(id);
    if (!previous) throw new Error(`no trusted origin ${id}`);
    const next: TrustedOriginRecord = { ...previous, scopes: previous.scopes.map((s) => ({ ...s })) };
    change(next);
    this.#release(previous);
    this.#claim(next);
    try {
      const stored = await this.#collection.update(previous, {
        data(draft) {
          Object.assign(draft, next);
        },
      });
      this.#byId.set(id, stored!);
      this.onChange();
      return stored!;
    } catch (error) {
      this.#release(next);
      this.#claim(previous);
      this.#byId.set(id, previous);
      throw error;
    }
  }

  delete(id: string): boolean {
    const record = this.#byId.get(id);
    if (!record) return false;
    this.#collection.delete(record);
    this.#byId.delete(id);
    this.#release(record);
    this.onChange();
    return true;
  }

  clear(): void {
    // A new collection, because the library's clear() removes records one by one (quadratic).
    this.#collection = createCollection(this.#persistence);
    this.#persistence?.saveNow([]);
    this.#byId.clear();
    this.#idByName.clear();
    this.#idByOrigin.clear();
    this.#idsByCanonicalOrigin.clear();
    this.#idsByHost.clear();
    this.#sequence.clear();
  }

  /** Reserves the record's name, origin and place in the list order. */
  #claim(record: TrustedOriginRecord): void {
    this.#idByName.set(record.name, record.id);
    this.#idByOrigin.set(record.origin, record.id);
    const key = canonicalOrigin(record.origin);
    if (key !== undefined) {
      const ids = this.#idsByCanonicalOrigin.get(key) ?? new Set<string>();
      ids.add(record.id);
      this.#idsByCanonicalOrigin.set(key, ids);
    }
    const host = parseOrigin(record.origin)?.host;
    if (host !== undefined) {
      const ids = this.#idsByHost.get(host) ?? new Set<string>();
      ids.add(record.id);
      this.#idsByHost.set(host, ids);
    }
    if (!this.#sequence.has(record.id)) this.#sequence.set(record.id, this.#nextSequence++);
  }

  #release(record: TrustedOriginRecord): void {
    if (this.#idByName.get(record.name) === record.id) this.#idByName.delete(record.name);
    if (this.#idByOrigin.get(record.origin) === record.id) this.#idByOrigin.delete(record.origin);
    const key = canonicalOrigin(record.origin);
    const ids = key === undefined ? undefined : this.#idsByCanonicalOrigin.get(key);
    ids?.delete(record.id);
    if (ids?.size === 0) this.#idsByCanonicalOrigin.delete(key!);
    const host = parseOrigin(record.origin)?.host;
    const hostIds = host === undefined ? undefined : this.#idsByHost.get(host);
    hostIds?.delete(record.id);
    if (hostIds?.size === 0) this.#idsByHost.delete(host!);
  }
}
