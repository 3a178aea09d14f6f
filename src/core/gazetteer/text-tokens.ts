/**
 * A linear, allocation-light tokenizer shared by the place, age, price, name and indicator extractors.
 *
 * Each token carries its accent- and case-folded text and the [start, end) offsets of the original
 * string, so matches found on folded text map back to the exact original substring (spans).
 * Letters and digits form separate tokens ("19ans" → "19", "ans"; "lyon3e" → "lyon", "3", "e");
 * hyphens and apostrophes separate tokens without being tokens; other punctuation and symbols
 * (emoji, €, +, /) are tokens of their own so that phrases never match across them by accident; a run of
 * one repeated sign is a single token.
 */

/** Token kinds: word (letters), number (digits), punctuation, other symbol (emoji, currency, +). */
export type TokenKind = 'w' | 'n' | 'p' | 's';

/** What separated a token from the previous one. */
export type TokenSep = 'none' | 'space' | 'joiner' | 'newline';

export interface Token {
  /** Folded text: lower case, no diacritics (œ → oe). Digits are ASCII. */
  t: string;
  k: TokenKind;
  /** Offsets in the original string (UTF-16 code units), half-open. */
  s: number;
  e: number;
  sep: TokenSep;
  /** The original first character is an upper-case letter. */
  cap: boolean;
}

const FOLD = new Map<number, string>();
const SPECIAL: Record<string, string> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  ı: 'i',
};

function computeFold(ch: string): string {
  const sp = SPECIAL[ch];
  if (sp !== undefined) return sp;
  return ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const SPACE_RE = /\s/u;
const PUNCT = new Set('.,;:!?()[]{}"«»…/\\|<>=_~^*#&%@¡¿·•'.split(''));
const JOINERS = new Set(["'", '’', 'ʼ', '`', '´', '-', '‐', '‑', '‒', '–']);
/** Invisible code points dropped entirely: zero-width, variation selectors, skin tones handled below. */
function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    cp === 0xad ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    cp === 0x20e3
  );
}

type CharClass = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 letter, 1 digit, 2 space, 3 newline, 4 joiner, 5 punct, 6 symbol
const CLASS_CACHE = new Map<number, CharClass>();
const DIGIT_CACHE = new Map<number, string>();

function classify(cp: number, ch: string): CharClass {
  if (cp >= 0x61 && cp <= 0x7a) return 0;
  if (cp >= 0x41 && cp <= 0x5a) return 0;
  if (cp >= 0x30 && cp <= 0x39) return 1;
  if (cp === 0x20) return 2;
  if (cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) return 3;
  const cached = CLASS_CACHE.get(cp);
  if (cached !== undefined) return cached;
  let c: CharClass;
  if (JOINERS.has(ch)) c = 4;
  else if (PUNCT.has(ch)) c = 5;
  else if (SPACE_RE.test(ch)) c = 2;
  else if (LETTER_RE.test(ch) || MARK_RE.test(ch)) c = 0;
  else {
    const k = ch.normalize('NFKC');
    if (k.length === 1 && k >= '0' && k <= '9') {
      DIGIT_CACHE.set(cp, k);
      c = 1;
    } else c = 6;
  }
  if (CLASS_CACHE.size < 50_000) CLASS_CACHE.set(cp, c);
  return c;
}

function foldChar(cp: number, ch: string): string {
  if (cp >= 0x61 && cp <= 0x7a) return ch;
  if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
  let f = FOLD.get(cp);
  if (f === undefined) {
    f = computeFold(ch);
    if (FOLD.size < 50_000) FOLD.set(cp, f);
  }
  return f;
}

/** Tokenizes `text` in one pass. Linear in the length of the input. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let sep: TokenSep = 'space';
  let cur = '';
  let curKind: 0 | 1 | -1 = -1;
  let curStart = 0;
  let curEnd = 0;
  let curCap = false;
  let curSep: TokenSep = 'space';
  // Runs of plain ASCII letters or digits are sliced and lower-cased natively at the end; the per-char
  // folding path only starts at the first non-ASCII character of a run.
  let ascii = true;
  const flush = () => {
    if (curKind >= 0) {
      const t = ascii
        ? curKind === 1
          ? text.slice(curStart, curEnd)
          : text.slice(curStart, curEnd).toLowerCase()
        : cur;
      if (t.length > 0) {
        out.push({ t, k: curKind === 0 ? 'w' : 'n', s: curStart, e: curEnd, sep: curSep, cap: curCap });
        sep = 'none';
      }
    }
    cur = '';
    ascii = true;
    curKind = -1;
  };
  while (i < n) {
    let cp = text.charCodeAt(i);
    let len = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        len = 2;
      }
    }
    if (cp < 0x80 && curKind >= 0) {
      // Fast path: ASCII letter or digit continuing a run of the same kind.
      const isLetter = (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
      const isDigit = cp >= 0x30 && cp <= 0x39;
      if ((isLetter && curKind === 0) || (isDigit && curKind === 1)) {
        if (!ascii) cur += isLetter ? String.fromCharCode(cp | 0x20) : text[i]!;
        curEnd = i + 1;
        i++;
        continue;
      }
    }
    const ch = len === 1 ? text[i]! : text.slice(i, i + 2);
    if (isInvisible(cp)) {
      if (curKind >= 0 && ascii) {
        // The run's text is no longer a plain slice of the input.
        cur = text.slice(curStart, i).toLowerCase();
        ascii = false;
      }
      i += len;
      continue;
    }
    const cls = classify(cp, ch);
    if (cls === 0 || cls === 1) {
      const kind = cls === 0 ? 0 : 1;
      if (cls === 0 && cp >= 0x300 && MARK_RE.test(ch) && curKind === 0) {
        // A combining mark continues the current word and folds to nothing.
        if (ascii) {
          cur = text.slice(curStart, i).toLowerCase();
          ascii = false;
        }
        curEnd = i + len;
        i += len;
        continue;
      }
      if (curKind !== kind) {
        flush();
        curKind = kind;
        curStart = i;
        curSep = sep;
        curCap = cls === 0 && ch !== ch.toLowerCase();
      }
      if (cp >= 0x80) {
        if (ascii) {
          cur = text.slice(curStart, i).toLowerCase();
          ascii = false;
        }
        cur += cls === 1 ? (DIGIT_CACHE.get(cp) ?? ch) : foldChar(cp, ch);
      } else if (!ascii) cur += cls === 1 ? ch : foldChar(cp, ch);
      curEnd = i + len;
    } else {
      flush();
      if (cls === 2) {
        if (sep !== 'newline') sep = 'space';
      } else if (cls === 3) sep = 'newline';
      else if (cls === 4 && !(sep !== 'none' && ch !== "'" && ch !== '’')) {
        if (sep === 'none') sep = 'joiner';
      } else if (cls === 4) {
        // A dash after a space ("Tours - jolie") separates like punctuation.
        out.push({ t: '-', k: 'p', s: i, e: i + len, sep, cap: false });
        sep = 'none';
      } else {
        const t = cls === 5 ? ch : foldChar(cp, ch);
        const last = out[out.length - 1];
        if (
          sep === 'none' &&
          last !== undefined &&
          last.e === i &&
          last.t === t &&
          last.k !== 'w' &&
          last.k !== 'n'
        ) {
          // A run of one repeated sign ("!!!!", "((((", "💋💋💋") is one token spanning the run: it means
          // no more than one, and a flood of them must not cost a token each.
          last.e = i + len;
        } else {
          out.push({ t, k: cls === 5 ? 'p' : 's', s: i, e: i + len, sep, cap: false });
        }
        sep = 'none';
      }
    }
    i += len;
  }
  flush();
  return out;
}

/** Folds a short string for lookups: lower case, no diacritics, joiners and punctuation as single spaces. */
export function foldKey(text: string): string {
  const toks = tokenize(text);
  let out = '';
  for (const t of toks) {
    if (t.k === 'p') continue;
    out += out.length === 0 ? t.t : ' ' + t.t;
  }
  return out;
}

/** The tokens of one text field of an ad, tokenized once and shared by every extractor. */
export interface FieldTokens {
  field: 'title' | 'body' | 'city';
  text: string;
  tokens: Token[];
}

/** Tokenizes the free-text fields of an ad (title, body). */
export function tokenizeFields(content: { title?: string; body: string }): FieldTokens[] {
  const out: FieldTokens[] = [];
  if (content.title) out.push({ field: 'title', text: content.title, tokens: tokenize(content.title) });
  out.push({ field: 'body', text: content.body ?? '', tokens: tokenize(content.body ?? '') });
  return out;
}
