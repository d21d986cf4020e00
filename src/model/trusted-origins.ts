import { notFound, OktaApiError } from '../errors.js';
import { matchesFilter, matchesQuery, parseFilter } from '../domain/filter.js';
import { newId } from '../domain/ids.js';
import { collectPage, invalidCursor, parseLimit, type Page } from '../domain/paginate.js';
import type { RandomSource } from '../domain/random.js';
import { toOktaTimestamp } from '../domain/timestamp.js';
import type { TrustedOriginInput, TrustedOriginRecord } from '../domain/trusted-origin.js';
import { VALIDATION_MESSAGES, validateTrustedOriginInput, type ValidationCause } from '../domain/validate-trusted-origin.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';

export interface ModelContext {
  now: () => Date;
  random: RandomSource;
}

export interface ListParams {
  q?: string | undefined;
  filter?: string | undefined;
  after?: string | undefined;
  limit?: string | undefined;
}

/**
 * The trusted-origin operations, one method per API operation. Routes parse
 * and serialize; this decides. Every check runs before the first write, so a
 * rejected request leaves the store as it was.
 */
export class TrustedOriginModel {
  /**
   * The last unfiltered page and what it was asked with: a client polling a
   * page, or several clients listing the org, ask for the same page of an org
   * that did not change, so it is handed back as it was (the store's version
   * says when it changed).
   */
  #lastPage: { version: number; after: string | undefined; limit: number; page: Page<TrustedOriginRecord> & { limit: number } } | undefined;

  constructor(
    private readonly store: TrustedOriginStore,
    private readonly context: ModelContext,
  ) {}

  list(params: ListParams): Page<TrustedOriginRecord> & { limit: number } {
    const limit = parseLimit(params.limit);
    const filter = params.filter === undefined ? undefined : parseFilter(params.filter);
    const { q } = params;
    if (filter === undefined && (q === undefined || q === '')) {
      const version = this.store.version;
      const last = this.#lastPage;
      if (last !== undefined && last.version === version && last.after === params.after && last.limit === limit) return last.page;
      // Every record matches: one more than a page says whether a next page exists.
      const records = this.store.firstAfter(params.after, limit + 1);
      if (records === undefined) throw invalidCursor();
      const more = records.length > limit;
      if (more) records.length = limit;
      const page = { items: records, nextAfter: more ? records[limit - 1]!.id : undefined, limit };
      this.#lastPage = { version, after: params.after, limit, page };
      return page;
    }
    const records = this.store.recordsAfter(params.after);
    if (records === undefined) throw invalidCursor();
    const matches = (r: TrustedOriginRecord) =>
      (q === undefined || q === '' || matchesQuery(q, r)) && (filter === undefined || matchesFilter(filter, r));
    const page = collectPage(records, 0, limit, matches);
    // A literal, not a spread plus a key: V8's clone of a spread object is slow to extend.
    return { items: page.items, nextAfter: page.nextAfter, limit };
  }

  get(id: string): TrustedOriginRecord {
    const record = this.store.get(id);
    if (!record) throw notFound(id);
    return record;
  }

  /** Not async: the store's promise is handed back as it is, without a promise of its own around it. Bad input throws at once. */
  create(body: unknown, actorId: string): Promise<TrustedOriginRecord> {
    const input = validateTrustedOriginInput(body);
    this.assertUnique(input, undefined);
    const now = toOktaTimestamp(this.context.now());
    let id = newId('trustedOrigin', this.context.random);
    while (this.store.get(id)) id = newId('trustedOrigin', this.context.random);
    return this.store.insert({
      id,
      ...input,
      status: 'ACTIVE',
      created: now,
      createdBy: actorId,
      lastUpdated: now,
      lastUpdatedBy: actorId,
    });
  }

  async replace(id: string, body: unknown, actorId: string): Promise<TrustedOriginRecord> {
    this.get(id);
    const input = validateTrustedOriginInput(body);
    this.assertUnique(input, id);
    return this.touch(id, actorId, (draft) => Object.assign(draft, input));
  }

  delete(id: string): void {
    if (!this.store.delete(id)) throw notFound(id);
  }

  async setStatus(id: string, status: TrustedOriginRecord['status'], actorId: string): Promise<TrustedOriginRecord> {
    this.get(id);
    return this.touch(id, actorId, (draft) => {
      draft.status = status;
    });
  }

  private touch(id: string, actorId: string, change: (draft: TrustedOriginRecord) => void) {
    const now = toOktaTimestamp(this.context.now());
    return this.store.update(id, (draft) => {
      change(draft);
      draft.lastUpdated = now;
      draft.lastUpdatedBy = actorId;
    });
  }

  private assertUnique(input: TrustedOriginInput, selfId: string | undefined): void {
    const causes: ValidationCause[] = [];
    const taken = (owner: string | undefined) => owner !== undefined && owner !== selfId;
    if (taken(this.store.idWithName(input.name))) causes.push({ field: 'name', message: VALIDATION_MESSAGES.duplicate });
    if (taken(this.store.idWithOrigin(input.origin))) causes.push({ field: 'origin', message: VALIDATION_MESSAGES.duplicate });
    if (causes.length > 0) throw OktaApiError.validation(causes);
  }
}
