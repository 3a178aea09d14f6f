/**
 * Phone extraction that survives obfuscation: spelled numbers (FR/EN/ES), look-alike letters, digits
 * boxed or separated by symbols/emoji/words, split lines, keycap/fullwidth digits, country codes.
 *
 * Pipeline per field: normalise (offset map) → lex → chains of number items → candidate readings at item
 * boundaries → validation (French structure, libphonenumber for foreign numbers) → dedupe by E.164.
 */
import type { AdContent, E164, PhoneEntity, PhoneStyle, Span } from '../types.ts';
import { type Chain, type NumItem, createChainBuilder } from './contact-chains.ts';
import { type FieldText, SpanSet, normalizedCached, textFields, toSpan } from './contact-fields.ts';
import { lexInto } from './contact-lexemes.ts';
import type { Budget, ValidPhone } from './contact-phone-validate.ts';
import { matchAt, reading } from './contact-reading.ts';

/** One reading of a phone number in a field (before dedupe). */
export interface PhoneMatch {
  phone: ValidPhone;
  style: PhoneStyle;
  span: Span;
}

/** Where readings go, in reading order: a list, or straight into the merge. */
interface MatchSink {
  add(phone: ValidPhone, span: Span, style: PhoneStyle): void;
}

/** Readings in order, as parallel lists (no object per reading: floods find ~70 000). */
class MatchList implements MatchSink {
  readonly phones: ValidPhone[] = [];
  readonly spans: Span[] = [];
  readonly styles: PhoneStyle[] = [];

  add(phone: ValidPhone, span: Span, style: PhoneStyle): void {
    this.phones.push(phone);
    this.spans.push(span);
    this.styles.push(style);
  }

  /** Send reading i to `sink`. */
  send(i: number, sink: MatchSink): void {
    sink.add(this.phones[i]!, this.spans[i]!, this.styles[i]!);
  }

  toMatches(): PhoneMatch[] {
    return this.spans.map((span, i) => ({ phone: this.phones[i]!, span, style: this.styles[i]! }));
  }
}

/** Find phone numbers in one field. */
export function findPhonesInField(f: FieldText, budget: Budget, structured = false): PhoneMatch[] {
  const list = new MatchList();
  findPhonesInto(f, budget, structured, list);
  return list.toMatches();
}

/** Send the phone numbers of one field to `sink`, in order (as {@link findPhonesInField} lists them). */
function findPhonesInto(f: FieldText, budget: Budget, structured: boolean, sink: MatchSink): void {
  // "quarante quatre vingt …" is 44, 20 or 40, 8x: when the text has that shape, read it the other way too
  // and keep what the first reading did not cover.
  if (!AMBIGUOUS_80.test(f.norm.text)) {
    readField(f, budget, structured, true, sink);
    return;
  }
  const first = new MatchList();
  readField(f, budget, structured, true, first);
  const second = new MatchList();
  readField(f, budget, structured, false, second);
  if (!startsInOrder(first.spans) || !startsInOrder(second.spans)) {
    for (const m of resolveByScans(first.toMatches(), second.toMatches())) sink.add(m.phone, m.span, m.style);
    return;
  }
  resolveAmbiguous80(first, second, sink);
}

/**
 * Keep the readings of the second way that account for more of the text than those they overlap: each
 * reading of `other`, in order, replaces the readings it overlaps when all are shorter; the result (the
 * survivors of `out`, then those of `other`) goes to `sink`. Both lists are in text order, so one sweep
 * keeps only the readings that can still overlap (linear; the list scans it replaces, kept below for lists
 * out of order, were quadratic on long texts with one "quarante quatre vingt").
 */
function resolveAmbiguous80(out: MatchList, other: MatchList, sink: MatchSink): void {
  const outSpans = out.spans;
  const otherSpans = other.spans;
  const alive = outSpans.map(() => true);
  // Readings of `other` that replaced others (indices), and whether each is still kept.
  const appended: number[] = [];
  const appendedAlive: boolean[] = [];
  // Readings that may overlap the current one, `active[0, nActive)`: index into `out`, or -1 - index into
  // `appended`; `overlap[0, nOverlap)` those overlapping it (arrays reused, nothing allocated per reading).
  const active: number[] = [];
  let nActive = 0;
  const overlap: number[] = [];
  let next = 0;
  for (let mi = 0; mi < otherSpans.length; mi++) {
    const { start, end } = otherSpans[mi]!;
    while (next < outSpans.length && outSpans[next]!.start < end) active[nActive++] = next++;
    // Drop what ends before this reading (later readings start no earlier) or was replaced.
    let kept = 0;
    let nOverlap = 0;
    let wins = true;
    const len = end - start;
    for (let x = 0; x < nActive; x++) {
      const ref = active[x]!;
      const o = ref >= 0 ? outSpans[ref]! : otherSpans[appended[-1 - ref]!]!;
      if (!(ref >= 0 ? alive[ref] : appendedAlive[-1 - ref]) || o.end <= start) continue;
      active[kept++] = ref;
      if (o.start < end) {
        overlap[nOverlap++] = ref;
        // The reading that accounts for more of the text wins ("zéro zéro quarante quatre vingt …").
        if (o.end - o.start >= len) wins = false;
      }
    }
    nActive = kept;
    if (!wins) continue;
    for (let x = 0; x < nOverlap; x++) {
      const ref = overlap[x]!;
      if (ref >= 0) alive[ref] = false;
      else appendedAlive[-1 - ref] = false;
    }
    active[nActive++] = -1 - appended.length;
    appended.push(mi);
    appendedAlive.push(true);
  }
  for (let i = 0; i < outSpans.length; i++) if (alive[i]) out.send(i, sink);
  for (let j = 0; j < appended.length; j++) if (appendedAlive[j]) other.send(appended[j]!, sink);
}

function startsInOrder(spans: Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i]!.start < spans[i - 1]!.start) return false;
  return true;
}

/** {@link resolveAmbiguous80} by plain list scans (readings out of text order: not seen, kept for safety). */
function resolveByScans(out: PhoneMatch[], other: PhoneMatch[]): PhoneMatch[] {
  let merged = out;
  for (const m of other) {
    const overlap = merged.filter((o) => o.span.start < m.span.end && m.span.start < o.span.end);
    const len = m.span.end - m.span.start;
    if (overlap.every((o) => o.span.end - o.span.start < len)) {
      merged = merged.filter((o) => !overlap.includes(o));
      merged.push(m);
    }
  }
  return merged;
}

const AMBIGUOUS_80 = /(?:vingt|trente|quarante|cinquante|soixante)[ \t\n]{1,3}quatre[ \t\n-]{1,3}vingt/i;

function readField(
  f: FieldText,
  budget: Budget,
  structured: boolean,
  eightyFirst: boolean,
  sink: MatchSink,
): void {
  const builder = createChainBuilder((chain) => readChain(chain, f, budget, structured, sink), eightyFirst);
  lexInto(f.norm.text, builder);
  builder.end();
}

/** Read the phone numbers of one chain, left to right, into `sink`. */
function readChain(chain: Chain, f: FieldText, budget: Budget, structured: boolean, sink: MatchSink): void {
  const items = chain.items;
  let k = 0;
  while (k < items.length) {
    if (items[k]!.blocked || !matchAt(chain, k, budget, structured)) {
      k++;
      continue;
    }
    const { next, intl } = reading;
    const first = items[k]!;
    const last = items[next - 1]!;
    const from = intl && first.plusAt >= 0 ? first.plusAt : first.start;
    const span = toSpan(f, from, last.end);
    sink.add(reading.phone!, span, structured ? 'structured_field' : styleOf(f, items, k, next, intl));
    k = next;
  }
}

const EMOJI_DIGIT = 1;
const WIDE_DIGIT = 2;
const INVISIBLE = 4;

/**
 * Which kinds of characters (EMOJI_DIGIT | WIDE_DIGIT | INVISIBLE bits) occur in `s[a, b)`, read by code
 * point as if the range were cut out (a high surrogate at b - 1 stays alone); no slice.
 */
function charKindsIn(s: string, a: number, b: number): number {
  let kinds = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    // Every kind is at U+00AD or above.
    if (c < 0xad) continue;
    const cp = i + 1 < b ? s.codePointAt(i)! : c;
    if (isEmojiDigit(cp)) kinds |= EMOJI_DIGIT;
    if (isWideDigit(cp)) kinds |= WIDE_DIGIT;
    if (isInvisible(cp)) kinds |= INVISIBLE;
    if (cp > 0xffff) i++;
  }
  return kinds;
}

const isEmojiDigit = (cp: number): boolean =>
  cp === 0x20e3 ||
  cp === 0x1f51f ||
  (cp >= 0x2776 && cp <= 0x2793) ||
  (cp >= 0x24f5 && cp <= 0x24ff) ||
  cp === 0x24ea;
const isWideDigit = (cp: number): boolean =>
  (cp >= 0xff10 && cp <= 0xff19) ||
  (cp >= 0x1d7ce && cp <= 0x1d7ff) ||
  (cp >= 0x2070 && cp <= 0x2089) ||
  (cp >= 0x2460 && cp <= 0x249b) ||
  cp === 0xb2 ||
  cp === 0xb3 ||
  cp === 0xb9 ||
  (cp >= 0x1fbf0 && cp <= 0x1fbf9);
const isInvisible = (cp: number): boolean =>
  (cp >= 0x200b && cp <= 0x200f) ||
  cp === 0x2060 ||
  cp === 0xfeff ||
  cp === 0xad ||
  (cp >= 0x300 && cp <= 0x36f);

/** Describe how a number was written, from the items used (`all[from, to)`) and the original text. */
function styleOf(f: FieldText, all: NumItem[], from: number, to: number, intl: boolean): PhoneStyle {
  const a = f.norm.map[all[from]!.start]!;
  const lastEnd = all[to - 1]!.end;
  const b = lastEnd < f.norm.text.length ? f.norm.map[lastEnd]! : f.original.length;
  const kinds = charKindsIn(f.original, a, b);
  if ((kinds & EMOJI_DIGIT) !== 0) return 'emoji_digits';
  if ((kinds & WIDE_DIGIT) !== 0) return 'fullwidth_or_math';
  let words = false;
  let digits = false;
  let look = false;
  let fr = 0;
  let en = 0;
  let es = 0;
  for (let i = from; i < to; i++) {
    const it = all[i]!;
    if (it.src === 'words') {
      words = true;
      for (const l of it.langs) {
        if (l === 'fr') fr++;
        else if (l === 'en') en++;
        else if (l === 'es') es++;
      }
    } else if (it.src === 'look') look = true;
    else digits = true;
  }
  if (words && (digits || look)) return 'mixed_words_digits';
  if (words) {
    if (en > fr && en >= es) return 'spelled_en';
    if (es > fr && es > en) return 'spelled_es';
    return 'spelled_fr';
  }
  if (look) return 'lookalike_letters';
  let newline = false;
  let filler = false;
  let oddSep = false;
  let singles = 0;
  for (let i = from; i < to; i++) {
    const it = all[i]!;
    if (it.digits.length === 1) singles++;
    if (i === from) continue;
    if (it.newlinesBefore > 0) newline = true;
    if (it.fillerBefore) filler = true;
    const sep = it.sep;
    for (let x = 0; x < sep.length; x++) {
      const ch = sep.charCodeAt(x);
      // Anything but '.', '-', '(' and ')'.
      if (ch !== 46 && ch !== 45 && ch !== 40 && ch !== 41) oddSep = true;
    }
  }
  if (newline) return 'split_lines';
  if (filler) return 'other_obfuscation';
  if (oddSep) return 'separated_symbols';
  if (singles >= 6 && to - from >= 8) return 'separated_symbols';
  if ((kinds & INVISIBLE) !== 0) return 'other_obfuscation';
  if (intl) return 'international';
  if (to - from > 1) return 'spaced';
  return 'plain';
}

const NOT_OBFUSCATED = new Set<PhoneStyle>(['plain', 'spaced', 'international', 'structured_field']);

/**
 * Extract phone numbers from an ad's title, body and structured `phone` field, deduplicated by E.164
 * with all spans merged. Never throws; linear in the text length.
 */
export function extractPhones(content: AdContent): PhoneEntity[] {
  // The handle extractor asks again for the same ad (WhatsApp numbers): remember the last answer.
  if (
    last !== null &&
    last.title === content.title &&
    last.body === content.body &&
    last.phone === content.phone
  ) {
    return last.result.slice();
  }
  const result = computePhones(content);
  last = { title: content.title, body: content.body, phone: content.phone, result };
  return result.slice();
}

let last: { title?: string; body: string; phone?: string; result: PhoneEntity[] } | null = null;

function computePhones(content: AdContent): PhoneEntity[] {
  const budget: Budget = { left: 64 + ((content.body?.length ?? 0) >> 6) };
  // Readings are merged as they are found: no match object or list per reading (floods find ~70 000).
  const merger = new PhoneMerger();
  for (const f of textFields(content)) findPhonesInto(f, budget, false, merger);
  if (content.phone) {
    const f: FieldText = { field: 'phone', original: content.phone, norm: normalizedCached(content.phone) };
    findPhonesInto(f, budget, true, merger);
  }
  return merger.result();
}

/** Dedupe by E.164, merging spans; the most obscured way of writing wins the style. */
export function mergePhones(matches: PhoneMatch[]): PhoneEntity[] {
  const merger = new PhoneMerger();
  for (const m of matches) merger.add(m.phone, m.span, m.style);
  return merger.result();
}

/** The merge of {@link mergePhones}, fed one reading at a time. */
class PhoneMerger implements MatchSink {
  private readonly byNumber = new Map<string, PhoneEntity>();
  private readonly seen = new SpanSet();

  add(phone: ValidPhone, span: Span, style: PhoneStyle): void {
    if (!this.seen.add(phone.e164, span)) return;
    const prev = this.byNumber.get(phone.e164);
    if (prev === undefined) {
      this.byNumber.set(phone.e164, {
        e164: phone.e164 as E164,
        country: phone.country,
        type: phone.type,
        obfuscated: !NOT_OBFUSCATED.has(style),
        style,
        spans: [span],
      });
      return;
    }
    prev.spans.push(span);
    if (!prev.obfuscated && !NOT_OBFUSCATED.has(style)) {
      prev.obfuscated = true;
      prev.style = style;
    } else if (prev.style === 'structured_field' && style !== 'structured_field') prev.style = style;
  }

  result(): PhoneEntity[] {
    return [...this.byNumber.values()];
  }
}
