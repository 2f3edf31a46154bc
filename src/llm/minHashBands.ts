import { orderedShingles, shingles } from "./textShingles.ts";

/**
 * Locality-sensitive hashing of a text's shingles: 24 bands of 6 MinHash values. Two texts share at least one band
 * with probability 1 - (1 - J^6)^24 for a Jaccard similarity J: 99.93 % at the near-duplicate threshold 0.8, 31 % at
 * 0.5, 1.7 % at 0.3 and 0.002 % at 0.1 (the false candidates the exact comparison then drops). A text has the bands
 * of its trigrams in its own order and of those with its sentences in canonical order (`similarity` takes the
 * higher of the two Jaccards), 48 in all.
 */
export const ROWS = 6;
export const BANDS = 24;

/** The chance that two texts of Jaccard similarity `j` share a band, i.e. are compared at all. */
export function candidateProbability(j: number, rows = ROWS, bands = BANDS): number {
  return 1 - (1 - j ** rows) ** bands;
}

// MurmurHash3's finalizer: a bijection on 32 bits that mixes every input bit into every output bit.
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

// FNV-1a over UTF-16 code units, finished by fmix32.
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h >>> 0);
}

// One seed per MinHash function: each x ↦ fmix32(x ^ seed) is its own permutation of the 32-bit hashes.
const SEEDS = Array.from({ length: ROWS * BANDS }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9) >>> 0));

/** The MinHash signature of a set of shingles: for each function, the smallest permuted hash. Empty: no signature. */
export function minHashSignature(set: ReadonlySet<string>): Uint32Array {
  if (set.size === 0) return new Uint32Array(0);
  const base = [...set].map(hashString);
  const sig = new Uint32Array(SEEDS.length).fill(0xffffffff);
  // Stryker disable next-line EqualityOperator: one round more writes past the typed array's end, which is ignored
  for (let i = 0; i < SEEDS.length; i++) {
    const seed = SEEDS[i] as number;
    let min = 0xffffffff;
    for (const x of base) {
      const v = fmix32((x ^ seed) >>> 0);
      // Stryker disable next-line EqualityOperator: replacing the minimum by an equal value leaves it the same
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  return sig;
}

/** The band keys of one shingle set, numbered from `first` (so two sets' bands of the same text never meet). */
export function bandsOf(set: ReadonlySet<string>, first = 0): number[] {
  const sig = minHashSignature(set);
  if (sig.length === 0) return [];
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = fmix32(first + b + 1);
    for (let r = 0; r < ROWS; r++) h = fmix32((Math.imul(h, 31) + (sig[b * ROWS + r] as number)) >>> 0);
    out.push(h | 0);
  }
  return out;
}

/**
 * The text's band keys, as signed 32-bit integers (PostgreSQL's int4): each band's rows hashed together with the
 * band's number, so equal rows in two different bands never meet. A text without words has none.
 */
export function minHashBands(text: string): number[] {
  return [...bandsOf(shingles(text), 0), ...bandsOf(orderedShingles(text), BANDS)];
}
