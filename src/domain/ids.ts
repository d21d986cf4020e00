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
  // Made by requestIdText below, four draws of eight digits.
  requestId: { prefix: '', alphabet: HEX, length: 32 },
} as const;

export type IdKind = keyof typeof ID_FORMATS;

const HEX_CODES = Array.from(HEX, (digit) => digit.charCodeAt(0));

const draw32 = (random: RandomSource) => Math.floor(random() * 0x1_0000_0000);

/** The character code of the hex digit `shift / 4` places from the right of a draw's 32 bits. */
const hexCode = (bits: number, shift: number) => HEX_CODES[(bits >>> shift) & 15]!;

/**
 * A request id's 32 hex digits, eight from each of four draws (a draw is 32
 * uniform bits), most significant first: every request gets one, and a draw
 * per digit was a tenth of an answer's own work. One fromCharCode of all 32
 * codes makes one flat text in a third of the time an array of codes spread
 * into it took.
 */
function requestIdText(random: RandomSource): string {
  const a = draw32(random);
  const b = draw32(random);
  const c = draw32(random);
  const d = draw32(random);
  // prettier-ignore
  return String.fromCharCode(
    hexCode(a, 28), hexCode(a, 24), hexCode(a, 20), hexCode(a, 16), hexCode(a, 12), hexCode(a, 8), hexCode(a, 4), hexCode(a, 0),
    hexCode(b, 28), hexCode(b, 24), hexCode(b, 20), hexCode(b, 16), hexCode(b, 12), hexCode(b, 8), hexCode(b, 4), hexCode(b, 0),
    hexCode(c, 28), hexCode(c, 24), hexCode(c, 20), hexCode(c, 16), hexCode(c, 12), hexCode(c, 8), hexCode(c, 4), hexCode(c, 0),
    hexCode(d, 28), hexCode(d, 24), hexCode(d, 20), hexCode(d, 16), hexCode(d, 12), hexCode(d, 8), hexCode(d, 4), hexCode(d, 0),
  );
}

export function newId(kind: IdKind, random: RandomSource): string {
  const f = ID_FORMATS[kind];
  return kind === 'requestId' ? requestIdText(random) : f.prefix + randomString(random, f.alphabet, f.length);
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
