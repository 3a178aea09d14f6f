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
  if (cp < MARK_CACHE_SIZE) {
    // Remember the regex's answer per code point: emoji floods asked it millions of times.
    let v = markCache[cp]!;
    if (v === 0) {
      v = MARK.test(String.fromCodePoint(cp)) ? 2 : 1;
      markCache[cp] = v;
    }
    return v === 2;
  }
  return MARK.test(String.fromCodePoint(cp));
}

/** 0 = not asked yet, 1 = not a mark, 2 = a mark; covers the BMP and the emoji planes. */
const MARK_CACHE_SIZE = 0x20000;
const markCache = new Uint8Array(MARK_CACHE_SIZE);

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
  // Digit look-alikes: "О6 З9" (Cyrillic O and Ze).
  З: '3',
  з: '3',
  б: '6',
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
  const n = s.length;
  const parts: string[] = [];
  let map = new Int32Array(n + 1);
  let len = 0;
  let cyrGreek = false;
  const emit = (str: string, origin: number): void => {
    if (len + str.length >= map.length) {
      const bigger = new Int32Array(Math.max(map.length * 2, len + str.length + 1));
      bigger.set(map.subarray(0, len));
      map = bigger;
    }
    parts.push(str);
    for (let k = 0; k < str.length; k++) map[len++] = origin;
  };
  let i = 0;
  while (i < n) {
    // Copy a run of plain ASCII (not followed by a combining mark) in one slice.
    const runStart = i;
    while (i < n) {
      const code = s.charCodeAt(i);
      if (code >= 0x80) break;
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (next >= 0x300 && isMark(s.codePointAt(i + 1)!)) break;
      i++;
    }
    if (i > runStart) {
      const run = s.slice(runStart, i);
      if (len + run.length >= map.length) {
        const bigger = new Int32Array(Math.max(map.length * 2, len + run.length + 1));
        bigger.set(map.subarray(0, len));
        map = bigger;
      }
      parts.push(lower ? run.toLowerCase() : run);
      for (let k = runStart; k < i; k++) map[len++] = k;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const start = i;
    i += w;
    if (isInvisible(cp) || isMark(cp)) continue;
    // The base plus its following marks is one cluster: NFKC composes é, keycap marks are dropped after.
    let clusterEnd = i;
    while (clusterEnd < n) {
      const m = s.codePointAt(clusterEnd)!;
      if (!(isMark(m) || isInvisible(m))) break;
      clusterEnd += m > 0xffff ? 2 : 1;
    }
    // A lone code point (most emoji) is looked up by number: no slice, no string hashing.
    const norm =
      clusterEnd === i
        ? normalizeSingle(s, start, cp, w, lower)
        : normalizeCluster(s.slice(start, clusterEnd), cp, w, lower);
    if (norm.length > 0) {
      if (!cyrGreek) {
        const c0 = norm.charCodeAt(0);
        if ((c0 >= 0x370 && c0 <= 0x52f) || c0 === 0x261) cyrGreek = true;
      }
      emit(norm, start);
    }
    i = clusterEnd;
  }
  let text = parts.join('');
  if (cyrGreek) {
    // UTF-16 units: replacements are one unit each, so the map stays valid.
    const chars = text.split('');
    fixHomoglyphs(chars);
    text = chars.join('');
  }
  if (len + 1 > map.length) {
    const bigger = new Int32Array(len + 1);
    bigger.set(map.subarray(0, len));
    map = bigger;
  }
  map[len] = n;
  return { text, map: len + 1 === map.length ? map : map.slice(0, len + 1) };
}

const clusterCache = new Map<string, string>();
const singleCache = new Map<number, string>();
const singleCacheLower = new Map<number, string>();

/** {@link normalizeCluster} for a cluster of one code point, memoised by code point. */
function normalizeSingle(s: string, start: number, cp: number, w: number, lower: boolean): string {
  const cache = lower ? singleCacheLower : singleCache;
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const norm = normalizeCluster(s.slice(start, start + w), cp, w, lower);
  if (cache.size > 4096) cache.clear();
  cache.set(cp, norm);
  return norm;
}

/** Small capitals, used to slip words like "ꜱɴᴀᴘ" past filters; NFKC leaves them alone. */
const SMALL_CAPS: Record<string, string> = {
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
};

/** NFKC of one cluster with marks and invisible characters removed; memoised (emoji repeat a lot). */
function normalizeCluster(cluster: string, cp: number, w: number, lower: boolean): string {
  const key = lower ? `L${cluster}` : cluster;
  const hit = clusterCache.get(key);
  if (hit !== undefined) return hit;
  let norm: string;
  const extra = extraDigits(cp);
  if (extra !== null) norm = extra;
  else {
    let c = cluster;
    if (cluster.length > w) {
      c = '';
      for (const ch of cluster) if (!isInvisible(ch.codePointAt(0)!)) c += ch;
    }
    c = c.normalize('NFKC');
    const small = SMALL_CAPS[c];
    if (small !== undefined) c = small;
    if (lower) c = c.toLowerCase();
    norm = '';
    for (const ch of c) {
      const x = ch.codePointAt(0)!;
      if (!(isMark(x) || isInvisible(x))) norm += ch;
    }
  }
  if (clusterCache.size > 4096) clusterCache.clear();
  clusterCache.set(key, norm);
  return norm;
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
