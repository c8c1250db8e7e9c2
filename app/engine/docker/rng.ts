/**
 * The seeded generator behind every "random" id (container ids, cache ids, 26-character links), so a
 * replayed session is byte-identical (SEMANTICS.md H3). mulberry32: tiny, fast, good enough for ids.
 */
export interface Rng {
  readonly state: number;
}

export const seedRng = (seed: number): Rng => ({ state: seed >>> 0 });

function next(rng: Rng): [number, Rng] {
  let t = (rng.state + 0x6d2b79f5) >>> 0;
  const state = t;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, { state }];
}

/** n random characters from an alphabet, and the advanced generator. */
export function randomString(rng: Rng, n: number, alphabet: string): [string, Rng] {
  let s = '';
  let r = rng;
  for (let i = 0; i < n; i++) {
    const [x, r2] = next(r);
    r = r2;
    s += alphabet[Math.floor(x * alphabet.length)];
  }
  return [s, r];
}

export const randomHex = (rng: Rng, n = 64): [string, Rng] => randomString(rng, n, '0123456789abcdef');
/** overlay2's short link names: 26 characters of base32 (A1, A2). */
export const randomLink = (rng: Rng): [string, Rng] =>
  randomString(rng, 26, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');

export function randomPick<T>(rng: Rng, items: readonly T[]): [T, Rng] {
  const [x, r] = next(rng);
  return [items[Math.floor(x * items.length)]!, r];
}
