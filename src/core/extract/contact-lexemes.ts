/**
 * Linear lexer for phone extraction: splits normalised text into digit runs, number words, look-alike
 * letters in number context, other words, whitespace and symbols. Each lexeme keeps its normalised offsets.
 */
import { type NumWord, numberWord, segmentNumberWords } from './contact-number-words.ts';

export type Lexeme =
  | { k: 'd'; start: number; end: number; digits: string }
  /** Look-alike letters read as digits ("O6" → "06", "l2" → "12"); `weak` when no real digit is glued. */
  | { k: 'lk'; start: number; end: number; digits: string; weak: boolean }
  | { k: 'nw'; start: number; end: number; word: NumWord }
  /** `cap`: starts with an upper-case letter (a name or a city after a postcode). */
  | { k: 'w'; start: number; end: number; lower: string; cap: boolean }
  /** Whitespace; shared objects: `start`/`end` are -1, `newlines` is capped at 4. */
  | { k: 'ws'; start: number; end: number; newlines: number }
  | { k: 's'; start: number; end: number; ch: string };

/** Shared whitespace lexemes by line-break count (0–4); their offsets are not used. */
const WS: Lexeme[] = [0, 1, 2, 3, 4].map((newlines) => ({ k: 'ws', start: -1, end: -1, newlines }));

/** Letters that stand for digits when glued to digits. */
const LOOK: Record<string, string> = {
  o: '0',
  O: '0',
  l: '1',
  L: '1',
  I: '1',
  i: '1',
  '!': '1',
  z: '2',
  Z: '2',
  S: '5',
  s: '5',
  b: '6',
  B: '8',
  g: '9',
  q: '9',
};
/** Letters that stand for digits on their own, between numbers ("6 o 3", "O 6"). */
const LOOK_ALONE: Record<string, string> = { o: '0', O: '0', l: '1', I: '1', i: '1' };
/** Digits used inside misspelled number words ("zer0", "f1ve", "th0usand"). */
const DIGIT_AS_LETTER: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '5': 's' };

const LETTER = /\p{L}/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER.test(t[i]!);
}

/** Where lexemes go: an array, or a streaming consumer such as the chain builder. */
export interface LexemeSink {
  push(l: Lexeme): unknown;
}

/** A '!' inside a look-alike run ("OI990O!!O8"): what precedes is look-alike and a look-alike follows. */
function bangInLook(t: string, runStart: number, j: number): boolean {
  const next = t[j + 1];
  if (next === undefined || (LOOK[next] === undefined && !isDigit(next.charCodeAt(0)))) return false;
  return hasLookLetter(t, runStart, j) || j - runStart <= 1;
}

function hasLookLetter(t: string, a: number, b: number): boolean {
  if (b - a > 16) return false;
  let look = false;
  for (let k = a; k < b; k++) {
    const ch = t[k]!;
    if (isDigit(t.charCodeAt(k))) continue;
    if (LOOK[ch] === undefined) return false;
    look = true;
  }
  return look;
}

/** Lex normalised text in one pass. */
export function lex(t: string): Lexeme[] {
  const out: Lexeme[] = [];
  lexInto(t, out);
  return out;
}

/** Lex normalised text in one pass into `out`. */
export function lexInto(t: string, out: LexemeSink): void {
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (
      c === 32 ||
      c === 9 ||
      c === 10 ||
      c === 13 ||
      c === 0xa0 ||
      c === 0x3000 ||
      (c >= 0x2000 && c <= 0x200a)
    ) {
      let j = i;
      let nl = 0;
      while (j < n) {
        const d = t.charCodeAt(j);
        if (d === 10) nl++;
        else if (
          !(d === 32 || d === 9 || d === 13 || d === 0xa0 || d === 0x3000 || (d >= 0x2000 && d <= 0x200a))
        )
          break;
        j++;
      }
      // Whitespace is half of all lexemes and only its line count matters: shared objects, no allocation.
      out.push(WS[nl < 4 ? nl : 4]!);
      i = j;
      continue;
    }
    // '!' for 1 before a digit ("!2") or before a look-alike that ends the run ("!i", "!l.").
    const bang =
      c === 33 &&
      i + 1 < n &&
      (isDigit(t.charCodeAt(i + 1)) ||
        (LOOK[t[i + 1]!] !== undefined && (i + 2 >= n || !isLetterAt(t, i + 2))));
    if (isDigit(c) || bang || isLetterAt(t, i)) {
      let j = i + 1;
      while (j < n) {
        const d = t.charCodeAt(j);
        if (isDigit(d) || isLetterAt(t, j)) j++;
        else if ((d === 39 || d === 0x2019) && j + 1 < n && isLetterAt(t, j + 1) && isLetterAt(t, j - 1)) j++;
        else if (d === 33 && j + 1 < n && (isDigit(t.charCodeAt(j + 1)) || bangInLook(t, i, j))) j++;
        else break;
      }
      classifyRunCached(t, i, j, out);
      // "O!", "Oi99OO24o!": a '!' closing a run written with look-alike letters is a 1. After plain
      // digits it stays punctuation ("… 41 07!").
      if (j < n && t.charCodeAt(j) === 33 && (j - i === 1 || hasLookLetter(t, i, j))) {
        out.push({ k: 'lk', start: j, end: j + 1, digits: '1', weak: false });
        j++;
      }
      i = j;
      continue;
    }
    const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    out.push({ k: 's', start: i, end: i + w, ch: w === 1 ? t[i]! : t.slice(i, i + w) });
    i += w;
  }
}

/**
 * Runs repeat (words of an ad, and hostile floods of one token): classify each distinct short run once and
 * replay its lexemes at the new offset. A run's lexemes depend only on its own text.
 */
const runCache = new Map<string, Lexeme[]>();
const RUN_CACHE_MAX = 4096;
const RUN_CACHE_LEN = 32;

function classifyRunCached(t: string, start: number, end: number, out: LexemeSink): void {
  if (end - start > RUN_CACHE_LEN) {
    classifyRun(t, start, end, out);
    return;
  }
  const key = t.slice(start, end);
  let tpl = runCache.get(key);
  if (tpl === undefined) {
    tpl = [];
    classifyRun(key, 0, key.length, tpl);
    if (runCache.size >= RUN_CACHE_MAX) runCache.clear();
    runCache.set(key, tpl);
  }
  for (let x = 0; x < tpl.length; x++) out.push(shifted(tpl[x]!, start));
}

/** A copy of `l` moved by `d` (one object literal per kind: spreads are slow). */
function shifted(l: Lexeme, d: number): Lexeme {
  switch (l.k) {
    case 'd':
      return { k: 'd', start: l.start + d, end: l.end + d, digits: l.digits };
    case 'lk':
      return { k: 'lk', start: l.start + d, end: l.end + d, digits: l.digits, weak: l.weak };
    case 'nw':
      return { k: 'nw', start: l.start + d, end: l.end + d, word: l.word };
    case 'w':
      return { k: 'w', start: l.start + d, end: l.end + d, lower: l.lower, cap: l.cap };
    case 'ws':
      return l;
    case 's':
      return { k: 's', start: l.start + d, end: l.end + d, ch: l.ch };
  }
}

function pushWords(words: string[], start: number, out: LexemeSink): void {
  let p = start;
  for (const w of words) {
    out.push({ k: 'nw', start: p, end: p + w.length, word: numberWord(w)! });
    p += w.length;
  }
}

function classifyLetters(
  t: string,
  start: number,
  end: number,
  out: LexemeSink,
  gluedToDigit: boolean,
): void {
  const run = t.slice(start, end);
  const lower = run.toLowerCase();
  if (lower.length === run.length) {
    const direct = numberWord(lower);
    if (direct !== undefined) {
      out.push({ k: 'nw', start, end, word: direct });
      return;
    }
    const seg = segmentNumberWords(lower);
    if (seg !== null) {
      pushWords(seg, start, out);
      return;
    }
  }
  if (run.length <= 3) {
    let digits = '';
    for (const ch of run) digits += LOOK_ALONE[ch] ?? 'x';
    if (!digits.includes('x')) {
      // A lone "o"/"I" may be a word; "Oo", "Ol" between numbers are clearly digits.
      out.push({ k: 'lk', start, end, digits, weak: !gluedToDigit && run.length === 1 });
      return;
    }
  }
  out.push({ k: 'w', start, end, lower, cap: run[0] !== lower[0] });
}

/** Classify one run of letters/digits (with glued '!'). */
function classifyRun(t: string, start: number, end: number, out: LexemeSink): void {
  let hasDigit = false;
  let hasLetter = false;
  let allLook = true;
  for (let k = start; k < end; k++) {
    const c = t.charCodeAt(k);
    if (isDigit(c)) hasDigit = true;
    else {
      if (c !== 33) hasLetter = true;
      if (LOOK[t[k]!] === undefined) allLook = false;
    }
  }
  if (!hasLetter && !t.slice(start, end).includes('!')) {
    out.push({ k: 'd', start, end, digits: t.slice(start, end) });
    return;
  }
  if (!hasDigit) {
    if (allLook && t.charCodeAt(start) === 33) {
      let digits = '';
      for (let k = start; k < end; k++) digits += LOOK[t[k]!]!;
      out.push({ k: 'lk', start, end, digits, weak: false });
      return;
    }
    if (!hasLetter) {
      out.push({ k: 's', start, end, ch: t.slice(start, end) });
      return;
    }
    classifyLetters(t, start, end, out, false);
    return;
  }
  const run = t.slice(start, end);
  if (allLook && end - start <= 16) {
    let digits = '';
    for (const ch of run) digits += LOOK[ch] ?? ch;
    out.push({ k: 'lk', start, end, digits, weak: false });
    return;
  }
  // A misspelled number word written with digits: "zer0", "f1ve", "th0usand".
  if (end - start <= 24) {
    let variant = '';
    let ok = true;
    for (const ch of run.toLowerCase()) {
      const m = isDigit(ch.charCodeAt(0)) ? DIGIT_AS_LETTER[ch] : ch;
      if (m === undefined) {
        ok = false;
        break;
      }
      variant += m;
    }
    if (ok && variant.length === run.length) {
      const seg = segmentNumberWords(variant);
      if (seg !== null) {
        pushWords(seg, start, out);
        return;
      }
    }
  }
  // Otherwise split into digit and letter segments: "zero6", "06trente", "tel0639981234", "20ans".
  const parts: Lexeme[] = [];
  let digitCount = 0;
  let k = start;
  while (k < end) {
    const dig = isDigit(t.charCodeAt(k));
    let j = k + 1;
    while (j < end && isDigit(t.charCodeAt(j)) === dig) j++;
    if (dig) {
      parts.push({ k: 'd', start: k, end: j, digits: t.slice(k, j) });
      digitCount += j - k;
    } else if (t[k] === '!' && j - k === 1)
      parts.push({ k: 'lk', start: k, end: j, digits: '1', weak: false });
    else classifyLetters(t, k, j, parts, true);
    k = j;
  }
  // A word with a few digits after it ("megan5o2s1", "lola93") is a word, not number groups; quantities
  // ("20ans", "3j", "14h30") keep their split so the unit can block the number.
  if (digitCount < 6 && !isDigit(t.charCodeAt(start)) && parts.some((x) => x.k === 'w')) {
    const lower = run.toLowerCase();
    out.push({ k: 'w', start, end, lower, cap: run[0] !== lower[0] });
    return;
  }
  for (const x of parts) out.push(x);
}
