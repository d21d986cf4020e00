import type { RandomSource } from './domain/random.js';

/**
 * A RandomSource for secrets (session ids, session tokens), drawn from
 * `crypto.getRandomValues`: unlike the seeded generator, nothing a caller
 * sees (request ids, error ids, other ids) tells anything about it.
 * `globalThis.crypto` exists in browsers and Node 20+, so this stays environment-neutral.
 */
export function cryptoRandom(): RandomSource {
  // One getRandomValues call per 256 draws keeps id generation cheap.
  const buffer = new Uint32Array(256);
  let next = buffer.length;
  return () => {
    if (next === buffer.length) {
      globalThis.crypto.getRandomValues(buffer);
      next = 0;
    }
    return buffer[next++]! / 4294967296;
  };
}
