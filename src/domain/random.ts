/** A source of uniform numbers in [0, 1). Injected so ids are reproducible. */
export type RandomSource = () => number;

/**
 * mulberry32: a tiny 32-bit generator. Good enough for ids that must be
 * unique in one org and repeatable for one seed; not for secrets.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `length` characters of `alphabet`, one draw each. Built from character
 * codes in one step: a string grown one character at a time is a rope of
 * `length` pieces, which a stored id kept and every map keyed by it had to
 * flatten first.
 */
export function randomString(random: RandomSource, alphabet: string, length: number): string {
  const codes = new Array<number>(length);
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor(random() * alphabet.length));
  return String.fromCharCode(...codes);
}
