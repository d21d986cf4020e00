import { fixturesSchema, type Fixtures } from './schemas.js';

/** One thing wrong with a fixtures document: where (e.g. `trustedOrigins[2].origin`) and what. */
export interface FixtureProblem {
  where: string;
  message: string;
}

export class FixtureError extends Error {
  override name = 'FixtureError';
  /** Every problem found; the message names the first. */
  readonly problems: FixtureProblem[];

  constructor(message: string, problems: FixtureProblem[] = []) {
    super(message);
    this.problems = problems;
  }
}

const whereOf = (path: ReadonlyArray<PropertyKey>) =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') ||
  'fixtures';

/** Validates fixture data, naming the first bad field (e.g. `trustedOrigins[1].origin`); `problems` lists them all. */
export function parseFixtures(data: unknown): Fixtures {
  const result = fixturesSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({ where: whereOf(issue.path), message: issue.message }));
    throw new FixtureError(`${problems[0]!.where}: ${problems[0]!.message}`, problems);
  }
  const fixtures = result.data;
  assertUnique(fixtures.trustedOrigins, 'trustedOrigins', ['id', 'name', 'origin']);
  assertUnique(fixtures.users, 'users', ['id']);
  return fixtures;
}

function assertUnique<T>(records: T[], label: string, keys: Array<keyof T>): void {
  for (const key of keys) {
    const seen = new Set<unknown>();
    records.forEach((record, i) => {
      if (seen.has(record[key])) {
        const problem = { where: `${label}[${i}].${String(key)}`, message: `duplicate value ${JSON.stringify(record[key])}` };
        throw new FixtureError(`${problem.where}: ${problem.message}`, [problem]);
      }
      seen.add(record[key]);
    });
  }
}
