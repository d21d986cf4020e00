import { Collection } from '@msw/data';
import type { TrustedOriginRecord } from '../domain/trusted-origin.js';
import type { BrowserPersistence } from './browser-persistence.js';

// How the trusted-origin store holds its records in @msw/data collections: its own schema and key handling.

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

export const createCollection = (persistence: BrowserPersistence | undefined, records: () => readonly unknown[]) =>
  new Collection({ schema: checkedRecord, extensions: persistence ? [persistence.extension(records)] : [] });
export type Collection_ = ReturnType<typeof createCollection>;
/** A record as the library holds it (it carries the library's hidden primary key). */
export type StoredRecord = ReturnType<Collection_['all']>[number];


/**
 * @msw/data keys each record with `crypto.randomUUID()`, which Node builds by
 * joining short strings: as the library keeps it, that key is a rope of about
 * 500 bytes, a third of what a stored record costs the heap and the young
 * generation's copying. Reading one character flattens it to its 36 bytes.
 * The key is a symbol the library does not export, so it is found by its
 * description on the first record; if a later version names it differently,
 * nothing is flattened and nothing else changes.
 */
let libraryKey: symbol | null | undefined;
export function flattenLibraryKey(stored: object): void {
  libraryKey ??= Object.getOwnPropertySymbols(stored).find((symbol) => symbol.description === 'kPrimaryKey') ?? null;
  if (libraryKey === null) return;
  const key: unknown = (stored as Record<symbol, unknown>)[libraryKey];
  if (typeof key === 'string') key.charCodeAt(0);
}
