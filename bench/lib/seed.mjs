/**
 * Deterministic bulk records for the latency benchmark. The server child uses
 * seedRecord() to fill the store; the load generator uses seedId() to pick
 * ids it knows exist, without asking the server.
 */

const SEED_ACTOR = '00ut5t92p6IEOi4bu0g3'; // the fixture user
const SEED_TIME = '2024-01-01T00:00:00.000Z';

/** `tos` + 17 base62 characters: "bnch" + the index in base 36, zero-padded to 13. */
export function seedId(index) {
  return `tosbnch${index.toString(36).padStart(13, '0')}`;
}

export function seedRecord(index) {
  return {
    id: seedId(index),
    name: `Bench Origin ${index}`,
    origin: `https://o${index}.bench.example`,
    scopes: index % 2 === 0 ? [{ type: 'CORS' }] : [{ type: 'CORS' }, { type: 'REDIRECT' }],
    status: 'ACTIVE',
    created: SEED_TIME,
    createdBy: SEED_ACTOR,
    lastUpdated: SEED_TIME,
    lastUpdatedBy: SEED_ACTOR,
  };
}

/** A small seeded generator (mulberry32), so runs pick the same ids without loading the emulator's code. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
