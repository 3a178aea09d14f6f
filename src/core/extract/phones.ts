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
import {
  type Budget,
  type ValidPhone,
  validateForeignNational,
  validateFr,
  validateInternational,
} from './contact-phone-validate.ts';

/** One reading of a phone number in a field (before dedupe). */
export interface PhoneMatch {
  phone: ValidPhone;
  style: PhoneStyle;
  span: Span;
}

/** Find phone numbers in one field. Exposed for the handle extractor and for tests. */
export function findPhonesInField(f: FieldText, budget: Budget, structured = false): PhoneMatch[] {
  const out = readField(f, budget, structured, true);
  // "quarante quatre vingt …" is 44, 20 or 40, 8x: when the text has that shape, read it the other way too
  // and keep what the first reading did not cover.
  if (!AMBIGUOUS_80.test(f.norm.text)) return out;
  let merged = out;
  for (const m of readField(f, budget, structured, false)) {
    const overlap = merged.filter((o) => o.span.start < m.span.end && m.span.start < o.span.end);
    // The reading that accounts for more of the text wins ("zéro zéro quarante quatre vingt …").
    const len = m.span.end - m.span.start;
    if (overlap.every((o) => o.span.end - o.span.start < len)) {
      merged = merged.filter((o) => !overlap.includes(o));
      merged.push(m);
    }
  }
  return merged;
}

const AMBIGUOUS_80 = /(?:vingt|trente|quarante|cinquante|soixante)[ \t\n]{1,3}quatre[ \t\n-]{1,3}vingt/i;

function readField(f: FieldText, budget: Budget, structured: boolean, eightyFirst: boolean): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  const builder = createChainBuilder((chain) => {
    const items = chain.items;
    let k = 0;
    while (k < items.length) {
      if (items[k]!.blocked) {
        k++;
        continue;
      }
      const m = matchAt(chain, k, budget, structured);
      if (m === null) {
        k++;
        continue;
      }
      const first = items[k]!;
      const last = items[m.next - 1]!;
      const from = m.intl && first.plusAt >= 0 ? first.plusAt : first.start;
      const span = toSpan(f, from, last.end);
      out.push({
        phone: m.phone,
        span,
        style: structured ? 'structured_field' : styleOf(f, items, k, m.next, m.intl),
      });
      k = m.next;
    }
  }, eightyFirst);
  lexInto(f.norm.text, builder);
  builder.end();
  return out;
}

interface Match {
  phone: ValidPhone;
  next: number;
  intl: boolean;
}

/** Try to read a phone number starting at item k of the chain. */
function matchAt(chain: Chain, k: number, budget: Budget, structured: boolean): Match | null {
  const items = chain.items;
  const first = items[k]!;
  // Cheap rejection before any allocation: a reading starts with '+', 0, 33, or 6/7 after a cue.
  const d0 = first.digits.charCodeAt(0);
  if (
    !first.plus &&
    d0 !== 48 &&
    d0 !== 51 &&
    !((d0 === 54 || d0 === 55) && k === 0 && (chain.phoneCue || structured))
  ) {
    return null;
  }
  // Without '+', a reading starting with 3 can only be the country code 33 (at a chain start or after a
  // cue): check the second digit before building anything ("0 6 3 9 0 6 3 9 …" floods stop here).
  if (!first.plus && d0 === 51) {
    if (!(k === 0 || chain.phoneCue)) return null;
    let d1 = first.digits.charCodeAt(1);
    if (first.digits.length === 1) {
      const nx = items[k + 1];
      d1 = nx === undefined || nx.blocked || nx.plus ? -1 : nx.digits.charCodeAt(0);
    }
    if (d1 !== 51) return null;
  }
  // Without '+', "000…" cannot be read: after "00" a calling code never starts with 0, a French number
  // needs a non-zero second digit and a UK national number starts with 07 (emoji floods of "0" stop here).
  if (!first.plus && d0 === 48 && digitAt(items, k, 1) === 48 && digitAt(items, k, 2) === 48) return null;
  // Concatenate up to 17 digits of unblocked items; remember where each item ends.
  let digits = '';
  const ends: number[] = [];
  let j = k;
  while (j < items.length && digits.length < 17 && !items[j]!.blocked) {
    const it = items[j]!;
    if (j > k && it.plus) break;
    digits += it.digits;
    ends.push(digits.length);
    j++;
  }
  let intlDigits: string | null = null;
  let offset = 0;
  if (first.plus) intlDigits = digits;
  else if (digits.startsWith('00') && digits.length >= 10) {
    intlDigits = digits.slice(2);
    offset = 2;
  }
  if (intlDigits !== null) {
    const shifted = ends.filter((e) => e > offset).map((e) => e - offset);
    const r = validateInternational(intlDigits, shifted, budget);
    if (r !== null && weakOkOf(items, k, ends, r.used + offset))
      return { phone: r.phone, next: itemAtOf(k, ends, r.used + offset), intl: true };
    if (first.plus) return null;
  }
  if (digits[0] === '0' && ends.includes(10) && digits[1] !== '0') {
    const v = validateFr(digits.slice(1, 10), budget);
    if (v !== null && weakOkOf(items, k, ends, 10))
      return { phone: v, next: itemAtOf(k, ends, 10), intl: false };
  }
  if (digits[0] === '0' && ends.includes(11) && (first.digits.length === 5 || first.digits.length === 11)) {
    const v = validateForeignNational(digits.slice(0, 11), budget);
    if (v !== null && weakOkOf(items, k, ends, 11))
      return { phone: v, next: itemAtOf(k, ends, 11), intl: false };
  }
  // Country code written without '+': "33 6 39 98 12 34", "33639981234".
  if (digits.startsWith('33') && (k === 0 || chain.phoneCue)) {
    for (const used of [11, 12]) {
      if (!ends.includes(used) || (used === 12 && digits[2] !== '0')) continue;
      const v = validateFr(digits.slice(used - 9, used), budget);
      if (v !== null && weakOkOf(items, k, ends, used))
        return { phone: v, next: itemAtOf(k, ends, used), intl: true };
    }
  }
  // Mobile without trunk 0 ("6 39 98 12 34"), only right after a phone cue and as a whole chain.
  if (
    (chain.phoneCue || structured) &&
    k === 0 &&
    (digits[0] === '6' || digits[0] === '7') &&
    ends.includes(9)
  ) {
    if (itemAtOf(k, ends, 9) === items.length || items[itemAtOf(k, ends, 9)]!.blocked) {
      const v = validateFr(digits.slice(0, 9), budget);
      if (v !== null && weakOkOf(items, k, ends, 9))
        return { phone: v, next: itemAtOf(k, ends, 9), intl: false };
    }
  }
  return null;
}

/** Char code of the p-th digit of the reading that starts at item k (same items as matchAt reads), or -1. */
function digitAt(items: NumItem[], k: number, p: number): number {
  let left = p;
  for (let j = k; j < items.length; j++) {
    const it = items[j]!;
    if (it.blocked || (j > k && it.plus)) return -1;
    if (left < it.digits.length) return it.digits.charCodeAt(left);
    left -= it.digits.length;
  }
  return -1;
}

/** Index after the item where `used` digits end (the digit count must be in `ends`). */
function itemAtOf(k: number, ends: number[], used: number): number {
  return k + ends.indexOf(used) + 1;
}

/** At most half the digits come from weak sources. (Module-level, not a closure per call: hot on hostile text.) */
function weakOkOf(items: NumItem[], k: number, ends: number[], used: number): boolean {
  const to = itemAtOf(k, ends, used);
  let w = 0;
  let total = 0;
  for (let x = k; x < to; x++) {
    total += items[x]!.digits.length;
    if (items[x]!.weak) w += items[x]!.digits.length;
  }
  return w * 2 <= total;
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

/** Describe how a number was written, from the items used and the original text. */
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
  const matches: PhoneMatch[] = [];
  // Appended one by one: a spread of a flood's matches as arguments can overflow the stack.
  for (const f of textFields(content)) for (const m of findPhonesInField(f, budget)) matches.push(m);
  if (content.phone) {
    const f: FieldText = { field: 'phone', original: content.phone, norm: normalizedCached(content.phone) };
    for (const m of findPhonesInField(f, budget, true)) matches.push(m);
  }
  return mergePhones(matches);
}

/** Dedupe by E.164, merging spans; the most obscured way of writing wins the style. */
export function mergePhones(matches: PhoneMatch[]): PhoneEntity[] {
  const byNumber = new Map<string, PhoneEntity>();
  const seen = new SpanSet();
  for (const m of matches) {
    if (!seen.add(m.phone.e164, m.span)) continue;
    const prev = byNumber.get(m.phone.e164);
    if (prev === undefined) {
      byNumber.set(m.phone.e164, {
        e164: m.phone.e164 as E164,
        country: m.phone.country,
        type: m.phone.type,
        obfuscated: !NOT_OBFUSCATED.has(m.style),
        style: m.style,
        spans: [m.span],
      });
      continue;
    }
    prev.spans.push(m.span);
    if (!prev.obfuscated && !NOT_OBFUSCATED.has(m.style)) {
      prev.obfuscated = true;
      prev.style = m.style;
    } else if (prev.style === 'structured_field' && m.style !== 'structured_field') prev.style = m.style;
  }
  return [...byNumber.values()];
}
