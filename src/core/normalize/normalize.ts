/**
 * Text normalisation for extraction, with a map back to original offsets.
 *
 * Ads hide contacts behind Unicode tricks: fullwidth or mathematical digits, keycap emoji, zero-width
 * characters, combining marks, Cyrillic/Greek letters that look Latin. `normalizeText` undoes these in one
 * linear pass and records, for every output UTF-16 unit, the offset of the original unit it came from, so an
 * extracted span can be highlighted in the text the analyst sees.
 */

/** Result of {@link normalizeText}: `map[i]` is the original offset of `text[i]`; `map[text.length]` = `s.length`. */
export interface NormalizedText {
  text: string;
  map: Int32Array;
}

export interface NormalizeOptions {
  /** Lower-case the output (default false). */
  lowercase?: boolean;
}

/** Invisible characters used to split words or numbers without changing what the reader sees. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

const MARK = /\p{M}/u;

/** Combining marks (accents, keycap enclosures, strike-throughs) that attach to the preceding base. */
function isMark(cp: number): boolean {
  if (cp < 0x0300) return false;
  if (cp <= 0x036f) return true;
  if (cp === 0x20e3 || (cp >= 0x20d0 && cp <= 0x20ff)) return true;
  return MARK.test(String.fromCodePoint(cp));
}

/** Digit-like symbols that NFKC leaves alone (dingbat and negative circled digits), and 🔟. */
function extraDigits(cp: number): string | null {
  if (cp >= 0x2776 && cp <= 0x277f) return cp === 0x277f ? '10' : String(cp - 0x2776 + 1);
  if (cp >= 0x2780 && cp <= 0x2789) return cp === 0x2789 ? '10' : String(cp - 0x2780 + 1);
  if (cp >= 0x278a && cp <= 0x2793) return cp === 0x2793 ? '10' : String(cp - 0x278a + 1);
  if (cp >= 0x24f5 && cp <= 0x24fe) return cp === 0x24fe ? '10' : String(cp - 0x24f5 + 1);
  if (cp === 0x24ff || cp === 0x24ea) return '0';
  if (cp === 0x1f51f) return '10';
  if (cp >= 0x1f100 && cp <= 0x1f10a) return String(cp === 0x1f100 ? 0 : cp - 0x1f101);
  if (cp >= 0x1f10b && cp <= 0x1f10c) return '0';
  return null;
}

/** Cyrillic and Greek letters that render like Latin letters. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

function isLatinLetter(c: string): boolean {
  const cp = c.charCodeAt(0);
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);
}

function isCyrGreek(c: string): boolean {
  const cp = c.charCodeAt(0);
  return (cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x400 && cp <= 0x52f) || cp === 0x261;
}

/**
 * Replace Cyrillic/Greek look-alikes by Latin letters, but only inside words that mix scripts or whose
 * Cyrillic/Greek letters are all look-alikes: genuine Russian or Greek words stay intact.
 */
function fixHomoglyphs(chars: string[]): void {
  let i = 0;
  const n = chars.length;
  while (i < n) {
    const c = chars[i]!;
    if (!(isLatinLetter(c) || isCyrGreek(c))) {
      i++;
      continue;
    }
    let j = i;
    let latin = 0;
    let foreign = 0;
    let mappable = 0;
    while (j < n) {
      const d = chars[j]!;
      if (isLatinLetter(d)) latin++;
      else if (isCyrGreek(d)) {
        foreign++;
        if (HOMOGLYPHS[d] !== undefined) mappable++;
      } else if (!(d >= '0' && d <= '9')) break;
      j++;
    }
    if (foreign > 0 && (latin > 0 || mappable === foreign)) {
      for (let k = i; k < j; k++) {
        const h = HOMOGLYPHS[chars[k]!];
        if (h !== undefined) chars[k] = h;
      }
    }
    i = j;
  }
}

/**
 * Normalise `s` for extraction: NFKC per character cluster (fullwidth/mathematical digits and letters),
 * keycap and circled digits to ASCII digits, invisible characters and combining marks removed, Cyrillic/
 * Greek homoglyphs to Latin. Linear in `s.length`. The returned map has `text.length + 1` entries.
 */
export function normalizeText(s: string, opts: NormalizeOptions = {}): NormalizedText {
  const lower = opts.lowercase === true;
  const out: string[] = [];
  const offs: number[] = [];
  const n = s.length;
  let i = 0;
  let nonAscii = false;
  while (i < n) {
    const code = s.charCodeAt(i);
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if (code < 0x80 && (next < 0x300 || !isMark(s.codePointAt(i + 1)!))) {
      out.push(lower && code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : s[i]!);
      offs.push(i);
      i++;
      continue;
    }
    if (code >= 0x80) nonAscii = true;
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const start = i;
    i += w;
    if (isInvisible(cp) || isMark(cp)) continue;
    const extra = extraDigits(cp);
    // The base plus its following marks is one cluster: NFKC composes é, keycap marks are dropped after.
    let clusterEnd = i;
    while (clusterEnd < n) {
      const m = s.codePointAt(clusterEnd)!;
      if (!(isMark(m) || isInvisible(m))) break;
      clusterEnd += m > 0xffff ? 2 : 1;
    }
    let norm: string;
    if (extra !== null) norm = extra;
    else {
      let cluster = s.slice(start, clusterEnd);
      if (clusterEnd - start > w) {
        let clean = '';
        for (const ch of cluster) if (!isInvisible(ch.codePointAt(0)!)) clean += ch;
        cluster = clean;
      }
      norm = cluster.normalize('NFKC');
      if (lower) norm = norm.toLowerCase();
    }
    for (const ch of norm) {
      const c = ch.codePointAt(0)!;
      if (isMark(c) || isInvisible(c)) continue;
      for (let k = 0; k < ch.length; k++) {
        out.push(ch[k]!);
        offs.push(start);
      }
    }
    i = clusterEnd;
  }
  if (nonAscii) fixHomoglyphs(out);
  const map = new Int32Array(offs.length + 1);
  for (let k = 0; k < offs.length; k++) map[k] = offs[k]!;
  map[offs.length] = n;
  return { text: out.join(''), map };
}

const FOLD_EXTRA: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  '’': "'",
  ʼ: "'",
};
const DIACRITICS = /\p{M}+/gu;
const FOLD_EXTRA_RE = /[œæßøđł’ʼ]/g;

/**
 * Fold text for full-text search and lexicon matching: NFKC, lower-case, diacritics stripped, ligatures
 * expanded, typographic apostrophes made ASCII. Not offset-preserving; use {@link normalizeText} for spans.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(FOLD_EXTRA_RE, (c) => FOLD_EXTRA[c] ?? c);
}
