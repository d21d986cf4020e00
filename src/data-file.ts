import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FixtureError, parseFixtures } from './store/fixtures.js';
import type { Fixtures } from './store/schemas.js';

/** `--data`: the org's saved state. Node edge only; the store knows nothing of files. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** The saved state, or undefined when the file does not exist yet. Anything else wrong is one line. */
export async function readDataFile(path: string): Promise<Fixtures | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new DataFileError(`cannot read the --data file ${path}: ${code ?? String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // Only the position: the parser's own message quotes the text, and the file holds passwords and tokens.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new DataFileError(`the --data file ${path} is not valid JSON${at === undefined ? '' : ` (at position ${at})`}; fix or remove it`);
  }
  try {
    return parseFixtures(data, { defaultUsers: false });
  } catch (error) {
    const problems = error instanceof FixtureError && error.problems.length > 0 ? error.problems.map((p) => `${p.where}: ${p.message}`) : [(error as Error).message];
    throw new DataFileError(`the --data file ${path} is not a fixtures document (${problems.join('; ')}); fix or remove it`);
  }
}

/** The file's bytes: readable, and what `--fixtures` reads too. */
export const serializeState = (state: Fixtures): string => `${JSON.stringify(state, null, 2)}\n`;

/**
 * Writes states to `path` one after another, each atomically: a temporary
 * file in the same folder, flushed to disk, then renamed over the file, so a
 * crash at any moment leaves either the previous state or the new one.
 * A state handed in while another is being written waits; a newer one
 * handed in before it started replaces it (only the latest matters).
 */
export class DataFileWriter {
  readonly path: string;
  readonly #temporary: string;
  #tail: Promise<void> = Promise.resolve();
  #waiting: { state: Fixtures; done: Promise<void> } | undefined;
  readonly #onError: (error: Error) => void;

  /** `onError` hears of a write that failed (the next change tries again). */
  constructor(path: string, onError: (error: Error) => void) {
    this.path = path;
    this.#onError = onError;
    // One fixed name: writes never overlap, and a leftover from a killed process is simply overwritten.
    this.#temporary = join(dirname(path), `.${basename(path)}.okta-mock-tmp`);
  }

  /** Resolves once `state` (or a newer one) is on disk; rejects when that write failed. */
  write(state: Fixtures): Promise<void> {
    if (this.#waiting) {
      this.#waiting.state = state;
      return this.#waiting.done;
    }
    const waiting: { state: Fixtures; done: Promise<void> } = { state, done: Promise.resolve() };
    waiting.done = this.#tail.then(() => {
      this.#waiting = undefined;
      return this.#writeNow(waiting.state);
    });
    this.#waiting = waiting;
    this.#tail = waiting.done.catch((error: Error) => this.#onError(error));
    return waiting.done;
  }

  /** Resolves once everything handed in so far has been written (or its failure reported to `onError`). */
  flushed(): Promise<void> {
    return this.#tail;
  }

  async #writeNow(state: Fixtures): Promise<void> {
    const file = await open(this.#temporary, 'w');
    try {
      await file.writeFile(serializeState(state), 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(this.#temporary, this.path);
    await syncFolder(dirname(this.path));
  }
}

/** Makes the rename itself durable (POSIX); folders cannot be opened for this on every platform. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported here (e.g. Windows): the rename is still atomic, only not yet flushed.
  } finally {
    await handle?.close();
  }
}
