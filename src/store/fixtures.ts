import * as z from 'zod/mini';
import { DEFAULT_FIXTURES } from '../default-fixtures.js';
import { completeTrustedOrigin, completeUser } from './fixture-defaults.js';
import { fixturesDocumentSchema, userFixtureSchema, type Fixtures } from './schemas.js';

/** One thing wrong with a fixtures document: where (e.g. `trustedOrigins[2].origin`) and what. */
export interface FixtureProblem {
  where: string;
  message: string;
}

export class FixtureError extends Error {
  override name = 'FixtureError';
  /** Every problem found; the message lists them all, the first first. */
  readonly problems: FixtureProblem[];

  constructor(message: string, problems: FixtureProblem[] = []) {
    super(message);
    this.problems = problems;
  }

  static of(problems: FixtureProblem[]): FixtureError {
    return new FixtureError(problems.map((p) => `${p.where}: ${p.message}`).join('; '), problems);
  }
}

const whereOf = (path: ReadonlyArray<PropertyKey>) =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') ||
  'fixtures';

function problemsOf(issues: readonly z.core.$ZodIssue[]): FixtureProblem[] {
  return issues.flatMap((issue) =>
    // One problem per unknown key, at the key itself, so `trustedOrigins[0].scope` says which one.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ where: whereOf([...issue.path, key]), message: 'unknown key' }))
      : [{ where: whereOf(issue.path), message: issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? `required (${issue.message})` : issue.message }],
  );
}

export interface ParseFixturesOptions {
  /** A document without users gets the bundled admin and its API token (default true). */
  defaultUsers?: boolean;
  /** Who created the trusted origins that do not say; defaults to the document's first user. */
  ownerId?: string;
}

export interface ParsedFixtures {
  fixtures: Fixtures;
  /** True when the document had no users and the bundled admin was put in. */
  usedDefaultAdmin: boolean;
}

// The bundled admin, already complete; kept apart from the document schema to avoid re-parsing it each time.
const defaultAdmin = () => z.array(userFixtureSchema).parse(DEFAULT_FIXTURES.users).map(completeUser);

/**
 * Validates a fixtures document and fills in what people may leave out (ids, status, times, the
 * creator), deterministically: the same document always gives the same records. Every problem of
 * the document is reported at once in one FixtureError.
 */
export function parseFixtureDocument(data: unknown, options: ParseFixturesOptions = {}): ParsedFixtures {
  const result = fixturesDocumentSchema.safeParse(data);
  if (!result.success) {
    throw FixtureError.of([...problemsOf(result.error.issues), ...duplicatesIn(data as RawDocument)]);
  }
  const written = result.data.users.map(completeUser);
  const usedDefaultAdmin = written.length === 0 && options.defaultUsers !== false;
  const users = usedDefaultAdmin ? defaultAdmin() : written;
  const ownerId = options.ownerId ?? users[0]?.id ?? defaultAdmin()[0]!.id;
  const fixtures = { trustedOrigins: result.data.trustedOrigins.map((o) => completeTrustedOrigin(o, ownerId)), users };
  const duplicates = duplicatesIn(fixtures);
  if (duplicates.length > 0) throw FixtureError.of(duplicates);
  return { fixtures, usedDefaultAdmin };
}

/** `parseFixtureDocument(...).fixtures`. */
export function parseFixtures(data: unknown, options?: ParseFixturesOptions): Fixtures {
  return parseFixtureDocument(data, options).fixtures;
}

type RawDocument = { trustedOrigins?: unknown; users?: unknown } | null | undefined;

/** Values that must be unique in an org, named at the later record; reads raw data too, so they show beside schema problems. */
function duplicatesIn(document: RawDocument): FixtureProblem[] {
  if (typeof document !== 'object' || document === null) return [];
  const origins = Array.isArray(document.trustedOrigins) ? document.trustedOrigins : [];
  const users = Array.isArray(document.users) ? document.users : [];
  const originDuplicates = duplicates(origins, 'trustedOrigins', 'origin', (r) => r?.origin);
  // A derived id repeats exactly when the origin does: report the origin only.
  const originRepeats = new Set(originDuplicates.map((p) => p.where.replace(/\.origin$/, '')));
  return [
    ...duplicates(origins, 'trustedOrigins', 'id', (r) => r?.id).filter((p) => !originRepeats.has(p.where.replace(/\.id$/, ''))),
    ...duplicates(origins, 'trustedOrigins', 'name', (r) => r?.name),
    ...originDuplicates,
    ...duplicates(users, 'users', 'id', (r) => r?.id),
    ...duplicates(users, 'users', 'profile.login', (r) => (typeof r?.profile?.login === 'string' ? r.profile.login.toLowerCase() : undefined)),
  ];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON, checked field by field
function duplicates(records: unknown[], label: string, key: string, valueOf: (record: any) => unknown): FixtureProblem[] {
  const seen = new Set<unknown>();
  const problems: FixtureProblem[] = [];
  records.forEach((record, i) => {
    const value = valueOf(record);
    if (typeof value !== 'string') return;
    if (seen.has(value)) problems.push({ where: `${label}[${i}].${key}`, message: `duplicate value ${JSON.stringify(value)}` });
    seen.add(value);
  });
  return problems;
}
