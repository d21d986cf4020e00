import { randomString, type RandomSource } from './random.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE64URL = `${BASE62}-_`;
const HEX = '0123456789abcdef';

/** Okta's id shapes: a three-character type prefix and a random tail. */
export const ID_FORMATS = {
  trustedOrigin: { prefix: 'tos', alphabet: BASE62, length: 17 },
  user: { prefix: '00u', alphabet: BASE62, length: 17 },
  errorId: { prefix: 'oae', alphabet: BASE64URL, length: 22 },
  session: { prefix: '102', alphabet: BASE64URL, length: 22 },
  sessionToken: { prefix: '20111', alphabet: BASE64URL, length: 50 },
  requestId: { prefix: '', alphabet: HEX, length: 32 },
} as const;

export type IdKind = keyof typeof ID_FORMATS;

export function newId(kind: IdKind, random: RandomSource): string {
  const f = ID_FORMATS[kind];
  return f.prefix + randomString(random, f.alphabet, f.length);
}

const PATTERNS: Record<IdKind, RegExp> = Object.fromEntries(
  Object.entries(ID_FORMATS).map(([kind, f]) => [
    kind,
    new RegExp(`^${f.prefix}[${f.alphabet.replace('-', '\\-')}]{${f.length}}$`),
  ]),
) as Record<IdKind, RegExp>;

export function isId(kind: IdKind, value: string): boolean {
  return PATTERNS[kind].test(value);
}
