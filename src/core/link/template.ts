/**
 * Derive the shared template of a cluster of near-duplicate ads, and its slots (what varies), in a form
 * an analyst can read: "Bonjour je suis {name}, {age} ans, de passage à {city} …".
 *
 * Method: pick the medoid (the text most similar to the others), align every other text to it with a
 * longest-common-subsequence over folded word/punctuation tokens, keep the medoid tokens found in at
 * least 80 % of the texts, and turn each gap between kept tokens where texts differ into a slot whose label
 * is guessed from its values and their neighbours (age before "ans", price next to "€", known names and
 * cities given as hints, phones, e-mails).
 */
import { foldText } from './normalize.ts';

export interface TemplateDoc {
  id: string | number;
  text: string;
  /** Values known from extraction, used to label slots. */
  hints?: { names?: string[]; cities?: string[] };
}

export type SlotLabel = 'name' | 'age' | 'city' | 'price' | 'phone' | 'contact' | 'number' | 'text';

export interface TemplateSlot {
  /** Placeholder used in `template`, e.g. `city` or `city2`. */
  key: string;
  label: SlotLabel;
  /** Distinct values with how many texts used them, most frequent first (at most 12). */
  values: { value: string; count: number }[];
}

export interface Template {
  /** The shared phrasing with `{key}` placeholders. */
  template: string;
  slots: TemplateSlot[];
  /** Number of texts the template was derived from. */
  support: number;
  medoidId: string | number;
  /** Share of the medoid's tokens kept in the template (0..1). */
  sharedRatio: number;
}

interface Tok {
  text: string;
  key: string;
  /** Whitespace that followed the token in the original text. */
  sep: string;
}

const MAX_TOKENS = 400;
const MAX_DOCS = 60;
/** A medoid token belongs to the template when at least this share of the texts has it. */
const KEEP_SHARE = 0.8;

function isWordCode(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000 && c !== 0x2019)
  );
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return to > from;
}

/** A digit group followed by more groups separated by one space/dot/dash is one phone token when ≥ 8 digits. */
function extendPhone(text: string, start: number, end: number): number {
  if (!isDigits(text, start, end)) return end;
  let digits = end - start;
  let j = end;
  let last = end;
  while (j < text.length && digits < 16) {
    const sep = text.charCodeAt(j);
    if (sep !== 32 && sep !== 46 && sep !== 45) break;
    let k = j + 1;
    while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k === j + 1) break;
    digits += k - j - 1;
    j = k;
    last = k;
  }
  return digits >= 8 ? last : end;
}

/** Words (letters/digits, with inner apostrophes/hyphens kept) and single punctuation marks. */
export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && toks.length < MAX_TOKENS) {
    const c = text.charCodeAt(i);
    if (c <= 32) {
      i++;
      continue;
    }
    const start = i;
    if (isWordCode(c)) {
      while (i < n && isWordCode(text.charCodeAt(i))) i++;
      i = extendPhone(text, start, i);
    } else {
      // a surrogate pair (emoji) stays one token
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    const s = i;
    while (i < n && text.charCodeAt(i) <= 32) i++;
    const word = text.slice(start, s);
    toks.push({ text: word, key: foldText(word), sep: i > s ? ' ' : '' });
  }
  return toks;
}

/** LCS alignment: for each token of `a`, the index of its matched token in `b` or -1. */
function align(a: Tok[], b: Tok[]): Int32Array {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] =
        a[i]!.key === b[j]!.key
          ? dp[(i + 1) * w + j + 1]! + 1
          : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const map = new Int32Array(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.key === b[j]!.key) {
      map[i] = j;
      i++;
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
    else j++;
  }
  return map;
}

function wordSet(toks: Tok[]): Set<string> {
  return new Set(toks.map((t) => t.key));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / Math.max(1, a.size + b.size - inter);
}

function render(toks: Tok[]): string {
  return toks
    .map((t, i) => (i < toks.length - 1 ? t.text + t.sep : t.text))
    .join('')
    .trim();
}

const NAME_CUES = new Set(['suis', 'appelle', 'moi', "m'appelle", 'c', 'est', 'am', 'name', 'is', "i'm"]);
const PRICE_CUES = new Set(['€', 'eur', 'euro', 'euros', 'roses', 'rose', '$', '£']);

function labelSlot(
  values: string[],
  prev: Tok | undefined,
  next: Tok | undefined,
  docs: TemplateDoc[],
): SlotLabel {
  const vals = values.filter((v) => v.length > 0);
  if (vals.length === 0) return 'text';
  const folded = vals.map(foldText);
  const allNumeric = folded.every((v) => /^[0-9][0-9 .,]*$/.test(v));
  const digitCount = (v: string) => {
    let d = 0;
    for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) d++;
    return d;
  };
  if (folded.some((v) => v.includes('@'))) return 'contact';
  if (folded.every((v) => digitCount(v) >= 8)) return 'phone';
  if (allNumeric && next && (next.key === 'ans' || next.key === 'years' || next.key === 'yo')) return 'age';
  if (
    (next && PRICE_CUES.has(next.key)) ||
    (prev && PRICE_CUES.has(prev.key)) ||
    folded.every((v) => /[0-9]/.test(v) && /(€|eur|roses?)/.test(v))
  )
    return 'price';
  const hintSet = (k: 'names' | 'cities') => new Set(docs.flatMap((d) => d.hints?.[k] ?? []).map(foldText));
  const cities = hintSet('cities');
  const names = hintSet('names');
  const share = (set: Set<string>) => folded.filter((v) => set.has(v)).length / folded.length;
  if (cities.size > 0 && share(cities) >= 0.5) return 'city';
  if (names.size > 0 && share(names) >= 0.5) return 'name';
  if (allNumeric) return 'number';
  const capitalised = vals.every((v) => /^\p{Lu}[\p{L}'’-]*(?:[ -]\p{Lu}[\p{L}'’-]*){0,3}$/u.test(v));
  if (capitalised && prev && NAME_CUES.has(prev.key)) return 'name';
  if (capitalised && prev && ['a', 'sur', 'in', 'at', 'de', 'vers'].includes(prev.key)) return 'city';
  return 'text';
}

/** Derive the template and slots of near-duplicate texts. Needs at least one text. */
export function deriveTemplate(input: TemplateDoc[]): Template {
  if (input.length === 0) throw new RangeError('deriveTemplate needs at least one text');
  const docs = input.slice(0, MAX_DOCS);
  const toks = docs.map((d) => tokenize(d.text));
  const sets = toks.map(wordSet);
  let medoid = 0;
  let best = -1;
  for (let i = 0; i < docs.length; i++) {
    let s = 0;
    for (let j = 0; j < docs.length; j++) if (i !== j) s += overlap(sets[i]!, sets[j]!);
    if (s > best) {
      best = s;
      medoid = i;
    }
  }
  const med = toks[medoid]!;
  const maps = toks.map((t, d) => (d === medoid ? Int32Array.from(med.keys()) : align(med, t)));
  const kept = med.map((_, i) => {
    let c = 0;
    for (const m of maps) if (m[i]! >= 0) c++;
    return c >= Math.max(Math.min(2, docs.length), Math.ceil(docs.length * KEEP_SHARE));
  });

  // Gaps: between consecutive kept medoid tokens (plus before the first and after the last).
  const keptIdx = med.map((_, i) => i).filter((i) => kept[i]);
  const parts: string[] = [];
  const slots: TemplateSlot[] = [];
  const used = new Map<string, number>();
  const gapValues = (p: number, q: number): string[] => {
    const vals: string[] = [];
    toks.forEach((t, d) => {
      const m = maps[d]!;
      const from = p < 0 ? -1 : m[p]!;
      const to = q >= med.length ? t.length : m[q]!;
      if ((p >= 0 && from < 0) || (q < med.length && to < 0)) return;
      vals.push(render(t.slice(from + 1, to)));
    });
    return vals;
  };
  const bounds = [-1, ...keptIdx, med.length];
  for (let g = 0; g < bounds.length - 1; g++) {
    const p = bounds[g]!;
    const q = bounds[g + 1]!;
    if (p >= 0) parts.push(med[p]!.text + (q === p + 1 ? med[p]!.sep : ' '));
    const vals = gapValues(p, q);
    const nonEmpty = vals.filter((v) => v.length > 0);
    const medoidHasGap = q > p + 1;
    if (nonEmpty.length === 0 || (!medoidHasGap && nonEmpty.length * 3 < docs.length)) continue;
    if (new Set(vals).size === 1 && !medoidHasGap) continue;
    const label = labelSlot(vals, p >= 0 ? med[p] : undefined, q < med.length ? med[q] : undefined, docs);
    const n = (used.get(label) ?? 0) + 1;
    used.set(label, n);
    const key = n === 1 ? label : `${label}${n}`;
    const counts = new Map<string, number>();
    for (const v of nonEmpty) counts.set(v, (counts.get(v) ?? 0) + 1);
    const values = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 12)
      .map(([value, count]) => ({ value, count }));
    slots.push({ key, label, values });
    parts.push(`{${key}}${q < med.length ? (med[q - 1]?.sep ?? ' ') : ''}`);
  }
  return {
    template: parts.join('').replace(/\s+/g, ' ').trim(),
    slots,
    support: docs.length,
    medoidId: docs[medoid]!.id,
    sharedRatio: med.length === 0 ? 0 : keptIdx.length / med.length,
  };
}
