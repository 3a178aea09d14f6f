import { mulberry32 } from '../core/prng.ts';

/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the demo corpus needs.
 * Same seed → same sequence, on every platform: the corpus must be reproducible.
 */
export class Rng {
  /** Uniform float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A child generator whose sequence depends only on this seed and `salt` (not on calls made so far). */
  static derive(seed: number, ...salt: number[]): Rng {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (const s of salt) {
      h = Math.imul(h ^ (s >>> 0), 0x85ebca6b) >>> 0;
      h = (h ^ (h >>> 13)) >>> 0;
      h = Math.imul(h, 0xc2b2ae35) >>> 0;
      h = (h ^ (h >>> 16)) >>> 0;
    }
    return new Rng(h);
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight; `weights` are non-negative and not all zero. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  }

  /** `k` distinct items (k ≤ length). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, k);
  }

  /** Geometric-ish count: min + number of successes before a failure with probability p, capped. */
  count(min: number, p: number, max: number): number {
    let n = min;
    while (n < max && this.chance(p)) n++;
    return n;
  }
}
