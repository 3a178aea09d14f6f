/**
 * MinHash signatures and LSH band keys for near-duplicate ad texts.
 *
 * Shingles (word 3-grams over masked, folded tokens by default) are hashed once with xxHash32, then
 * `perms` independent permutations are derived by xoring a per-permutation seed and applying the
 * murmur3 32-bit finaliser (a bijection on 32-bit integers built from Math.imul). The minimum per
 * permutation is the signature. Bands of `rows` consecutive values hash to one signed 32-bit key, so
 * candidate lookup is an indexed equality query in any SQL database.
 */
import xxhash from 'xxhash-wasm';
import { type ShingleMode, shingles } from './normalize.ts';

export interface MinHashOptions {
  /** Number of permutations (signature length). Default 64. */
  perms?: number;
  /** Rows per LSH band; `perms / rows` bands. Default 4 (16 bands: ~50 % similar texts become candidates). */
  rows?: number;
  /** Shingling scheme. Default word 3-grams. */
  mode?: ShingleMode;
  /** Texts with fewer distinct shingles get no band keys (too short to say anything). Default 4. */
  minShingles?: number;
  /** Seed of the permutation family (signatures are only comparable with the same seed). Default 0x5eed. */
  seed?: number;
}

/** A synchronous MinHash hasher (xxhash-wasm is initialised once, asynchronously, by `createMinHasher`). */
export interface MinHasher {
  readonly perms: number;
  readonly rows: number;
  readonly bands: number;
  readonly mode: ShingleMode;
  /** Signature of a text (length `perms`); `shingleCount` is the number of distinct shingles. */
  signature(text: string): { sig: Uint32Array; shingleCount: number };
  /** Signature of a precomputed shingle set. */
  signatureOf(set: Iterable<string>): Uint32Array;
  /** LSH band keys (signed 32-bit ints, distinct per band index); empty when the text is too short. */
  bandKeys(sig: Uint32Array, shingleCount: number): number[];
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Create a MinHash hasher. Await once at start-up; the returned object is synchronous. */
export async function createMinHasher(options: MinHashOptions = {}): Promise<MinHasher> {
  const perms = options.perms ?? 64;
  const rows = options.rows ?? 4;
  if (perms <= 0 || rows <= 0 || perms % rows !== 0) {
    throw new RangeError(`perms (${perms}) must be a positive multiple of rows (${rows})`);
  }
  const mode = options.mode ?? { kind: 'word', n: 3 };
  const minShingles = options.minShingles ?? 4;
  const { h32, h32Raw } = await xxhash();
  const seeds = new Uint32Array(perms);
  let s = (options.seed ?? 0x5eed) >>> 0;
  for (let i = 0; i < perms; i++) {
    s = fmix32((s + 0x9e3779b9) >>> 0);
    seeds[i] = s;
  }
  const bands = perms / rows;

  const signatureOf = (set: Iterable<string>): Uint32Array => {
    const sig = new Uint32Array(perms).fill(0xffffffff);
    for (const sh of set) {
      const x = h32(sh, 0);
      for (let i = 0; i < perms; i++) {
        const v = fmix32((x ^ seeds[i]!) >>> 0);
        if (v < sig[i]!) sig[i] = v;
      }
    }
    return sig;
  };

  return {
    perms,
    rows,
    bands,
    mode,
    signatureOf,
    signature(text) {
      const set = shingles(text, mode);
      return { sig: signatureOf(set), shingleCount: set.size };
    },
    bandKeys(sig, shingleCount) {
      if (shingleCount < minShingles) return [];
      const bytes = new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength);
      const keys: number[] = [];
      for (let b = 0; b < bands; b++) {
        keys.push(h32Raw(bytes.subarray(b * rows * 4, (b + 1) * rows * 4), b) | 0);
      }
      return keys;
    },
  };
}

/** Estimated Jaccard similarity: the share of equal positions of two signatures of one hasher. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq / a.length;
}

/** Signature → bytes (for a BLOB/bytea column). */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  return new Uint8Array(sig.buffer.slice(sig.byteOffset, sig.byteOffset + sig.byteLength));
}

/** Bytes → signature (inverse of `signatureToBytes`). */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

/** Probability that two texts of Jaccard `j` share at least one band (the LSH S-curve). */
export function candidateProbability(j: number, bands: number, rows: number): number {
  return 1 - (1 - j ** rows) ** bands;
}
