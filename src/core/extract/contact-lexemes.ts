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

/** A lexeme with every field of every kind (the kind's own fields set, the others empty). */
interface AnyLexeme {
  k: Lexeme['k'];
  start: number;
  end: number;
  digits?: string;
  weak?: boolean;
  word?: NumWord;
  lower?: string;
  cap?: boolean;
  newlines?: number;
  ch?: string;
}
const NO_WORD: NumWord = { value: 0, cls: 'unit', lang: '*', weak: false };

/**
 * `l` with every field in one order. All lexemes that reach a sink share one hidden class, so the chain
 * builder's property reads stay monomorphic (six shapes made them megamorphic: ~15 % of the time on floods).
 */
function uniform(l: Lexeme): Lexeme {
  const a = l as AnyLexeme;
  const u: AnyLexeme = {
    k: a.k,
    start: a.start,
    end: a.end,
    digits: a.digits ?? '',
    weak: a.weak ?? false,
    word: a.word ?? NO_WORD,
    lower: a.lower ?? '',
    cap: a.cap ?? false,
    newlines: a.newlines ?? 0,
    ch: a.ch ?? '',
  };
  return u as Lexeme;
}

/** Shared whitespace lexemes by line-break count (0–4); their offsets are not used. */
const WS: Lexeme[] = [0, 1, 2, 3, 4].map((newlines) => uniform({ k: 'ws', start: -1, end: -1, newlines }));

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
  return isLetterCode(t.charCodeAt(i));
}
/** `\p{L}` answers by UTF-16 unit outside Latin: 0 not asked yet, 1 no, 2 yes. */
const letterCache = new Uint8Array(0x10000);

function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  // NaN (past the end) is not a letter.
  if (!(c < 0x10000)) return false;
  let v = letterCache[c]!;
  if (v === 0) {
    v = LETTER.test(String.fromCharCode(c)) ? 2 : 1;
    letterCache[c] = v;
  }
  return v === 2;
}

/**
 * Where lexemes go, e.g. the streaming chain builder. The lexeme's offsets are `l.start + shift` and
 * `l.end + shift`: lexemes are shared templates replayed at every place their run or symbol occurs, so
 * hostile floods of one token allocate nothing per token. Sinks must not keep or modify them.
 */
export interface LexemeSink {
  push(l: Lexeme, shift: number): void;
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

/** Lex normalised text in one pass (a copy of each lexeme at its own offsets; for tests and debugging). */
export function lex(t: string): Lexeme[] {
  const out: Lexeme[] = [];
  lexInto(t, { push: (l, d) => out.push(shifted(l, d)) });
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
      out.push(WS[nl < 4 ? nl : 4]!, 0);
      i = j;
      continue;
    }
    // '!' for 1 before a digit ("!2") or before a look-alike that ends the run ("!i", "!l.").
    const bang =
      c === 33 &&
      i + 1 < n &&
      (isDigit(t.charCodeAt(i + 1)) ||
        (LOOK[t[i + 1]!] !== undefined && (i + 2 >= n || !isLetterAt(t, i + 2))));
    if (isDigit(c) || bang || isLetterCode(c)) {
      let j = i + 1;
      // A hash of the run, for the run cache, computed while scanning.
      let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      while (j < n) {
        const d = t.charCodeAt(j);
        if (
          isDigit(d) ||
          isLetterCode(d) ||
          ((d === 39 || d === 0x2019) && j + 1 < n && isLetterAt(t, j + 1) && isLetterAt(t, j - 1)) ||
          (d === 33 && j + 1 < n && (isDigit(t.charCodeAt(j + 1)) || bangInLook(t, i, j)))
        ) {
          h = Math.imul(h ^ d, 0x01000193);
          j++;
        } else break;
      }
      classifyRunCached(t, i, j, h, out);
      // "O!", "Oi99OO24o!": a '!' closing a run written with look-alike letters is a 1. After plain
      // digits it stays punctuation ("… 41 07!").
      if (j < n && t.charCodeAt(j) === 33 && (j - i === 1 || hasLookLetter(t, i, j))) {
        out.push(BANG, j);
        j++;
      }
      i = j;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      out.push(astralSymbol(t, i), i);
      i += 2;
      continue;
    }
    let sym = SYMBOLS[c];
    if (sym === undefined) {
      sym = uniform({ k: 's', start: 0, end: 1, ch: t[i]! });
      SYMBOLS[c] = sym;
    }
    out.push(sym, i);
    i++;
  }
}

/** A '!' read as 1 after a look-alike run. */
const BANG: Lexeme = uniform({ k: 'lk', start: 0, end: 1, digits: '1', weak: false });
/** Symbol lexemes at offset 0, by UTF-16 unit (BMP) or by code point (surrogate pairs; bounded). */
const SYMBOLS: (Lexeme | undefined)[] = new Array<Lexeme | undefined>(0x10000).fill(undefined);
const ASTRAL = new Map<number, Lexeme>();

function astralSymbol(t: string, i: number): Lexeme {
  // The pair's two units, even when they do not form a valid code point (a high surrogate before anything).
  const key = t.charCodeAt(i) * 0x10000 + t.charCodeAt(i + 1);
  let sym = ASTRAL.get(key);
  if (sym === undefined) {
    sym = uniform({ k: 's', start: 0, end: 2, ch: t.slice(i, i + 2) });
    if (ASTRAL.size >= 4096) ASTRAL.clear();
    ASTRAL.set(key, sym);
  }
  return sym;
}

/**
 * Runs repeat (words of an ad, and hostile floods of one token): classify each distinct short run once and
 * replay its lexemes at the new offset. A run's lexemes depend only on its own text. Direct-mapped by a hash
 * of the run's characters (computed by the scan), compared in place: no string is sliced for a run seen before.
 */
const RUN_SLOTS = 4096;
const runKeys: string[] = new Array<string>(RUN_SLOTS).fill('');
const runTemplates: Lexeme[][] = new Array<Lexeme[]>(RUN_SLOTS).fill([]);
const RUN_CACHE_LEN = 32;

/** Lexemes of a long run (not cached), reused between runs. */
const scratch: Lexeme[] = [];

function classifyRunCached(t: string, start: number, end: number, hash: number, out: LexemeSink): void {
  if (end - start > RUN_CACHE_LEN) {
    classifyRun(t, start, end, scratch);
    for (let x = 0; x < scratch.length; x++) out.push(uniform(scratch[x]!), 0);
    scratch.length = 0;
    return;
  }
  const len = end - start;
  const slot = (hash ^ (hash >>> 15)) & (RUN_SLOTS - 1);
  const key = runKeys[slot]!;
  let tpl = runTemplates[slot]!;
  let hit = key.length === len;
  for (let x = 0; hit && x < len; x++) hit = key.charCodeAt(x) === t.charCodeAt(start + x);
  if (!hit) {
    const run = t.slice(start, end);
    const lexemes: Lexeme[] = [];
    classifyRun(run, 0, len, lexemes);
    tpl = lexemes.map(uniform);
    runKeys[slot] = run;
    runTemplates[slot] = tpl;
  }
  for (let x = 0; x < tpl.length; x++) out.push(tpl[x]!, start);
}

/** A copy of `l` moved by `d`. */
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
      return { k: 'ws', start: -1, end: -1, newlines: l.newlines };
    case 's':
      return { k: 's', start: l.start + d, end: l.end + d, ch: l.ch };
  }
}

function pushWords(words: string[], start: number, out: Lexeme[]): void {
  let p = start;
  for (const w of words) {
    out.push({ k: 'nw', start: p, end: p + w.length, word: numberWord(w)! });
    p += w.length;
  }
}

function classifyLetters(t: string, start: number, end: number, out: Lexeme[], gluedToDigit: boolean): void {
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
function classifyRun(t: string, start: number, end: number, out: Lexeme[]): void {
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
