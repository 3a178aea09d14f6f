/**
 * Spelled-out numbers in French, English and Spanish, with the misspellings seen in obfuscated ads, and a
 * small grammar that turns a run of number words into digit groups ("quatre-vingt-dix-huit" → "98",
 * "double six" → "66", "treinta y nueve" → "39").
 */

export type NumLang = 'fr' | 'en' | 'es' | '*';

/** unit 0–9, teen 10–19, tens 20–90, hundred, thousand, repeat (double/triple), times ("fois"), and (et/y/and). */
export type NumClass =
  | 'unit'
  | 'teen'
  | 'tens'
  | 'hundred'
  | 'thousand'
  | 'repeat'
  | 'times'
  | 'and'
  | 'plus';

export interface NumWord {
  value: number;
  cls: NumClass;
  lang: NumLang;
  /** Common words that are numbers only inside a number ("for", "to", "un", "neuf"): never start a group alone. */
  weak?: boolean;
}

const W = new Map<string, NumWord>();
function add(lang: NumLang, cls: NumClass, value: number, words: string, weak = false): void {
  // Every word object has the same fields (one hidden class).
  for (const w of words.split(' ')) if (w) W.set(w, { value, cls, lang, weak });
}

// French (+ Belgian/Swiss tens).
add('fr', 'unit', 0, 'zéro zero zérо zro');
add('fr', 'unit', 1, 'un une', true);
add('fr', 'unit', 2, 'deux deu deus');
add('fr', 'unit', 3, 'trois troi trwa');
add('fr', 'unit', 4, 'quatre quatres katre catre');
add('fr', 'unit', 5, 'cinq cinque cink sinq');
add('*', 'unit', 6, 'six sixx siz');
add('fr', 'unit', 6, 'sis sisse');
add('fr', 'unit', 7, 'sept');
add('fr', 'unit', 8, 'huit uit huite');
add('fr', 'unit', 9, 'neuf', true);
add('fr', 'teen', 10, 'dix');
add('fr', 'teen', 11, 'onze');
add('fr', 'teen', 12, 'douze');
add('fr', 'teen', 13, 'treize');
add('fr', 'teen', 14, 'quatorze katorze');
add('fr', 'teen', 15, 'quinze kinze');
add('fr', 'teen', 16, 'seize');
add('fr', 'tens', 20, 'vingt vingts vint');
add('fr', 'tens', 30, 'trente');
add('fr', 'tens', 40, 'quarante karante');
add('fr', 'tens', 50, 'cinquante');
add('fr', 'tens', 60, 'soixante soisante swasante');
add('fr', 'tens', 70, 'septante');
add('fr', 'tens', 80, 'huitante octante');
add('fr', 'tens', 90, 'nonante');
add('fr', 'hundred', 100, 'cent cents');
add('fr', 'thousand', 1000, 'mille');
add('fr', 'repeat', 2, 'double doubles');
add('fr', 'repeat', 3, 'triple');
add('fr', 'times', 0, 'fois');
add('fr', 'and', 0, 'et', true);
add('*', 'plus', 0, 'plus');

// English, with the misspellings of published obfuscation test sets.
add('en', 'unit', 0, 'zero oh ziro nought');
add('en', 'unit', 1, 'one won wun');
add('en', 'unit', 2, 'too to tu tow', true);
add('en', 'unit', 2, 'two twoo');
add('en', 'unit', 3, 'three tree thre thri');
add('en', 'unit', 4, 'for fore fo', true);
add('en', 'unit', 4, 'four fuor foor');
// "six o three", "double o": a lone o is zero between numbers.
add('en', 'unit', 0, 'o', true);
add('en', 'unit', 5, 'five fiv fife fyve');
add('en', 'unit', 6, 'sicks sixe');
add('en', 'unit', 7, 'seven sevn sevan seveen');
add('en', 'unit', 8, 'eight ate eigth eigh eit');
add('en', 'unit', 9, 'nine nein nyne nien');
add('en', 'teen', 10, 'ten');
add('en', 'teen', 11, 'eleven');
add('en', 'teen', 12, 'twelve');
add('en', 'teen', 13, 'thirteen');
add('en', 'teen', 14, 'fourteen forteen');
add('en', 'teen', 15, 'fifteen');
add('en', 'teen', 16, 'sixteen');
add('en', 'teen', 17, 'seventeen');
add('en', 'teen', 18, 'eighteen');
add('en', 'teen', 19, 'nineteen');
add('en', 'tens', 20, 'twenty');
add('en', 'tens', 30, 'thirty');
add('en', 'tens', 40, 'forty fourty');
add('en', 'tens', 50, 'fifty');
add('en', 'tens', 60, 'sixty');
add('en', 'tens', 70, 'seventy');
add('en', 'tens', 80, 'eighty');
add('en', 'tens', 90, 'ninety');
add('en', 'hundred', 100, 'hundred hundrd');
add('en', 'thousand', 1000, 'thousand thousend thousan');
add('en', 'repeat', 2, 'dbl');
add('en', 'repeat', 3, 'tripple');
add('en', 'and', 0, 'and', true);

// Spanish.
add('es', 'unit', 0, 'cero');
add('es', 'unit', 1, 'uno una', true);
add('es', 'unit', 2, 'dos');
add('es', 'unit', 3, 'tres');
add('es', 'unit', 4, 'cuatro');
add('es', 'unit', 5, 'cinco');
add('es', 'unit', 6, 'seis');
add('es', 'unit', 7, 'siete');
add('es', 'unit', 8, 'ocho');
add('es', 'unit', 9, 'nueve');
add('es', 'teen', 10, 'diez');
add('es', 'teen', 11, 'once', true);
add('es', 'teen', 12, 'doce');
add('es', 'teen', 13, 'trece');
add('es', 'teen', 14, 'catorce');
add('es', 'teen', 15, 'quince');
add('es', 'teen', 16, 'dieciseis dieciséis');
add('es', 'teen', 17, 'diecisiete');
add('es', 'teen', 18, 'dieciocho');
add('es', 'teen', 19, 'diecinueve');
add('es', 'tens', 20, 'veinte');
add('es', 'tens', 30, 'treinta');
add('es', 'tens', 40, 'cuarenta');
add('es', 'tens', 50, 'cincuenta');
add('es', 'tens', 60, 'sesenta');
add('es', 'tens', 70, 'setenta');
add('es', 'tens', 80, 'ochenta');
add('es', 'tens', 90, 'noventa');
add('es', 'hundred', 100, 'cien ciento');
add('es', 'thousand', 1000, 'mil');
add('es', 'repeat', 2, 'doble');
add('es', 'and', 0, 'y', true);
add('es', 'plus', 0, 'más mas');
const VEINTI = ['', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
for (let u = 1; u <= 9; u++) {
  W.set(`veinti${VEINTI[u]}`, { value: 20 + u, cls: 'teen', lang: 'es', weak: false });
}
W.set('veintidós', { value: 22, cls: 'teen', lang: 'es', weak: false });
W.set('veintitrés', { value: 23, cls: 'teen', lang: 'es', weak: false });
W.set('veintiséis', { value: 26, cls: 'teen', lang: 'es', weak: false });

/** Look up a lower-cased word. */
export function numberWord(lower: string): NumWord | undefined {
  return W.get(lower);
}

const MAX_WORD = 12;
/** Two-letter prefixes of all words: most ordinary words are rejected before any allocation. */
const PREFIX2 = new Set<string>();
for (const w of W.keys()) PREFIX2.add(w.slice(0, 2));

/**
 * Split a glued lower-case letter run ("quatrevingtdix", "zerosix") into number words, or return null.
 * Dynamic programming over positions, O(length × longest word); runs over 48 letters are not tried.
 */
export function segmentNumberWords(lower: string): string[] | null {
  const n = lower.length;
  if (n === 0 || n > 48) return null;
  const direct = W.get(lower);
  if (direct !== undefined) return direct.cls === 'and' || direct.cls === 'plus' ? null : [lower];
  if (n < 4 || !PREFIX2.has(lower.slice(0, 2))) return null;
  const prev = new Int32Array(n + 1).fill(-1);
  prev[0] = 0;
  for (let i = 0; i < n; i++) {
    if (prev[i] === -1) continue;
    const lim = Math.min(n, i + MAX_WORD);
    for (let j = i + 2; j <= lim; j++) {
      if (prev[j] !== -1) continue;
      const w = W.get(lower.slice(i, j));
      // Glued segmentation only uses unambiguous words: "tonight" must not read as "to" + "night".
      if (w !== undefined && !w.weak) prev[j] = i;
    }
  }
  if (prev[n] === -1) return null;
  const out: string[] = [];
  let k = n;
  while (k > 0) {
    const p = prev[k]!;
    out.push(lower.slice(p, k));
    k = p;
  }
  return out.reverse();
}

/** A number word positioned in the normalised text. */
export interface PlacedWord {
  word: NumWord;
  start: number;
  end: number;
  /** Joined to the previous word by a hyphen or glued to it ("quatre-vingt", "quatrevingt"). */
  joined?: boolean;
}

/**
 * Whether word i composes with the one before it (always, unless `strict`: then only hyphenated or glued
 * words, and words around a connector "vingt et un").
 */
function linked(words: PlacedWord[], i: number, o: ReadOpts): boolean {
  const w = words[i];
  if (w === undefined) return false;
  if (!o.strict || w.joined === true) return true;
  return w.word.cls === 'and' || words[i - 1]?.word.cls === 'and';
}

/** A digit group read from words, e.g. "trente-neuf" → "39". */
export interface WordGroup {
  digits: string;
  start: number;
  end: number;
  /** The languages of its words, each once (a shared list: do not modify). */
  langs: readonly NumLang[];
}

const LANG_BIT: Record<NumLang, number> = { fr: 1, en: 2, es: 4, '*': 8 };
/** Language lists by bit set, shared: groups of a flood of number words allocate no list each. */
const LANG_LISTS: readonly NumLang[][] = Array.from({ length: 16 }, (_, mask) =>
  (['fr', 'en', 'es', '*'] as const).filter((l) => (mask & LANG_BIT[l]) !== 0),
);

/** The one-language list of `lang` (shared: do not modify). */
export function langList(lang: NumLang): readonly NumLang[] {
  return LANG_LISTS[LANG_BIT[lang]]!;
}

/**
 * Read consecutive number words as digit groups. French/English/Spanish compounds combine ("soixante et
 * onze" = 71, "quatre vingt dix huit" = 98, "twenty one" = 21); units stand alone ("zéro six" = "0","6");
 * "double six" = "66", "deux fois six" = "66"; "cent" and "thousand" multiply.
 */
/** Reading options. `eightyFirst`: in "cinquante quatre vingt…", read 50, 8x (default) rather than 54, 20. */
export interface ReadOpts {
  strict: boolean;
  eightyFirst: boolean;
}

export function groupWords(words: PlacedWord[], eightyFirst = true): WordGroup[] {
  const out: WordGroup[] = [];
  // Writers mix "trente neuf" and "quatre-vingt-dix-huit" in one number: spaces compose like hyphens,
  // except in the one reading they disambiguate (see readBelowHundred).
  const strict: ReadOpts = { strict: false, eightyFirst };
  let i = 0;
  const n = words.length;
  while (i < n) {
    const first = words[i]!;
    let langs = 0;
    let repeat = 1;
    let startIdx = i;
    // "double", "triple", "deux fois"
    if (first.word.cls === 'repeat') {
      repeat = first.word.value;
      langs |= LANG_BIT[words[i]!.word.lang];
      i++;
    } else if (
      first.word.cls === 'unit' &&
      (first.word.value === 2 || first.word.value === 3) &&
      words[i + 1]?.word.cls === 'times'
    ) {
      repeat = first.word.value;
      langs |= LANG_BIT[words[i]!.word.lang] | LANG_BIT[words[i + 1]!.word.lang];
      i += 2;
    }
    if (i >= n) break;
    const r = readBelowThousand(words, i, strict);
    if (r === null) {
      // A lone connector or multiplier: skip it.
      i++;
      continue;
    }
    for (let k = i; k < r.next; k++) langs |= LANG_BIT[words[k]!.word.lang];
    if (repeat === 1) startIdx = i;
    let value = r.value;
    let next = r.next;
    let digits = String(value);
    if (words[next]?.word.cls === 'thousand' && linked(words, next, strict)) {
      langs |= LANG_BIT[words[next]!.word.lang];
      next++;
      const rest = next < n && linked(words, next, strict) ? readBelowThousand(words, next, strict) : null;
      value = value * 1000 + (rest !== null && rest.value < 1000 ? rest.value : 0);
      if (rest !== null) {
        for (let k = next; k < rest.next; k++) langs |= LANG_BIT[words[k]!.word.lang];
        next = rest.next;
      }
      digits = String(value);
    }
    if (repeat > 1 && r.singleUnit) digits = digits.repeat(repeat);
    out.push({
      digits,
      start: words[startIdx]!.start,
      end: words[next - 1]!.end,
      langs: LANG_LISTS[langs]!,
    });
    i = next;
  }
  return out;
}

interface Read {
  value: number;
  next: number;
  singleUnit: boolean;
}

function readBelowThousand(words: PlacedWord[], i: number, strict: ReadOpts): Read | null {
  const w = words[i];
  if (w === undefined) return null;
  const c = w.word.cls;
  if (
    c === 'unit' &&
    words[i + 1]?.word.cls === 'hundred' &&
    w.word.value >= 2 &&
    linked(words, i + 1, strict)
  ) {
    const rest = linked(words, i + 2, strict) ? readBelowHundred(words, i + 2, strict) : null;
    return { value: w.word.value * 100 + (rest?.value ?? 0), next: rest?.next ?? i + 2, singleUnit: false };
  }
  if (c === 'hundred') {
    const rest = linked(words, i + 1, strict) ? readBelowHundred(words, i + 1, strict) : null;
    return { value: 100 + (rest?.value ?? 0), next: rest?.next ?? i + 1, singleUnit: false };
  }
  return readBelowHundred(words, i, strict);
}

function readBelowHundred(words: PlacedWord[], i: number, strict: ReadOpts): Read | null {
  const w = words[i];
  if (w === undefined) return null;
  const { cls, value, lang } = w.word;
  if (cls === 'unit') {
    // French "quatre-vingt(s)" = 80.
    if (
      value === 4 &&
      lang === 'fr' &&
      words[i + 1]?.word.cls === 'tens' &&
      words[i + 1]!.word.value === 20 &&
      linked(words, i + 1, strict) &&
      // "zéro quatre vingt-huit" is 0, 4, 28: "vingt" is hyphenated to a unit but spaced from "quatre".
      !(words[i + 1]!.joined !== true && words[i + 2]?.joined === true && words[i + 2]!.word.cls === 'unit')
    ) {
      return readAfterTens(words, i + 2, 80, strict);
    }
    return { value, next: i + 1, singleUnit: true };
  }
  if (cls === 'teen') {
    // "dix-sept", "dix huit", "dix neuf"
    const u = words[i + 1]?.word;
    if (value === 10 && lang === 'fr' && u?.cls === 'unit' && u.value >= 7 && linked(words, i + 1, strict)) {
      return { value: 10 + u.value, next: i + 2, singleUnit: false };
    }
    return { value, next: i + 1, singleUnit: false };
  }
  if (cls === 'tens') return readAfterTens(words, i + 1, value, strict);
  return null;
}

function readAfterTens(words: PlacedWord[], i: number, tens: number, strict: ReadOpts): Read {
  let j = i;
  if (words[j]?.word.cls === 'and') j++;
  const u = words[j]?.word;
  // "cinquante quatre-vingt-…", "cinquante quatre vingt dix sept": a "quatre" opening "quatre-vingt"
  // starts the next number.
  const opensEighty =
    strict.eightyFirst &&
    u?.cls === 'unit' &&
    u.value === 4 &&
    words[j]!.joined !== true &&
    words[j + 1]?.word.cls === 'tens' &&
    words[j + 1]!.word.value === 20;
  if (u !== undefined && linked(words, j, strict) && !opensEighty) {
    if (u.cls === 'unit' && u.value >= 1) {
      return { value: tens + u.value, next: j + 1, singleUnit: false };
    }
    if ((tens === 60 || tens === 80) && u.cls === 'teen' && u.value < 20) {
      const r = readBelowHundred(words, j, strict);
      if (r !== null && r.value >= 10 && r.value < 20)
        return { value: tens + r.value, next: r.next, singleUnit: false };
    }
  }
  return { value: tens, next: i, singleUnit: false };
}
