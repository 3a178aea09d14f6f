/**
 * Perceptual-hash helpers (pure): 64-bit pHash as 16 hex digits, Hamming distance, and 4 bands of
 * 16 bits for indexed lookup (two hashes within distance 3 always share a band; most within 8 do).
 */

/** Default maximum Hamming distance for "same image" (measured in src/images/phash.test.ts). */
export const DEFAULT_IMAGE_MAX_DISTANCE = 8;

const HEX16 = /^[0-9a-f]{16}$/;

/** True for a 16-hex-digit pHash. */
export function isPhash(h: string): boolean {
  return HEX16.test(h);
}

function popcount16(x: number): number {
  x -= (x >>> 1) & 0x5555;
  x = (x & 0x3333) + ((x >>> 2) & 0x3333);
  x = (x + (x >>> 4)) & 0x0f0f;
  return (x + (x >>> 8)) & 0x1f;
}

/** Hamming distance of two 16-hex pHashes (64 when either is malformed). */
export function hamming(a: string, b: string): number {
  if (!isPhash(a) || !isPhash(b)) return 64;
  let d = 0;
  for (let i = 0; i < 16; i += 4) {
    d += popcount16(Number.parseInt(a.slice(i, i + 4), 16) ^ Number.parseInt(b.slice(i, i + 4), 16));
  }
  return d;
}

/** Four band keys `band << 16 | 16-bit value` (non-negative 32-bit ints); empty for a malformed hash. */
export function phashBandKeys(h: string): number[] {
  if (!isPhash(h)) return [];
  const keys: number[] = [];
  for (let b = 0; b < 4; b++) keys.push(b * 65536 + Number.parseInt(h.slice(b * 4, b * 4 + 4), 16));
  return keys;
}

/** Convert sharp-phash's 64-character "0101…" string to 16 hex digits. */
export function bitsToHex(bits: string): string {
  if (bits.length !== 64 || !/^[01]+$/.test(bits)) throw new RangeError('expected 64 bits');
  let out = '';
  for (let i = 0; i < 64; i += 4) out += Number.parseInt(bits.slice(i, i + 4), 2).toString(16);
  return out;
}
