/**
 * Turns a `{ name, ... }` case table into `[name, row]` pairs for `it.each(named(cases))('%s', (_name, row) => ...)`.
 * Vitest prints `$name` quoted and cut at 40 characters; `%s` prints the whole sentence.
 */
export const named = <T extends { name: string }>(cases: readonly T[]): Array<[string, T]> => cases.map((c) => [c.name, c]);
