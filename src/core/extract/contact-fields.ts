/**
 * Shared plumbing for the contact extractors: which fields to read, a tiny cache so that phones, e-mails
 * and handles normalise each field once per ad, and mapping normalised ranges back to original spans.
 */
import { type NormalizedText, normalizeText } from '../normalize/normalize.ts';
import type { AdContent, Span, TextField } from '../types.ts';

export interface FieldText {
  field: TextField;
  original: string;
  norm: NormalizedText;
}

const CACHE_SIZE = 8;
const cache = new Map<string, NormalizedText>();

const LARGE = 200_000;
/** The last text over LARGE characters: one slot, so memory stays bounded (handles read phones again). */
let large: { s: string; r: NormalizedText } | null = null;

/** Normalise with a small most-recently-used cache (the three extractors read the same fields). */
export function normalizedCached(s: string): NormalizedText {
  if (s.length > LARGE) {
    if (large !== null && large.s === s) return large.r;
    const r = normalizeText(s);
    large = { s, r };
    return r;
  }
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const r = normalizeText(s);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(s, r);
  return r;
}

/** The free-text fields of an ad, in reading order. */
export function textFields(content: AdContent): FieldText[] {
  const out: FieldText[] = [];
  if (content.title)
    out.push({ field: 'title', original: content.title, norm: normalizedCached(content.title) });
  if (content.body) out.push({ field: 'body', original: content.body, norm: normalizedCached(content.body) });
  return out;
}

/** Map a normalised [a, b) range to an original span. */
export function toSpan(f: FieldText, a: number, b: number): Span {
  return { field: f.field, start: f.norm.map[a]!, end: spanEnd(f, a, b) };
}

/** The original end offset of the normalised range [a, b) (the `end` of {@link toSpan}; its start is `map[a]`). */
export function spanEnd(f: FieldText, a: number, b: number): number {
  const map = f.norm.map;
  const start = map[a]!;
  let end = b < f.norm.text.length ? map[b]! : f.original.length;
  const lastStart = b > a ? map[b - 1]! : start;
  if (end <= lastStart) {
    const c = f.original.charCodeAt(lastStart);
    end = lastStart + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  }
  // Do not swallow trailing invisible characters removed by normalisation.
  while (end > start + 1 && isTrailingInvisible(f.original.charCodeAt(end - 1))) end--;
  return end;
}

function isTrailingInvisible(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad;
}

/** Spans recorded for one field and key (see {@link SpanSet}). */
interface KeySpans {
  /** Spans added in increasing start order, one end per start: checked by binary search. */
  starts: number[];
  ends: number[];
  /** Greatest start recorded. */
  maxStart: number;
  /** First end of each start added out of order (not in `starts`). */
  extra: Map<number, number> | null;
}

/** Collects spans per key without duplicates, in linear time (one number may repeat thousands of times). */
export class SpanSet {
  // field → key → spans. Spans mostly arrive in increasing start order (one field read left to right):
  // those are appended to sorted arrays, no hashing per span (that was the hot spot on floods of one
  // number). A second end at the same start goes to `more`.
  private readonly seen = new Map<string, Map<string, KeySpans>>();
  private readonly more = new Set<string>();
  private lastField = '';
  private lastKey = '';
  private last: KeySpans | null = null;

  /** Returns false when `s` was already recorded for `key`. */
  add(key: string, s: Span): boolean {
    let ks = this.last;
    if (ks === null || this.lastKey !== key || this.lastField !== s.field) {
      ks = this.spansOf(key, s.field);
      this.last = ks;
      this.lastKey = key;
      this.lastField = s.field;
    }
    if (s.start > ks.maxStart) {
      ks.starts.push(s.start);
      ks.ends.push(s.end);
      ks.maxStart = s.start;
      return true;
    }
    let end = endAt(ks.starts, ks.ends, s.start);
    if (end === undefined && ks.extra !== null) end = ks.extra.get(s.start);
    if (end === undefined) {
      ks.extra ??= new Map();
      ks.extra.set(s.start, s.end);
      return true;
    }
    if (end === s.end) return false;
    const k = `${key}\u0000${s.field}:${s.start}:${s.end}`;
    if (this.more.has(k)) return false;
    this.more.add(k);
    return true;
  }

  private spansOf(key: string, field: string): KeySpans {
    let byKey = this.seen.get(field);
    if (byKey === undefined) {
      byKey = new Map();
      this.seen.set(field, byKey);
    }
    let ks = byKey.get(key);
    if (ks === undefined) {
      ks = { starts: [], ends: [], maxStart: -1, extra: null };
      byKey.set(key, ks);
    }
    return ks;
  }
}

/** The end recorded with `start` in sorted `starts` (binary search), if any. */
function endAt(starts: number[], ends: number[], start: number): number | undefined {
  const k = lowerBound(starts, start);
  return k < starts.length && starts[k] === start ? ends[k] : undefined;
}

/** First index whose value is >= x in a sorted array. */
export function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A hash of the characters `t[a, b)` (FNV-1a style, 32-bit). */
function hashRange(t: string, a: number, b: number): number {
  let h = b - a;
  for (let k = a; k < b; k++) h = Math.imul(h ^ t.charCodeAt(k), 0x01000193);
  return h ^ (h >>> 15);
}

/**
 * A fixed table of words looked up by a range of a text, without slicing it: hostile floods repeat one word
 * hundreds of thousands of times. Open addressing over a power-of-two table, built once.
 */
export class WordTable<V> {
  private readonly keys: (string | undefined)[];
  private readonly values: (V | undefined)[];
  private readonly mask: number;

  constructor(entries: Iterable<readonly [string, V]>) {
    const list = [...entries];
    let size = 16;
    while (size < list.length * 4) size *= 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
    this.mask = size - 1;
    for (const [key, value] of list) {
      let slot = hashRange(key, 0, key.length) & this.mask;
      while (this.keys[slot] !== undefined && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = value;
    }
  }

  /** The value of the word `t[a, b)`, if it is in the table. */
  get(t: string, a: number, b: number): V | undefined {
    const len = b - a;
    let slot = hashRange(t, a, b) & this.mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (key.length === len) {
        let x = 0;
        while (x < len && key.charCodeAt(x) === t.charCodeAt(a + x)) x++;
        if (x === len) return this.values[slot];
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Whether the word `t[a, b)` is in the table. */
  has(t: string, a: number, b: number): boolean {
    return this.get(t, a, b) !== undefined;
  }
}
