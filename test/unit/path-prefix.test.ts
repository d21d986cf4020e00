import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { isPathUnder } from '../../src/domain/path-prefix.js';

describe('isPathUnder matches a prefix as Hono\'s /prefix/* does', () => {
  const cases = [
    { name: 'the prefix itself', input: ['/api', '/api'], expected: true },
    { name: 'a path below it', input: ['/api/v1/trustedOrigins', '/api'], expected: true },
    { name: 'a path right below it', input: ['/admin/', '/admin'], expected: true },
    { name: 'not a longer segment that starts the same', input: ['/apis', '/api'], expected: false },
    { name: 'not a shorter path', input: ['/ap', '/api'], expected: false },
    { name: 'not another tree', input: ['/login/login.htm', '/admin'], expected: false },
  ] as const;
  it.each(named(cases))('%s', (_name, { input: [path, prefix], expected }) => {
    expect(isPathUnder(path, prefix)).toBe(expected);
  });
});
