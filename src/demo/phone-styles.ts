import type { PhoneStyle } from '../core/types.ts';
import type { FictionPhone } from './phone-pool.ts';
import type { Rng } from './prng.ts';

/** How the demo writes a phone number; `obfuscated` follows the contract's meaning (not plain/spaced). */
export interface WrittenPhone {
  text: string;
  style: PhoneStyle;
  obfuscated: boolean;
  /** Name of the generator's writing variant (finer than `style`), for per-style evaluation. */
  variant: string;
}

const FR_UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_SLANG: Record<string, string[]> = {
  '0': ['oh', 'zero'],
  '2': ['too', 'two'],
  '3': ['tree', 'three'],
  '4': ['for', 'four'],
};
const ES_DIGITS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];

/** French words for 0–99, as written in ads (hyphenated; "et un" for 21…61, 71). */
export function frenchNumber(n: number): string {
  if (n < 17) return FR_UNITS[n]!;
  if (n < 20) return `dix-${FR_UNITS[n - 10]}`;
  if (n < 70) {
    const t = Math.floor(n / 10);
    const u = n % 10;
    if (u === 0) return FR_TENS[t]!;
    if (u === 1) return `${FR_TENS[t]} et un`;
    return `${FR_TENS[t]}-${FR_UNITS[u]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${frenchNumber(n - 60)}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${frenchNumber(n - 80)}`;
}

function pairs(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i += 2) out.push(digits.slice(i, i + 2));
  return out;
}

function spelledFrenchPairs(national: string, rng: Rng): string {
  const noAccents = rng.chance(0.3);
  const words = pairs(national).map((p) => {
    const w = p[0] === '0' ? `zéro ${FR_UNITS[Number(p[1])]}` : frenchNumber(Number(p));
    return rng.chance(0.2) ? w.replace(/-/g, ' ') : w;
  });
  const s = words.join(rng.pick([' ', ' ', ', ', ' - ']));
  return noAccents ? s.replace(/é/g, 'e') : s;
}

function spelledDigits(national: string, words: readonly string[], rng: Rng, slang = false): string {
  return [...national]
    .map((d) => (slang && EN_SLANG[d] && rng.chance(0.4) ? rng.pick(EN_SLANG[d]!) : words[Number(d)]!))
    .join(rng.pick([' ', ' ', '-']));
}

function mixedWords(national: string, rng: Rng): string {
  const ps = pairs(national);
  let changed = false;
  const out = ps.map((p, i) => {
    if (i > 0 && rng.chance(0.5)) {
      changed = true;
      return p[0] === '0' ? `zéro ${FR_UNITS[Number(p[1])]}` : frenchNumber(Number(p));
    }
    return p;
  });
  if (!changed) out[2] = frenchNumber(Number(ps[2]));
  return out.join(' ');
}

function lookalike(national: string, rng: Rng): string {
  const ps = pairs(national).map((p) =>
    [...p]
      .map((d) => {
        if (d === '0' && rng.chance(0.7)) return rng.pick(['O', 'O', 'o']);
        if (d === '1' && rng.chance(0.7)) return rng.pick(['l', 'I', 'i', '!']);
        return d;
      })
      .join(''),
  );
  if (!ps[0]!.startsWith('O') && !ps[0]!.startsWith('o')) ps[0] = `O${ps[0]!.slice(1)}`;
  return ps.join(rng.pick([' ', '.', '']));
}

const KEYCAP = (d: string) => `${d}\uFE0F\u20E3`;
const FULLWIDTH = (d: string) => String.fromCharCode(0xff10 + Number(d));
const MATH_BOLD = (d: string) => String.fromCodePoint(0x1d7ce + Number(d));

function groups(national: string, sep: string): string {
  return pairs(national).join(sep);
}

/** National number grouped as it is usually read (UK: 07700 900123). */
function spaced(p: FictionPhone, sep: string): string {
  if (p.country === 'GB')
    return `${p.national.slice(0, 3)}${sep}${p.national.slice(3, 7)}${sep}${p.national.slice(7)}`;
  return groups(p.national, sep);
}

function international(p: FictionPhone, rng: Rng): string {
  const nsn = p.national.slice(1);
  const cc = p.country === 'FR' ? '33' : '44';
  if (p.country === 'GB')
    return rng.pick([
      `+44 ${nsn.slice(0, 2)} ${nsn.slice(2, 6)} ${nsn.slice(6)}`,
      `+44${nsn}`,
      `0044 ${nsn}`,
    ]);
  const grouped = `${nsn[0]} ${groups(nsn.slice(1), ' ')}`;
  return rng.pick([
    `+${cc} ${grouped}`,
    `+${cc}${nsn}`,
    `00${cc} ${grouped}`,
    `+${cc} (0)${grouped}`,
    `+${cc}.${nsn[0]}.${groups(nsn.slice(1), '.')}`,
  ]);
}

type Writer = (p: FictionPhone, rng: Rng) => Omit<WrittenPhone, 'obfuscated'>;

const international_: Writer = (p, rng) => ({
  text: international(p, rng),
  style: 'international',
  variant: 'international',
});

const PLAIN_WRITERS: Record<string, Writer> = {
  plain: (p) => ({ text: p.national, style: 'plain', variant: 'plain' }),
  spaced: (p) => ({ text: spaced(p, ' '), style: 'spaced', variant: 'spaced' }),
  dots: (p) => ({ text: spaced(p, '.'), style: 'spaced', variant: 'dots' }),
  dashes: (p) => ({ text: spaced(p, '-'), style: 'spaced', variant: 'dashes' }),
  international: (p, rng) => ({
    text: international(p, rng),
    style: 'international',
    variant: 'international',
  }),
};

const OBFUSCATED_WRITERS: Record<string, Writer> = {
  spelled_fr_pairs: (p, rng) => ({
    text: spelledFrenchPairs(p.national, rng),
    style: 'spelled_fr',
    variant: 'spelled_fr_pairs',
  }),
  spelled_fr_digits: (p, rng) => ({
    text: spelledDigits(p.national, FR_UNITS, rng),
    style: 'spelled_fr',
    variant: 'spelled_fr_digits',
  }),
  spelled_en: (p, rng) => ({
    text: spelledDigits(p.national, EN_DIGITS, rng, true),
    style: 'spelled_en',
    variant: 'spelled_en',
  }),
  mixed: (p, rng) => ({ text: mixedWords(p.national, rng), style: 'mixed_words_digits', variant: 'mixed' }),
  lookalike: (p, rng) => ({
    text: lookalike(p.national, rng),
    style: 'lookalike_letters',
    variant: 'lookalike',
  }),
  keycap: (p) => ({ text: [...p.national].map(KEYCAP).join(''), style: 'emoji_digits', variant: 'keycap' }),
  fullwidth: (p, rng) => {
    const f = rng.chance(0.7) ? FULLWIDTH : MATH_BOLD;
    return {
      text: pairs(p.national)
        .map((x) => [...x].map(f).join(''))
        .join(' '),
      style: 'fullwidth_or_math',
      variant: 'fullwidth',
    };
  },
  every_digit: (p, rng) => {
    const bracket = rng.chance(0.25);
    const text = bracket
      ? [...p.national].map((d) => `[${d}]`).join('')
      : [...p.national].join(rng.pick(['-', '*', '_', '.', ' . ', '|', '•', '/']));
    return { text, style: 'separated_symbols', variant: 'every_digit' };
  },
  group_symbols: (p, rng) => ({
    text: groups(p.national, rng.pick(['*', '/', ' / ', ' * ', '~', '#'])),
    style: 'separated_symbols',
    variant: 'group_symbols',
  }),
  split_lines: (p, rng) => {
    const g = pairs(p.national);
    const cut = rng.int(1, 3);
    return {
      text: `${g.slice(0, cut).join(' ')}\n${g.slice(cut).join(' ')}`,
      style: 'split_lines',
      variant: 'split_lines',
    };
  },
  remove_spaces: (p, rng) => ({
    text: `${[...p.national].join(' ')} ${rng.pick(['(enlève les espaces)', '(sans les espaces)', '- enlever les espaces', '(remove spaces)'])}`,
    style: 'other_obfuscation',
    variant: 'remove_spaces',
  }),
  group_words: (p, rng) => {
    const w = rng.pick(['puis', 'et', 'point', 'tiret']);
    return { text: pairs(p.national).join(` ${w} `), style: 'other_obfuscation', variant: 'group_words' };
  },
};

/** Spanish ads spell digits in Spanish. */
const SPANISH_WRITER: Writer = (p, rng) => ({
  text: spelledDigits(p.national, ES_DIGITS, rng),
  style: 'spelled_es',
  variant: 'spelled_es',
});

export const PLAIN_VARIANTS = Object.keys(PLAIN_WRITERS);
export const OBFUSCATED_VARIANTS = [...Object.keys(OBFUSCATED_WRITERS), 'spelled_es'];

/** Picks a writing variant name; `lang` steers spelled styles (English ads spell in English, etc.). */
export function pickVariant(rng: Rng, obfuscate: boolean, lang: string): string {
  if (!obfuscate) return rng.weighted(PLAIN_VARIANTS, [2, 5, 2, 1, 2]);
  if (lang === 'es' && rng.chance(0.5)) return 'spelled_es';
  if (lang === 'en' && rng.chance(0.4)) return 'spelled_en';
  const names = Object.keys(OBFUSCATED_WRITERS);
  return rng.pick(names.filter((n) => lang === 'en' || n !== 'spelled_en' || rng.chance(0.3)));
}

/** Writes `p` in the given variant. */
export function writePhone(p: FictionPhone, variant: string, rng: Rng): WrittenPhone {
  const plain = PLAIN_WRITERS[variant] as Writer | undefined;
  // A foreign number in a French ad only makes sense with its country code: in national form
  // (020 7946 0123) it would read as a French number. Plain styles become international, disguised
  // styles disguise the digits 0044…
  if (plain && p.country !== 'FR') return { ...international_(p, rng), obfuscated: false };
  if (plain) return { ...plain(p, rng), obfuscated: false };
  const w = (variant === 'spelled_es' ? SPANISH_WRITER : OBFUSCATED_WRITERS[variant]) as Writer | undefined;
  if (!w) throw new Error(`unknown phone variant ${variant}`);
  const digits = p.country === 'GB' ? { ...p, national: `0044${p.national.slice(1)}` } : p;
  return { ...w(digits, rng), obfuscated: true };
}
