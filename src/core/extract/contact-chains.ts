/**
 * Assemble lexemes into chains of number items: digit runs, number-word groups and look-alike letters
 * that follow each other with only separators, line breaks, emoji or one filler word between them.
 * Items that are prices, ages, durations, distances, dates, times or "24/7" are marked blocked, and chains
 * that follow a reference-like cue (SIRET, réf, commande, IBAN…) are marked as such.
 */
import { type NumLang, type NumWord, type PlacedWord, groupWords, langList } from './contact-number-words.ts';
import type { Lexeme, LexemeSink } from './contact-lexemes.ts';
import { markPatterns } from './contact-patterns.ts';

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
/** Symbols that matter: phone emoji (a cue) and currency signs (a price), one lookup for both. */
const PHONE_EMOJI = 1;
const CURRENCY = 2;
const SYMBOL_ROLES = new Map<string, number>([
  ...['📞', '☎', '📱', '☏', '📲', '🤙'].map((s) => [s, PHONE_EMOJI] as const),
  ...['€', '$', '£', '%', '¥'].map((s) => [s, CURRENCY] as const),
]);

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
  return new StreamingChainBuilder(onChain, eightyFirst);
}

/** (A class, not a dozen closures per field: tsx wraps each named closure in a `__name` call.) */
class StreamingChainBuilder implements ChainBuilder {
  private readonly items: NumItem[] = [];
  private readonly pool: NumItem[] = [];
  private readonly chain: Chain;
  private phoneCue = false;
  private refCue = false;
  // Cues count for a few words only.
  private phoneCueAge = 99;
  private refCueAge = 99;
  // Gap state since the last item.
  private sep = '';
  private newlines = 0;
  private fillers = 0;
  private fillerLen = 0;
  private space = false;
  private plus = false;
  private plusAt = -1;
  private openParen = false;
  private blockNext = false;
  // Number words waiting to be grouped: `words[0, nWords)`, objects reused (like items).
  private readonly words: PlacedWord[] = [];
  private nWords = 0;
  private hyphenEnd = -1;
  private afterCapWord = false;
  private wordsSep = '';
  // The lexeme waiting for its successor (one lexeme of look-ahead) and its offset shift.
  private pending: Lexeme | undefined = undefined;
  private pendingShift = 0;

  constructor(
    private readonly onChain: (c: Chain) => void,
    private readonly eightyFirst: boolean,
  ) {
    this.chain = { items: this.items, phoneCue: false, refCue: false };
  }

  push(l: Lexeme, shift: number): void {
    const p = this.pending;
    if (p !== undefined)
      this.step(p, p.start + this.pendingShift, p.end + this.pendingShift, l, l.start + shift);
    this.pending = l;
    this.pendingShift = shift;
  }

  end(): void {
    const p = this.pending;
    if (p !== undefined) this.step(p, p.start + this.pendingShift, p.end + this.pendingShift, undefined, -1);
    this.pending = undefined;
    this.flushChain();
  }

  private emit(): void {
    const items = this.items;
    markPatterns(items);
    this.chain.phoneCue = this.phoneCue;
    this.chain.refCue = this.refCue;
    this.onChain(this.chain);
    // Emptied in place (one array per builder): `length = 0` is a runtime call, pops are not.
    while (items.length > 0) items.pop();
  }

  private flushChain(): void {
    this.flushWords();
    if (this.items.length > 0) this.emit();
  }

  private lastItem(): NumItem | undefined {
    return this.items[this.items.length - 1];
  }

  private pushItem(
    digits: string,
    start: number,
    end: number,
    src: ItemSrc,
    weak: boolean,
    langs: readonly NumLang[],
  ): void {
    const items = this.items;
    let it = this.pool[items.length];
    if (it === undefined) {
      it = blankItem();
      this.pool.push(it);
    }
    it.digits = digits;
    it.start = start;
    it.end = end;
    it.src = src;
    it.weak = weak;
    it.langs = langs;
    it.blocked = false;
    it.capBefore = this.afterCapWord;
    this.afterCapWord = false;
    if (items.length === 0) {
      this.phoneCue = this.phoneCueAge <= 6;
      this.refCue = this.refCueAge <= 3;
    }
    it.plus = this.plus;
    it.plusAt = this.plus ? this.plusAt : -1;
    it.sep = this.sep;
    it.newlinesBefore = this.newlines;
    it.fillerBefore = this.fillers > 0;
    it.spaceBefore = this.space;
    it.paren = this.openParen;
    if (this.blockNext) it.blocked = true;
    // After "SIRET", "réf", "IBAN": the reference runs until a separator other than a space.
    if (
      this.refCue &&
      (items.length === 0 || (items[items.length - 1]!.blocked && it.sep === '' && this.newlines === 0))
    ) {
      it.blocked = true;
    }
    items.push(it);
    // No ad has 256 number groups in a row; cutting keeps memory flat on hostile text (GC was 30 %).
    if (items.length >= MAX_CHAIN) this.emit();
    this.sep = '';
    this.newlines = 0;
    this.fillers = 0;
    this.space = false;
    this.plus = false;
    this.openParen = false;
    this.blockNext = false;
  }

  private flushWords(): void {
    if (this.nWords === 0) return;
    if (this.nWords === 1) {
      this.flushOneWord(this.words[0]!);
      return;
    }
    const groups = groupWords(this.words.slice(0, this.nWords), this.eightyFirst);
    this.sep = this.wordsSep;
    // A lone connector ("06/12 et 07/12") separates like a filler word.
    if (groups.length === 0 && this.items.length > 0) this.fillers++;
    let first = true;
    for (const g of groups) {
      if (!first) {
        this.sep = '';
        this.space = true;
      }
      // Weak only when read from one weak word (flushOneWord).
      this.pushItem(g.digits, g.start, g.end, 'words', false, g.langs);
      first = false;
    }
    this.nWords = 0;
    this.hyphenEnd = -1;
  }

  /**
   * `flushWords` for a lone word, as `groupWords` reads it (a unit, teen, tens or "cent" is one group; other
   * words none) without its allocations: floods like "0six3nine" flush one word at a time.
   */
  private flushOneWord(w: PlacedWord): void {
    this.sep = this.wordsSep;
    const { cls, value, weak, lang } = w.word;
    if (cls === 'unit' || cls === 'teen' || cls === 'tens' || cls === 'hundred') {
      const digits = cls === 'hundred' ? '100' : String(value);
      this.pushItem(digits, w.start, w.end, 'words', digits.length === 1 && weak === true, langList(lang));
    } else if (this.items.length > 0) this.fillers++;
    this.nWords = 0;
    this.hyphenEnd = -1;
  }

  /** `ls`/`le`: offsets of `l`; `ns`: start of the next lexeme `nx` (lexemes are templates, see LexemeSink). */
  private step(l: Lexeme, ls: number, le: number, nx: Lexeme | undefined, ns: number): void {
    switch (l.k) {
      case 'ws':
        if (this.nWords > 0) break;
        this.newlines += l.newlines;
        this.space = true;
        if (this.newlines > 3) this.flushChain();
        break;
      case 's':
        this.symbol(l.ch, ls, le, nx, ns);
        break;
      case 'd':
      case 'lk':
        this.flushWords();
        this.pushItem(l.digits, ls, le, l.k === 'd' ? 'digits' : 'look', l.k === 'lk' && l.weak, NO_LANGS);
        break;
      case 'nw':
        this.numberWord(l.word, ls, le);
        break;
      case 'w':
        this.word(l.lower, l.cap, ls, le, nx, ns);
        break;
    }
  }

  private symbol(ch: string, ls: number, le: number, nx: Lexeme | undefined, ns: number): void {
    if (ch !== '(') this.afterCapWord = false;
    if (this.nWords > 0 && ch === '-') {
      // Only a hyphen glued on both sides joins words ("vingt-six"); " - " separates groups.
      this.hyphenEnd = this.words[this.nWords - 1]!.end === ls ? le : -1;
      return;
    }
    this.flushWords();
    // Phone emoji and currency signs are all '$', '%' or above U+00A0: skip the lookups for ASCII.
    const c0 = ch.charCodeAt(0);
    const role = c0 >= 0xa0 || c0 === 36 || c0 === 37 ? (SYMBOL_ROLES.get(ch) ?? 0) : 0;
    if (role === PHONE_EMOJI) {
      this.phoneCueAge = 0;
      this.refCueAge = 99;
    }
    if (role === CURRENCY) {
      const prev = this.lastItem();
      if (prev !== undefined && this.sep.length === 0 && this.fillers === 0) prev.blocked = true;
      // "€100": the amount follows the sign.
      if (nx !== undefined && (nx.k === 'd' || nx.k === 'nw') && ns === le) this.blockNext = true;
      this.flushChain();
      return;
    }
    if (ch === '+') {
      // A country-code plus starts a number or is glued to it; "01 + 99 + 00" uses '+' as a separator.
      if (this.items.length === 0 || (nx !== undefined && (nx.k === 'd' || nx.k === 'nw') && ns === le)) {
        this.plus = true;
        this.plusAt = ls;
      }
    }
    if (ch === '(') this.openParen = true;
    if (this.sep.length < 8) this.sep += ch;
    else this.flushChain();
  }

  private numberWord(word: NumWord, ls: number, le: number): void {
    if (word.cls === 'plus') {
      this.flushWords();
      this.plus = true;
      this.plusAt = ls;
      return;
    }
    const words = this.words;
    const n = this.nWords;
    if (n === 0) this.wordsSep = this.sep;
    const joined = n > 0 && (this.hyphenEnd === ls || words[n - 1]!.end === ls);
    const pw = words[n];
    if (pw === undefined) words.push({ word, start: ls, end: le, joined });
    else {
      pw.word = word;
      pw.start = ls;
      pw.end = le;
      pw.joined = joined;
    }
    this.nWords = n + 1;
    this.hyphenEnd = -1;
    if (n + 1 >= 64) this.flushWords();
  }

  private word(w: string, cap: boolean, ls: number, le: number, nx: Lexeme | undefined, ns: number): void {
    this.flushWords();
    this.afterCapWord = false;
    // "massage et plus, rdv au 06…": a "plus" or '+' followed by words is not a country-code plus.
    this.plus = false;
    const role = WORD_ROLES.get(w) ?? 0;
    const prev = this.lastItem();
    const adjacent = prev !== undefined && this.sep.length === 0 && this.fillers === 0 && this.newlines === 0;
    // One-letter units count only glued to the number ("100e", "14h"): "… 41 07 e-mail" is not a price.
    if ((role & UNIT) !== 0 && adjacent && (w.length > 1 || prev!.end === ls)) {
      prev!.blocked = true;
      this.phoneCueAge++;
      this.refCueAge++;
      // "14h30", "24h/24", "7j/7": what follows is part of the same quantity.
      if (w === 'h' || w === 'hr' || w === 'min' || w === 'j') {
        if (nx !== undefined && ((nx.k === 'd' && ns === le) || (nx.k === 's' && nx.ch === '/'))) {
          this.blockNext = true;
        }
      }
      this.flushChain();
      return;
    }
    // A postcode before a city name: "06400 Cannes".
    if (
      cap &&
      prev !== undefined &&
      prev.digits.length === 5 &&
      prev.src === 'digits' &&
      this.sep === '' &&
      this.fillers === 0
    ) {
      prev.blocked = true;
    }
    if ((role & REF_CUE) !== 0) {
      this.refCueAge = 0;
      this.phoneCueAge = 99;
      this.flushChain();
      return;
    }
    if ((role & PHONE_CUE) !== 0) {
      this.phoneCueAge = 0;
      this.refCueAge = 99;
      this.flushChain();
      return;
    }
    this.phoneCueAge++;
    this.refCueAge++;
    this.afterCapWord = cap;
    if (this.items.length > 0) {
      this.fillers++;
      // "06 bisous 39", "mon 06 c'est le 39 98 41 07": up to two short filler words.
      if (this.fillers > 2 || w.length > 12 || (this.fillers === 2 && (w.length > 5 || this.fillerLen > 5)))
        this.flushChain();
      this.fillerLen = w.length;
    }
  }
}

const NO_LANGS: NumLang[] = [];
const MAX_CHAIN = 256;
