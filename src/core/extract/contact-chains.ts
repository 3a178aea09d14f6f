/**
 * Assemble lexemes into chains of number items: digit runs, number-word groups and look-alike letters
 * that follow each other with only separators, line breaks, emoji or one filler word between them.
 * Items that are prices, ages, durations, distances, dates, times or "24/7" are marked blocked, and chains
 * that follow a reference-like cue (SIRET, réf, commande, IBAN…) are marked as such.
 */
import { type NumLang, type PlacedWord, groupWords, langList } from './contact-number-words.ts';
import type { Lexeme, LexemeSink } from './contact-lexemes.ts';

export type ItemSrc = 'digits' | 'words' | 'look';

export interface NumItem {
  digits: string;
  /** Normalised offsets. */
  start: number;
  end: number;
  src: ItemSrc;
  /** Read from a weak source (a lone look-alike letter or a common word like "for"). */
  weak: boolean;
  /** Languages of the words read (shared lists: do not modify). */
  langs: readonly NumLang[];
  /** A '+' or "plus" right before. */
  plus: boolean;
  /** Normalised offset of that '+' (or "plus"), -1 if none. */
  plusAt: number;
  /** Written inside parentheses, e.g. the trunk "(0)". */
  paren: boolean;
  blocked: boolean;
  /** Right after a capitalised word (a city before its postcode). */
  capBefore: boolean;
  /** Non-space characters between the previous item and this one (capped). */
  sep: string;
  newlinesBefore: number;
  fillerBefore: boolean;
  spaceBefore: boolean;
}

export interface Chain {
  items: NumItem[];
  /** A phone cue ("tél", "appelle", "whatsapp", 📞) shortly before. */
  phoneCue: boolean;
  /** A reference cue (SIRET, réf, commande, IBAN…) shortly before. */
  refCue: boolean;
}

/** Words right after a number that make it a quantity, not part of a phone number. */
const UNITS = new Set(
  (
    'e € eur euro euros eu roses rose r ans yo yrs years year old ans. km kms kilometres kilomètres ' +
    'm cm mm kg g h hr hrs heure heures hour hours min mn mins minute minutes sec secondes cv ch ' +
    'ème eme e er ere ère st nd rd th x fois j pers personnes photos pics m2 m² mois month months jours jour ' +
    'days day semaines weeks nuits nuit nights night € $ £ usd chf gbp dollars livres francs rosas anos años ' +
    'horas hora % ko mo go gb mb tb mp am pm'
  ).split(' '),
);
/** Words after which a number is a reference, not a phone. */
const REF_CUES = new Set(
  (
    'siret siren ref réf reference référence refs commande order iban bic swift tva facture invoice annonce ' +
    'ticket dossier colis suivi tracking rcs immatriculation immat vin serial série serie code cp postal ' +
    'sku ean isbn id identifiant compte account transaction virement rib kilométrage kilometrage mileage'
  ).split(' '),
);
/** Words that announce a phone number. */
const PHONE_CUES = new Set(
  (
    'tel tél tél. tele télé telephone téléphone phone portable mobile cell numero numéro num no appel appelle ' +
    'appelez appeler call text txt sms whatsapp watsap wsp wtsp wa contact contacte contactez joignable ' +
    'joindre llama llámame llamame telefono teléfono movil móvil número numero viber signal telegram ' +
    'dispo'
  ).split(' '),
);
const PHONE_EMOJI = new Set(['📞', '☎', '📱', '☏', '📲', '🤙']);
const CURRENCY = new Set(['€', '$', '£', '%', '¥']);

/** Roles of a word as bits, so that most words (none of these) cost one lookup, not three. */
const UNIT = 1;
const REF_CUE = 2;
const PHONE_CUE = 4;
const WORD_ROLES = new Map<string, number>();
for (const [set, bit] of [
  [UNITS, UNIT],
  [REF_CUES, REF_CUE],
  [PHONE_CUES, PHONE_CUE],
] as const) {
  for (const w of set) WORD_ROLES.set(w, (WORD_ROLES.get(w) ?? 0) | bit);
}

/** A blank item (one object literal with every field, so all items share one shape). */
function blankItem(): NumItem {
  return {
    digits: '',
    start: 0,
    end: 0,
    src: 'digits',
    weak: false,
    langs: NO_LANGS,
    plus: false,
    plusAt: -1,
    paren: false,
    blocked: false,
    capBefore: false,
    sep: '',
    newlinesBefore: 0,
    fillerBefore: false,
    spaceBefore: false,
  };
}

/** Build chains from lexemes (at their own offsets), each a copy. Linear in the number of lexemes. */
export function buildChains(lx: Lexeme[]): Chain[] {
  const chains: Chain[] = [];
  const b = createChainBuilder((c) =>
    chains.push({ items: c.items.map((it) => ({ ...it })), phoneCue: c.phoneCue, refCue: c.refCue }),
  );
  for (const l of lx) b.push(l, 0);
  b.end();
  return chains;
}

/** A lexeme sink that hands each chain to `onChain` as soon as it is complete (keeps memory flat). */
export interface ChainBuilder extends LexemeSink {
  end(): void;
}

/**
 * Streaming chain builder: one lexeme of look-ahead, chains emitted as they close. The chain and its items
 * passed to `onChain` are reused for the next chain: read them during the call, do not keep them (floods of
 * numbers allocated one item per number group; now the items of a field are a few hundred objects).
 */
export function createChainBuilder(onChain: (c: Chain) => void, eightyFirst = true): ChainBuilder {
  const items: NumItem[] = [];
  const pool: NumItem[] = [];
  const chain: Chain = { items, phoneCue: false, refCue: false };
  let phoneCue = false;
  let refCue = false;
  // Cues count for a few words only.
  let phoneCueAge = 99;
  let refCueAge = 99;
  // Gap state since the last item.
  let sep = '';
  let newlines = 0;
  let fillers = 0;
  let fillerLen = 0;
  let space = false;
  let plus = false;
  let plusAt = -1;
  let openParen = false;
  let blockNext = false;
  // Number words waiting to be grouped: `words[0, nWords)`, objects reused (like items).
  const words: PlacedWord[] = [];
  let nWords = 0;
  let hyphenEnd = -1;
  let afterCapWord = false;
  let wordsSep = '';

  const emit = (): void => {
    markPatterns(items);
    chain.phoneCue = phoneCue;
    chain.refCue = refCue;
    onChain(chain);
    // Emptied in place (one array per builder): `length = 0` is a runtime call, pops are not.
    while (items.length > 0) items.pop();
  };
  const flushChain = (): void => {
    flushWords();
    if (items.length > 0) emit();
  };
  const pushItem = (
    digits: string,
    start: number,
    end: number,
    src: ItemSrc,
    weak: boolean,
    langs: readonly NumLang[],
  ): void => {
    let it = pool[items.length];
    if (it === undefined) {
      it = blankItem();
      pool.push(it);
    }
    it.digits = digits;
    it.start = start;
    it.end = end;
    it.src = src;
    it.weak = weak;
    it.langs = langs;
    it.blocked = false;
    it.capBefore = afterCapWord;
    afterCapWord = false;
    if (items.length === 0) {
      phoneCue = phoneCueAge <= 6;
      refCue = refCueAge <= 3;
    }
    it.plus = plus;
    it.plusAt = plus ? plusAt : -1;
    it.sep = sep;
    it.newlinesBefore = newlines;
    it.fillerBefore = fillers > 0;
    it.spaceBefore = space;
    it.paren = openParen;
    if (blockNext) it.blocked = true;
    // After "SIRET", "réf", "IBAN": the reference runs until a separator other than a space.
    if (
      refCue &&
      (items.length === 0 || (items[items.length - 1]!.blocked && it.sep === '' && newlines === 0))
    ) {
      it.blocked = true;
    }
    items.push(it);
    // No ad has 256 number groups in a row; cutting keeps memory flat on hostile text (GC was 30 %).
    if (items.length >= MAX_CHAIN) emit();
    sep = '';
    newlines = 0;
    fillers = 0;
    space = false;
    plus = false;
    openParen = false;
    blockNext = false;
  };
  function flushWords(): void {
    if (nWords === 0) return;
    if (nWords === 1) {
      flushOneWord(words[0]!);
      return;
    }
    const groups = groupWords(words.slice(0, nWords), eightyFirst);
    sep = wordsSep;
    // A lone connector ("06/12 et 07/12") separates like a filler word.
    if (groups.length === 0 && items.length > 0) fillers++;
    let first = true;
    for (const g of groups) {
      if (!first) {
        sep = '';
        space = true;
      }
      // Weak only when read from one weak word (flushOneWord).
      pushItem(g.digits, g.start, g.end, 'words', false, g.langs);
      first = false;
    }
    nWords = 0;
    hyphenEnd = -1;
  }
  /**
   * `flushWords` for a lone word, as `groupWords` reads it (a unit, teen, tens or "cent" is one group; other
   * words none) without its allocations: floods like "0six3nine" flush one word at a time.
   */
  function flushOneWord(w: PlacedWord): void {
    sep = wordsSep;
    const { cls, value, weak, lang } = w.word;
    if (cls === 'unit' || cls === 'teen' || cls === 'tens' || cls === 'hundred') {
      const digits = cls === 'hundred' ? '100' : String(value);
      pushItem(digits, w.start, w.end, 'words', digits.length === 1 && weak === true, langList(lang));
    } else if (items.length > 0) fillers++;
    nWords = 0;
    hyphenEnd = -1;
  }
  const lastItem = (): NumItem | undefined => items[items.length - 1];

  let pending: Lexeme | undefined;
  let pendingShift = 0;
  // `ls`/`le`: offsets of `l`; `ns`: start of the next lexeme `nx` (lexemes are templates, see LexemeSink).
  const step = (l: Lexeme, ls: number, le: number, nx: Lexeme | undefined, ns: number): void => {
    switch (l.k) {
      case 'ws':
        if (nWords > 0) break;
        newlines += l.newlines;
        space = true;
        if (newlines > 3) flushChain();
        break;
      case 's': {
        if (l.ch !== '(') afterCapWord = false;
        if (nWords > 0 && l.ch === '-') {
          // Only a hyphen glued on both sides joins words ("vingt-six"); " - " separates groups.
          hyphenEnd = words[nWords - 1]!.end === ls ? le : -1;
          break;
        }
        flushWords();
        // Phone emoji and currency signs are all '$', '%' or above U+00A0: skip the lookups for ASCII.
        const c0 = l.ch.charCodeAt(0);
        const rare = c0 >= 0xa0 || c0 === 36 || c0 === 37;
        if (rare && PHONE_EMOJI.has(l.ch)) {
          phoneCueAge = 0;
          refCueAge = 99;
        }
        if (rare && CURRENCY.has(l.ch)) {
          const prev = lastItem();
          if (prev !== undefined && sep.length === 0 && fillers === 0) prev.blocked = true;
          // "€100": the amount follows the sign.
          if (nx !== undefined && (nx.k === 'd' || nx.k === 'nw') && ns === le) blockNext = true;
          flushChain();
          break;
        }
        if (l.ch === '+') {
          // A country-code plus starts a number or is glued to it; "01 + 99 + 00" uses '+' as a separator.
          if (items.length === 0 || (nx !== undefined && (nx.k === 'd' || nx.k === 'nw') && ns === le)) {
            plus = true;
            plusAt = ls;
          }
        }
        if (l.ch === '(') openParen = true;
        if (sep.length < 8) sep += l.ch;
        else flushChain();
        break;
      }
      case 'd':
      case 'lk': {
        if (l.k === 'd' && nWords > 0) {
          flushWords();
        } else flushWords();
        pushItem(l.digits, ls, le, l.k === 'd' ? 'digits' : 'look', l.k === 'lk' && l.weak, NO_LANGS);
        break;
      }
      case 'nw': {
        if (l.word.cls === 'plus') {
          flushWords();
          plus = true;
          plusAt = ls;
          break;
        }
        if (nWords === 0) {
          wordsSep = sep;
        }
        const joined = nWords > 0 && (hyphenEnd === ls || words[nWords - 1]!.end === ls);
        const pw = words[nWords];
        if (pw === undefined) words.push({ word: l.word, start: ls, end: le, joined });
        else {
          pw.word = l.word;
          pw.start = ls;
          pw.end = le;
          pw.joined = joined;
        }
        nWords++;
        hyphenEnd = -1;
        if (nWords >= 64) flushWords();
        // A unit right after a spelled number ("vingt ans", "cent roses").
        break;
      }
      case 'w': {
        flushWords();
        afterCapWord = false;
        // "massage et plus, rdv au 06…": a "plus" or '+' followed by words is not a country-code plus.
        plus = false;
        const w = l.lower;
        const role = WORD_ROLES.get(w) ?? 0;
        const prev = lastItem();
        const adjacent = prev !== undefined && sep.length === 0 && fillers === 0 && newlines === 0;
        // One-letter units count only glued to the number ("100e", "14h"): "… 41 07 e-mail" is not a price.
        if ((role & UNIT) !== 0 && adjacent && (w.length > 1 || prev!.end === ls)) {
          prev!.blocked = true;
          phoneCueAge++;
          refCueAge++;
          // "14h30", "24h/24", "7j/7": what follows is part of the same quantity.
          if (w === 'h' || w === 'hr' || w === 'min' || w === 'j') {
            if (nx !== undefined && ((nx.k === 'd' && ns === le) || (nx.k === 's' && nx.ch === '/'))) {
              blockNext = true;
            }
          }
          flushChain();
          break;
        }
        // A postcode before a city name: "06400 Cannes".
        if (
          l.cap &&
          prev !== undefined &&
          prev.digits.length === 5 &&
          prev.src === 'digits' &&
          sep === '' &&
          fillers === 0
        ) {
          prev.blocked = true;
        }
        if ((role & REF_CUE) !== 0) {
          refCueAge = 0;
          phoneCueAge = 99;
          flushChain();
          break;
        }
        if ((role & PHONE_CUE) !== 0) {
          phoneCueAge = 0;
          refCueAge = 99;
          flushChain();
          break;
        }
        phoneCueAge++;
        refCueAge++;
        afterCapWord = l.cap;
        if (items.length > 0) {
          fillers++;
          // "06 bisous 39", "mon 06 c'est le 39 98 41 07": up to two short filler words.
          if (fillers > 2 || w.length > 12 || (fillers === 2 && (w.length > 5 || fillerLen > 5)))
            flushChain();
          fillerLen = w.length;
        }
        break;
      }
    }
  };
  return {
    push(l: Lexeme, shift: number): void {
      if (pending !== undefined)
        step(pending, pending.start + pendingShift, pending.end + pendingShift, l, l.start + shift);
      pending = l;
      pendingShift = shift;
    },
    end(): void {
      if (pending !== undefined)
        step(pending, pending.start + pendingShift, pending.end + pendingShift, undefined, -1);
      pending = undefined;
      flushChain();
    },
  };
}

const NO_LANGS: NumLang[] = [];
const MAX_CHAIN = 256;

const DATE_SEPS = new Set(['/', '.', '-']);

/** Block dates (12/03/2024, 2024-03-12), times (14:30) and "24/7"-like schedules inside a chain. */
function markPatterns(items: NumItem[]): void {
  const n = items.length;
  for (let k = 0; k < n; k++) {
    const a = items[k]!;
    const b = items[k + 1];
    yearLike(items, k);
    // A postcode after a city name, ending its phrase: "Nice (06100).", "Lyon 69003, …".
    if (a.capBefore && a.src === 'digits' && a.digits.length === 5) {
      if (b === undefined || b.newlinesBefore > 0 || b.fillerBefore || /[,.;)]/.test(b.sep)) a.blocked = true;
    }
    if (b === undefined) break;
    if (a.src !== 'digits' || b.src !== 'digits') continue;
    const s = b.sep;
    // Every pattern below joins a and b by '/', '.', '-' or ':' (most pairs: a space, nothing to parse).
    if (s !== '/' && s !== '.' && s !== '-' && s !== ':') continue;
    const av = Number(a.digits);
    const bv = Number(b.digits);
    const c = items[k + 2];
    if (DATE_SEPS.has(s) && c !== undefined && c.src === 'digits' && c.sep === s) {
      const cv = Number(c.digits);
      const prevSame = k > 0 && tight(a, s);
      const nextSame = tight(items[k + 3], s);
      if (!prevSame && !nextSame) {
        const dmy =
          a.digits.length <= 2 &&
          b.digits.length <= 2 &&
          (c.digits.length === 2 || c.digits.length === 4) &&
          av >= 1 &&
          av <= 31 &&
          bv >= 1 &&
          bv <= 12;
        const ymd =
          a.digits.length === 4 &&
          b.digits.length <= 2 &&
          c.digits.length <= 2 &&
          bv >= 1 &&
          bv <= 12 &&
          cv >= 1 &&
          cv <= 31;
        if (dmy || ymd) {
          a.blocked = true;
          b.blocked = true;
          c.blocked = true;
          continue;
        }
      }
    }
    // An isolated day/month pair: "06/12, 07/12", "le 06/12 à 20h".
    if (
      tight(b, '/') &&
      a.digits.length <= 2 &&
      b.digits.length <= 2 &&
      av >= 1 &&
      av <= 31 &&
      bv >= 1 &&
      bv <= 12 &&
      (k === 0 || !tight(a, '/')) &&
      !tight(c, '/')
    ) {
      a.blocked = true;
      b.blocked = true;
      continue;
    }
    if (
      s === ':' &&
      a.digits.length <= 2 &&
      b.digits.length === 2 &&
      av <= 23 &&
      bv <= 59 &&
      items[k + 2]?.sep !== ':' &&
      (k === 0 || a.sep !== ':')
    ) {
      a.blocked = true;
      b.blocked = true;
      continue;
    }
    if (
      tight(b, '/') &&
      !tight(a, '/') &&
      !tight(c, '/') &&
      ((av === 24 && (bv === 7 || bv === 24)) ||
        (av === 7 && (bv === 7 || bv === 24)) ||
        (av === 365 && bv === 365))
    ) {
      a.blocked = true;
      b.blocked = true;
    }
  }
}

/** "a/b" written tight (no space before the separator): the shape of dates, not of spaced phone groups. */
function tight(it: NumItem | undefined, s: string): boolean {
  return it !== undefined && it.sep === s && !it.spaceBefore;
}

/** Separated from its neighbour like a list item. (Module-level: a closure per item was hot on hostile text.) */
function loose(x: NumItem): boolean {
  return x.fillerBefore || x.sep.includes(',') || x.sep.includes(';') || (x.sep !== '' && x.spaceBefore);
}

/** A year (1950–2039) standing alone between list separators ("née en 1999, 2024 / …") is not a phone group. */
function yearLike(items: NumItem[], k: number): void {
  const it = items[k]!;
  if (it.digits.length !== 4 || it.src !== 'digits') return;
  const v = Number(it.digits);
  if (v < 1950 || v > 2039) return;
  const next = items[k + 1];
  if ((k === 0 || loose(it)) && (next === undefined || loose(next))) it.blocked = true;
}
