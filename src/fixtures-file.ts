import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FixtureError, parseFixtures } from './store/fixtures.js';
import type { Fixtures } from './store/schemas.js';

/** The reference's examples, shipped with the package. */
export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

async function readJson(path: string, optional: boolean): Promise<unknown> {
  let text: string;
  try {
    if (!(await stat(path)).isFile()) throw new FixtureError(`cannot read fixtures at ${path}: not a regular file`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof FixtureError) throw error;
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FixtureError(`cannot read fixtures at ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`invalid fixtures in ${path}: not JSON (${(error as Error).message})`);
  }
}

/**
 * Loads fixtures from a directory (`trusted-origins.json`, `users.json`) or
 * from one JSON file `{ trustedOrigins, users }`.
 */
export async function loadFixtures(path: string = DEFAULT_FIXTURES_DIR): Promise<Fixtures> {
  let isDirectory: boolean;
  try {
    const stats = await stat(path);
    // Reading a FIFO or a device would block or never end: only files and directories are fixtures.
    if (!stats.isDirectory() && !stats.isFile()) {
      throw new FixtureError(`cannot read fixtures at ${path}: not a regular file or a directory`);
    }
    isDirectory = stats.isDirectory();
  } catch (error) {
    if (error instanceof FixtureError) throw error;
    throw new FixtureError(`cannot read fixtures at ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const data = isDirectory
    ? {
        trustedOrigins: await readJson(join(path, 'trusted-origins.json'), true),
        users: await readJson(join(path, 'users.json'), true),
      }
    : await readJson(path, false);
  try {
    return parseFixtures(data);
  } catch (error) {
    throw new FixtureError(`invalid fixtures in ${path}: ${(error as Error).message}`);
  }
}
