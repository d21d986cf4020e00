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

const HEX_CODES = Array.from(HEX, (digit) => digit.charCodeAt(0));

/**
 * Hex text of `length` digits, eight from each draw (a draw is 32 uniform
 * bits): every request gets an id, and a draw per digit was a tenth of an
 * answer's own work. Built from codes in one step, not as a rope of pieces.
 */
function hexString(random: RandomSource, length: number): string {
  const codes = new Array<number>(length);
  for (let at = 0; at < length; at += 8) {
    const bits = Math.floor(random() * 0x1_0000_0000);
    for (let digit = 0; digit < 8 && at + digit < length; digit++) codes[at + digit] = HEX_CODES[(bits >>> (28 - 4 * digit)) & 15]!;
  }
  return String.fromCharCode(...codes);
}

export function newId(kind: IdKind, random: RandomSource): string {
  const f = ID_FORMATS[kind];
  return f.prefix + (f.alphabet === HEX ? hexString(random, f.length) : randomString(random, f.alphabet, f.length));
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
