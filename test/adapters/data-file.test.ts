/** The --data writer and reader on a real file system: ordered, coalesced, atomic writes; one-line refusals. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFileError, DataFileWriter, readDataFile, serializeState } from '../../src/data-file.js';
import { parseFixtures } from '../../src/store/fixtures.js';
import { OrgStore } from '../../src/store/org-store.js';
import { DEFAULT_FIXTURES } from '../../src/default-fixtures.js';
import type { Fixtures } from '../../src/store/schemas.js';

const SEED = parseFixtures(DEFAULT_FIXTURES);
const withOrigins = (n: number): Fixtures => ({ ...SEED, trustedOrigins: SEED.trustedOrigins.slice(0, n) });

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'okta-mock-data-file-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('DataFileWriter', () => {
  it('writes states one after another, a newer waiting state replacing an older one, and leaves no temporary file', async () => {
    const file = join(tmp, 'ordered.json');
    const writer = new DataFileWriter(file, (error) => {
      throw error;
    });
    const lengthOnDisk = () => (JSON.parse(readFileSync(file, 'utf8')) as Fixtures).trustedOrigins.length;

    // None has started yet: they are one write, of the newest state.
    const a = writer.write(withOrigins(1));
    expect(writer.write(withOrigins(2))).toBe(a);
    expect(writer.write(withOrigins(3))).toBe(a);
    await a;
    expect(lengthOnDisk()).toBe(3);

    // One in progress: the next ones wait for it, and only the newest of them is written.
    const seen: number[] = [];
    const first = writer.write(withOrigins(1)).then(() => seen.push(lengthOnDisk()));
    // Microtasks only: enough for the first write to start, never for its file I/O to finish.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const second = writer.write(withOrigins(2)).then(() => seen.push(lengthOnDisk()));
    const third = writer.write(withOrigins(3)).then(() => seen.push(lengthOnDisk()));
    await Promise.all([first, second, third]);
    await writer.flushed();
    expect(seen).toEqual([1, 3, 3]);
    expect(readFileSync(file, 'utf8')).toBe(serializeState(withOrigins(3)));
    expect(readdirSync(tmp).filter((n) => n.startsWith('.ordered.json'))).toEqual([]);
  });

  it('reports a write that failed to onError, rejects that write, and keeps writing the next ones', async () => {
    const errors: string[] = [];
    const writer = new DataFileWriter(join(tmp, 'no-such-folder', 'x.json'), (error) => errors.push((error as NodeJS.ErrnoException).code ?? ''));
    await expect(writer.write(SEED)).rejects.toThrow(/ENOENT/);
    await writer.flushed();
    expect(errors).toEqual(['ENOENT']);
  });
});

describe('readDataFile', () => {
  it('answers undefined for a file that does not exist yet', async () => {
    expect(await readDataFile(join(tmp, 'absent.json'))).toBeUndefined();
  });

  it('reads back what the writer wrote as the same document', async () => {
    const file = join(tmp, 'back.json');
    await new DataFileWriter(file, () => {}).write(SEED);
    expect(await readDataFile(file)).toEqual(SEED);
  });

  it('refuses a file that is not a fixtures document with a DataFileError naming every problem', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ trustedOrigins: [{ ...SEED.trustedOrigins[0], origin: 'x' }], users: 'none' }));
    const error = await readDataFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toMatch(/trustedOrigins\[0\]\.origin: .+; users: /);
  });
});

describe('OrgStore change notifications (what --data subscribes to)', () => {
  it('tells once per create, update and delete after it landed, and once for a whole reset', async () => {
    const store = new OrgStore();
    await store.seed(SEED);
    const counts: number[] = [];
    store.onChange(() => counts.push(store.trustedOrigins.count()));
    const made = await store.trustedOrigins.insert({ ...SEED.trustedOrigins[0]!, id: 'tos00000000000000009', name: 'n', origin: 'https://n.example' });
    await store.trustedOrigins.update(made.id, (draft) => {
      draft.status = 'INACTIVE';
    });
    store.trustedOrigins.delete(made.id);
    await store.reset();
    expect(counts).toEqual([4, 4, 3, 3]);
  });
});
