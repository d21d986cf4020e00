import { defineExtension, type Extension } from '@msw/data/extensions';

/**
 * Keeps one collection in `localStorage` across page reloads, as an @msw/data
 * extension. The library's own `persist()` writes only from an `unload`
 * listener (an event Chromium is phasing out) and keys its data by the order
 * collections were created in, which our reset (a fresh collection) would
 * shift; this one writes after every change under a key the caller names.
 * Does nothing where there is no `localStorage` (Node).
 */
export interface BrowserPersistence {
  /** The extension for one of the org's collections; it saves `records()`, the whole org, after a change. */
  extension(records: () => readonly unknown[]): Extension;
  /** The records saved by an earlier page, if any. */
  load(): unknown[] | undefined;
  /** Saves the current records now (after a wholesale clear, which emits no hooks). */
  saveNow(records: readonly unknown[]): void;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export function browserPersistence(key: string): BrowserPersistence {
  const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
  const saveNow = (records: readonly unknown[]) => storage?.setItem(key, JSON.stringify(records));
  return {
    saveNow,
    load() {
      const raw = storage?.getItem(key);
      if (raw == null) return undefined;
      try {
        const records = JSON.parse(raw) as unknown;
        return Array.isArray(records) ? records : undefined;
      } catch {
        return undefined;
      }
    },
    extension: (records) =>
      defineExtension({
        name: 'okta-mock-browser-persistence',
        extend(collection) {
          if (!storage) return;
          let scheduled = false;
          // Hooks fire before the change lands in the collection: save once it has.
          const save = () => {
            if (scheduled) return;
            scheduled = true;
            setTimeout(() => {
              scheduled = false;
              saveNow(records());
            }, 0);
          };
          collection.hooks.on('create', save);
          collection.hooks.on('update', save);
          collection.hooks.on('delete', save);
        },
      }),
  };
}
