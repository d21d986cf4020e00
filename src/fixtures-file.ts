import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FixtureError, parseFixtureDocument, type FixtureProblem, type ParsedFixtures } from './store/fixtures.js';
import type { Fixtures } from './store/schemas.js';

/** The reference's examples, shipped with the package. */
export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The files a fixtures directory may hold, and the document key each one fills. */
const DIRECTORY_FILES = { 'trusted-origins.json': 'trustedOrigins', 'users.json': 'users' } as const;

const cannotRead = (path: string, error: unknown) =>
  new FixtureError(`cannot read fixtures at ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);

type Read = { ok: true; value: unknown } | { ok: false; problem: FixtureProblem };

async function readJson(path: string, where: string, optional: boolean): Promise<Read> {
  let text: string;
  try {
    if (!(await stat(path)).isFile()) throw new FixtureError(`cannot read fixtures at ${path}: not a regular file`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof FixtureError) throw error;
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: undefined };
    throw cannotRead(path, error);
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: { where, message: `not JSON (${(error as Error).message})` } };
  }
}

/** A directory's files as one document; every problem (bad JSON, unknown file) is collected, none thrown. */
async function readDirectory(path: string): Promise<{ document: Record<string, unknown>; problems: FixtureProblem[] }> {
  const document: Record<string, unknown> = {};
  const problems: FixtureProblem[] = [];
  const expected = Object.keys(DIRECTORY_FILES).join(', ');
  // Only JSON files can be meant as fixtures; a README or an editor's dotfile beside them is fine.
  for (const name of (await readdir(path)).filter((n) => n.endsWith('.json') && !(n in DIRECTORY_FILES)).sort()) {
    problems.push({ where: name, message: `unknown fixtures file (a fixtures directory holds ${expected})` });
  }
  for (const [file, key] of Object.entries(DIRECTORY_FILES)) {
    const read = await readJson(join(path, file), file, true);
    if (!read.ok) problems.push(read.problem);
    else if (read.value !== undefined) document[key] = read.value;
  }
  return { document, problems };
}

/**
 * Loads fixtures from a directory (`trusted-origins.json`, `users.json`) or from one JSON file
 * `{ trustedOrigins, users }`, reporting every problem of it in one FixtureError.
 */
export async function loadFixtureDocument(path: string = DEFAULT_FIXTURES_DIR): Promise<ParsedFixtures> {
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
    throw cannotRead(path, error);
  }
  let document: unknown;
  let problems: FixtureProblem[] = [];
  if (isDirectory) {
    try {
      ({ document, problems } = await readDirectory(path));
    } catch (error) {
      if (error instanceof FixtureError) throw error;
      throw cannotRead(path, error);
    }
  } else {
    const read = await readJson(path, 'fixtures', false);
    if (!read.ok) throw new FixtureError(`invalid fixtures in ${path}: ${read.problem.message}`, [read.problem]);
    document = read.value;
  }
  try {
    const parsed = parseFixtureDocument(document);
    if (problems.length > 0) throw FixtureError.of(problems);
    return parsed;
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    const all = [...problems, ...error.problems];
    throw new FixtureError(`invalid fixtures in ${path}: ${FixtureError.of(all).message}`, all);
  }
}

export async function loadFixtures(path: string = DEFAULT_FIXTURES_DIR): Promise<Fixtures> {
  return (await loadFixtureDocument(path)).fixtures;
}
