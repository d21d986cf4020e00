import { fixturesSchema, type Fixtures } from './schemas.js';

export class FixtureError extends Error {
  override name = 'FixtureError';
}

/** Validates fixture data, naming the first bad field (e.g. `trustedOrigins[1].origin`). */
export function parseFixtures(data: unknown): Fixtures {
  const result = fixturesSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    );
    throw new FixtureError(`${path || 'fixtures'}: ${issue.message}`);
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
      if (seen.has(record[key])) throw new FixtureError(`${label}[${i}].${String(key)}: duplicate value ${JSON.stringify(record[key])}`);
      seen.add(record[key]);
    });
  }
}
