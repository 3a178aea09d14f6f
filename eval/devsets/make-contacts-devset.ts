/**
 * Generates the labelled contact dev sets (phones, e-mails, handles) with a seeded PRNG:
 *   node bin/run-ts.mjs eval/devsets/make-contacts-devset.ts
 * All numbers are fictitious: French 06 39 98 xx xx / 01 99 00 xx xx (ranges reserved for fiction), UK
 * 07700 900xxx (Ofcom drama range). Belgian, Swiss, Spanish, Romanian and Nigerian numbers are SYNTHETIC:
 * random subscriber digits in mobile ranges that libphonenumber accepts, not known to belong to anyone.
 * The hand-written lines live in phones-handwritten.jsonl (not generated).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { mulberry32 } from '../../src/core/prng.ts';

const here = dirname(fileURLToPath(import.meta.url));

const rnd = mulberry32(20261123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number): boolean => rnd() < p;
const d2 = (): string => String(Math.floor(rnd() * 100)).padStart(2, '0');
const d3 = (): string => String(Math.floor(rnd() * 1000)).padStart(3, '0');

// ---------- numbers ----------
interface Num {
  /** National digits as written in the country (FR: 10 digits with trunk 0). */
  national: string;
  e164: string;
  cc: string;
}
const frMobile = (): Num => {
  const n = `063998${d2()}${d2()}`;
  return { national: n, e164: `+33${n.slice(1)}`, cc: '33' };
};
const frFixed = (): Num => {
  const n = `019900${d2()}${d2()}`;
  return { national: n, e164: `+33${n.slice(1)}`, cc: '33' };
};
const foreign = (): Num => {
  for (;;) {
    const kind = pick(['GB', 'BE', 'CH', 'ES', 'RO', 'NG']);
    // [calling code, national significant number]
    const [cc, nsn] =
      kind === 'GB'
        ? ['44', `7700900${d3()}`]
        : kind === 'BE'
          ? ['32', `47${Math.floor(rnd() * 10)}${d2()}${d2()}${d2()}`]
          : kind === 'CH'
            ? ['41', `7${pick(['6', '7', '8', '9'])}${d3()}${d2()}${d2()}`]
            : kind === 'ES'
              ? ['34', `6${d2()}${d2()}${d2()}${d2()}`]
              : kind === 'RO'
                ? ['40', `7${pick(['2', '4', '5', '6'])}${Math.floor(rnd() * 10)}${d3()}${d3()}`]
                : ['234', `80${pick(['3', '6'])}${d3()}${d2()}${d2()}`];
    const e = `+${cc}${nsn}`;
    const p = parsePhoneNumberFromString(e);
    if (kind === 'GB' || (p?.isValid() && p.number === e)) {
      return { national: kind === 'ES' ? nsn : `0${nsn}`, e164: e, cc };
    }
  }
};
const nsnOf = (n: Num): string => n.e164.slice(1 + n.cc.length);

// ---------- writers ----------
const FR_UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];
const FR_TEENS = [
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const FR_TENS = [
  '',
  '',
  'vingt',
  'trente',
  'quarante',
  'cinquante',
  'soixante',
  'soixante',
  'quatre-vingt',
  'quatre-vingt',
];
function fr99(n: number, hy: string): string {
  if (n < 10) return FR_UNITS[n]!;
  if (n < 20) return FR_TEENS[n - 10]!.replace('-', hy);
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (t === 7 || t === 9) {
    const teen = FR_TEENS[u + 0]!.replace('-', hy);
    return `${FR_TENS[t]!.replace('-', hy)}${u === 1 && t === 7 ? `${hy}et${hy}` : hy}${teen}`;
  }
  if (u === 0) return FR_TENS[t]!.replace('-', hy) + (t === 8 && chance(0.5) ? 's' : '');
  if (u === 1 && t !== 8) return `${FR_TENS[t]}${hy}et${hy}un`;
  return `${FR_TENS[t]!.replace('-', hy)}${hy}${FR_UNITS[u]}`;
}
const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_MISS: Record<string, string[]> = {
  zero: ['oh', 'zer0', 'o'],
  one: ['won'],
  two: ['too', 'to'],
  three: ['tree', 'thr33'],
  four: ['for', 'fore'],
  five: ['fiv', 'f1ve'],
  eight: ['ate'],
  nine: ['nein', 'n1ne'],
};
const EN_TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function en99(n: number, hy: string): string {
  if (n < 10) return EN_UNITS[n]!;
  if (n < 20) return EN_TEENS[n - 10]!;
  const u = n % 10;
  return u === 0 ? EN_TENS[Math.floor(n / 10)]! : `${EN_TENS[Math.floor(n / 10)]}${hy}${EN_UNITS[u]}`;
}
const ES_UNITS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
const ES_TEENS = [
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
];
const ES_TENS = [
  '',
  '',
  'veinte',
  'treinta',
  'cuarenta',
  'cincuenta',
  'sesenta',
  'setenta',
  'ochenta',
  'noventa',
];
const VEINTI = [
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
function es99(n: number): string {
  if (n < 10) return ES_UNITS[n]!;
  if (n < 20) return ES_TEENS[n - 10]!;
  if (n < 30) return VEINTI[n - 20]!;
  const u = n % 10;
  return u === 0 ? ES_TENS[Math.floor(n / 10)]! : `${ES_TENS[Math.floor(n / 10)]} y ${ES_UNITS[u]}`;
}
const pairs = (s: string): string[] => s.match(/\d{1,2}/g)!;
function spellPairs(n: string, lang: 'fr' | 'en' | 'es'): string {
  // First two digits one by one ("zéro six"), then pairs or single digits.
  const sep = pick([' ', ' ', ', ', ' - ', '  ']);
  const hy = lang === 'fr' ? pick(['-', ' ', '-']) : pick([' ', '-']);
  const unit = (d: number): string => {
    const w = lang === 'fr' ? FR_UNITS[d]! : lang === 'en' ? EN_UNITS[d]! : ES_UNITS[d]!;
    if (lang === 'en' && EN_MISS[w] && chance(0.3)) return pick(EN_MISS[w]!);
    if (lang === 'fr' && w === 'zéro' && chance(0.3)) return 'zero';
    return w;
  };
  const parts: string[] = [unit(Number(n[0])), unit(Number(n[1]))];
  const rest = n.slice(2);
  const mode = pick(['pairs', 'digits', 'mix']);
  for (const p of pairs(rest)) {
    const v = Number(p);
    const asPair = p[0] !== '0' && (mode === 'pairs' || (mode === 'mix' && chance(0.5)));
    if (asPair) parts.push(lang === 'fr' ? fr99(v, hy) : lang === 'en' ? en99(v, hy) : es99(v));
    else if (p[0] === p[1] && chance(0.4)) {
      parts.push(`${lang === 'fr' ? 'double' : lang === 'en' ? 'double' : 'doble'} ${unit(Number(p[0]))}`);
    } else parts.push(`${unit(Number(p[0]))} ${unit(Number(p[1]))}`);
  }
  return parts.join(sep);
}
const KEYCAP = (d: string): string => `${d}\ufe0f\u20e3`;
const CIRCLED = '⓪①②③④⑤⑥⑦⑧⑨';
const DINGBAT = ['⓿', '➊', '➋', '➌', '➍', '➎', '➏', '➐', '➑', '➒'];
const wide = (d: string, base: number): string => String.fromCodePoint(base + Number(d));
const LOOK: Record<string, string[]> = { '0': ['O', 'o'], '1': ['l', 'I'] };

function group(n: string): string[] {
  return n.length === 10
    ? pairs(n)
    : n.length === 11
      ? [n.slice(0, 5), n.slice(5)]
      : [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
}

type Writer = (n: Num) => string;
const WRITERS: Record<string, Writer[]> = {
  plain: [(n) => n.national],
  spaced: [
    (n) => group(n.national).join(' '),
    (n) => group(n.national).join('.'),
    (n) => group(n.national).join('-'),
    (n) =>
      n.national.length === 10
        ? `${n.national.slice(0, 4)} ${n.national.slice(4, 7)} ${n.national.slice(7)}`
        : group(n.national).join(' '),
  ],
  international: [
    (n) => `+${n.cc} ${group(nsnOf(n)).join(' ')}`,
    (n) => n.e164,
    (n) => `00${n.cc} ${nsnOf(n)}`,
    (n) =>
      n.cc === '34'
        ? `+34 ${nsnOf(n)}`
        : `+${n.cc} (0)${nsnOf(n).slice(0, 1)} ${pairs(nsnOf(n).slice(1)).join(' ')}`,
    (n) => `(+${n.cc}) ${nsnOf(n)}`,
    (n) => `+${n.cc}${nsnOf(n).slice(0, 1)}.${pairs(nsnOf(n).slice(1)).join('.')}`,
  ],
  spelled_fr: [(n) => spellPairs(n.national, 'fr')],
  spelled_en: [(n) => spellPairs(n.national, 'en')],
  spelled_es: [(n) => spellPairs(n.national, 'es')],
  mixed_words_digits: [
    (n) =>
      pairs(n.national)
        .map((p, i) =>
          i % 2 === 1
            ? p[0] === '0'
              ? `${FR_UNITS[0]} ${FR_UNITS[Number(p[1])]}`
              : fr99(Number(p), '-')
            : p,
        )
        .join(' '),
    (n) =>
      pairs(n.national)
        .map((p, i) => (i === 0 || chance(0.5) ? p : en99(Number(p), '-')))
        .join(' '),
    (n) => [...n.national].map((d) => (chance(0.5) ? d : FR_UNITS[Number(d)])).join(' '),
    (n) =>
      `${n.national.slice(0, 2)} ${[...n.national.slice(2)].map((d) => (chance(0.4) ? EN_UNITS[Number(d)] : d)).join('')}`,
  ],
  lookalike_letters: [
    (n) =>
      group(n.national)
        .map((g) => [...g].map((d) => (LOOK[d] && chance(0.7) ? pick(LOOK[d]!) : d)).join(''))
        .join(' '),
    (n) => [...n.national].map((d) => (d === '0' ? 'O' : d === '1' ? 'l' : d)).join(''),
    (n) =>
      pairs(n.national)
        .map((p) => p.replace(/0/g, 'o').replace(/1/g, 'I'))
        .join('.'),
  ],
  separated_symbols: [
    (n) => [...n.national].join(pick(['-', '.', '*', '/', '_', ' - ', '•', '|'])),
    (n) => [...n.national].map((d) => `[${d}]`).join(''),
    (n) => pairs(n.national).join(pick([' / ', ' * ', ' | ', '/', ' ~ ', ' + '])),
    (n) => pairs(n.national).join(pick(['💋', ' 🌹 ', '🔥', ' ❤️ ', '✨'])),
    (n) => [...n.national].join(' '),
  ],
  emoji_digits: [
    (n) => [...n.national].map(KEYCAP).join(''),
    (n) =>
      pairs(n.national)
        .map((p) => [...p].map(KEYCAP).join(''))
        .join(' '),
    (n) => [...n.national].map((d) => CIRCLED[Number(d)]).join(''),
    (n) => [...n.national].map((d) => DINGBAT[Number(d)]).join(' '),
    (n) =>
      `${n.national.slice(0, 2)} ${[...n.national.slice(2)].map((d, i) => (i % 2 ? KEYCAP(d) : d)).join('')}`,
  ],
  fullwidth_or_math: [
    (n) => [...n.national].map((d) => wide(d, 0xff10)).join(''),
    (n) =>
      pairs(n.national)
        .map((p) => [...p].map((d) => wide(d, 0x1d7ce)).join(''))
        .join(' '),
    (n) => [...n.national].map((d) => wide(d, 0x1d7ec)).join(''),
    (n) =>
      pairs(n.national)
        .map((p) => [...p].map((d) => wide(d, 0x1d7f6)).join(''))
        .join('.'),
  ],
  split_lines: [
    (n) => group(n.national).join('\n'),
    (n) => `${n.national.slice(0, 4)}\n${n.national.slice(4, 7)}\n${n.national.slice(7)}`,
    (n) => pairs(n.national).join(' \n'),
    (n) => `${n.national.slice(0, 6)}\n${n.national.slice(6)}`,
  ],
  other_obfuscation: [
    (n) => pairs(n.national).join(` ${pick(['bisous', 'xx', 'love', 'chéri', 'kiss'])} `),
    (n) => [...n.national].join('\u200b'),
    (n) =>
      `${n.national.slice(0, 1)} ${n.national.slice(1, 4)} ${n.national.slice(4, 5)} ${n.national.slice(5)} (enlève les espaces)`,
    (n) => `${pairs(n.national).join(' ')}`.replace(/ /g, () => pick(['  ', ' . ', ',', ' ; '])),
    (n) => [...n.national].join(' ').replace(/ /g, () => pick([' ', '  ', ' _ '])) + ' sans les espaces',
  ],
};

const FR_BEFORE = [
  'Appelle-moi au',
  'Tél :',
  'Contact :',
  'Mon numéro :',
  'Pour rdv',
  'Joignable au',
  'SMS uniquement',
  'dispo ce soir, appelle',
  'écris-moi',
  '📞',
  'Num perso',
  'Infos au',
  'Nouvelle en ville ! Contact',
];
const EN_BEFORE = ['Call me', 'Text', 'My number', 'Call or text', 'Contact', 'Reach me at'];
const ES_BEFORE = ['Llámame al', 'Mi número', 'Contacto', 'Escríbeme'];
const FILL_BEFORE = [
  'Lola 23 ans, de passage à Lyon.',
  'Salut les gars, 100€ la demi-heure.',
  'Sophie, 1m65, 55 kg.',
  'Dispo 7/7 de 10h à 22h.',
  'Hello, nouvelle à Paris 15.',
  '',
  '',
  'Jolie brune 25 ans.',
  'Tarifs : 30 min 80 roses, 1h 150 roses.',
];
const FILL_AFTER = [
  'bisous',
  'à bientôt',
  '',
  '',
  'pas de numéro masqué',
  'merci de rester discret',
  'dispo 24/7',
  'réponse rapide',
  '😘',
  'pas de sms',
];

function wrap(phoneText: string, style: string): string {
  const lang = style === 'spelled_en' ? 'en' : style === 'spelled_es' ? 'es' : chance(0.15) ? 'en' : 'fr';
  const before = lang === 'en' ? pick(EN_BEFORE) : lang === 'es' ? pick(ES_BEFORE) : pick(FR_BEFORE);
  const fb = chance(0.6) ? pick(FILL_BEFORE) : '';
  const fa = chance(0.5) ? pick(FILL_AFTER) : '';
  return [fb, before, phoneText, fa].filter((x) => x !== '').join(' ');
}

interface PhoneCase {
  text: string;
  expected: string[];
  style: string;
  phone?: string;
}
const phones: PhoneCase[] = [];
const NAT_ONLY = new Set([
  'spelled_fr',
  'spelled_en',
  'spelled_es',
  'mixed_words_digits',
  'lookalike_letters',
  'emoji_digits',
  'fullwidth_or_math',
  'split_lines',
  'separated_symbols',
  'other_obfuscation',
  'plain',
  'spaced',
]);
for (const [style, writers] of Object.entries(WRITERS)) {
  const count = style === 'international' ? 70 : 50;
  for (let i = 0; i < count; i++) {
    const n = style === 'international' && chance(0.55) ? foreign() : chance(0.2) ? frFixed() : frMobile();
    if (NAT_ONLY.has(style) && !n.e164.startsWith('+33')) continue;
    const text = wrap(pick(writers)(n), style);
    const c: PhoneCase = { text, expected: [n.e164], style };
    if (chance(0.12)) {
      // A second number, plain, in the same ad.
      const m = frMobile();
      if (m.e164 !== n.e164) {
        c.text += ` ou ${group(m.national).join(' ')}`;
        c.expected.push(m.e164);
      }
    }
    phones.push(c);
  }
}
for (let i = 0; i < 40; i++) {
  const n = chance(0.8) ? frMobile() : frFixed();
  const phone = pick([
    n.national,
    group(n.national).join(' '),
    n.e164,
    group(n.national).join('.'),
    n.national.slice(1),
  ]);
  phones.push({
    text: pick(FILL_BEFORE) || 'Annonce sans numéro dans le texte.',
    phone,
    expected: [n.e164],
    style: 'structured_field',
  });
}

// ---------- hard negatives ----------
const NEG: (() => string)[] = [
  () =>
    `${pick(['100', '150', '200', '250', '300'])}€ la demi-heure, ${pick(['200', '300', '400'])}€ l'heure`,
  () =>
    `Tarifs : 30 min ${pick(['80', '100'])} roses, 1h ${pick(['150', '180'])} roses, nuit ${pick(['600', '800', '1000'])} roses`,
  () =>
    `Dispo le ${1 + Math.floor(rnd() * 28)}/${1 + Math.floor(rnd() * 12)}/${pick(['2024', '2025', '26'])} à ${10 + Math.floor(rnd() * 12)}h${pick(['00', '30', ''])}`,
  () =>
    `RDV ${pick(['lundi', 'mardi', 'samedi'])} ${1 + Math.floor(rnd() * 28)}.${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}.${pick(['2024', '2025'])} de ${pick(['10:00', '14:30', '09:15'])} à ${pick(['18:00', '22:30', '23:45'])}`,
  () =>
    `${18 + Math.floor(rnd() * 20)} ans, ${pick(['1m60', '1m72', '165 cm'])}, ${45 + Math.floor(rnd() * 30)} kg, ${pick(['90D', '85C', '95B'])}`,
  () =>
    `Secteur ${pick(['75015', '69003', '13008', '33000', '59000', '06000'])} ${pick(['Paris', 'Lyon', 'Marseille', 'Bordeaux', 'Lille', 'Nice'])}, dispo 24/7`,
  () =>
    `SIRET ${d3()} ${d3()} ${d3()} ${String(Math.floor(rnd() * 100000)).padStart(5, '0')} - SIREN ${d3()}${d3()}${d3()}`,
  () => `Réf. annonce ${pick(['0', '1', '7'])}${d3()}${d3()}${d3()}`,
  () =>
    `Commande n° ${pick(['0', '1', '9'])}${d3()}${d3()}${d3()}${d2()} expédiée le ${1 + Math.floor(rnd() * 28)}/0${1 + Math.floor(rnd() * 9)}`,
  () =>
    `${pick(['Clio 4', 'Golf 7', '308 GT', 'Twingo'])} ${pick(['2014', '2016', '2019'])}, ${pick(['120 000', '85 500', '65000', '142 300'])} km, ${pick(['8 500', '12 900', '6500'])} €, CT ok`,
  () => `IBAN FR76 ${d2()}${d2()} ${d2()}${d2()} 0${d3()} ${d2()}${d2()} ${d2()}${d2()} ${d3()}`,
  () => `Dispo 7/7 24h/24, ${pick(['7j/7', '365/365', '24/7'])}`,
  () =>
    `Pack ${pick(['3', '5', '7'])} nuits hôtel ${pick(['450', '600', '900'])} € + ${pick(['50', '100'])}% pour toi`,
  () =>
    `Gagne ${pick(['500', '800', '1000'])} € par jour, ${pick(['2', '3'])} filles, ${pick(['18', '19', '20'])} - ${pick(['25', '30'])} ans`,
  () => `Colis ${pick(['6A', '8R', '1Z'])}${d3()}${d3()}${d3()}${d2()} suivi La Poste`,
  () => `Mensurations 90-60-90, pointure 38, taille ${pick(['36', '38'])}`,
  () =>
    `Ouvert de 10h à 22h, ${pick(['2 rue', '14 avenue', '7 bd'])} ${pick(['Victor Hugo', 'de la Gare', 'Voltaire'])} 75011`,
  () =>
    `${pick(['cent cinquante', 'deux cents', 'trois cents'])} ${pick(['roses', 'euros'])} la nuit, ${pick(['vingt', 'vingt-deux', 'dix-neuf'])} ans`,
  () => `Photos ${pick(['2023', '2024'])}, annonce ${d3()}${d3()}, vue ${d3()} fois`,
  () => `Tel. ${pick(['06', '07'])} ${d2()} ${d2()} ${d2()}`, // too short: a truncated number is not a phone
  () =>
    `Code promo ${pick(['0639', '1999', '2024'])}${d2()} valable jusqu'au ${1 + Math.floor(rnd() * 28)}/12/2025`,
  () => `Numéro de dossier ${pick(['0', '2'])}${d3()} ${d3()} ${d3()} ${d3()}`,
  () =>
    `Horaires : ${pick(['10h30', '11h'])} - ${pick(['14h', '15h30'])} / ${pick(['17h', '18h'])} - ${pick(['22h', '23h30'])}`,
  () =>
    `Prix : ${pick(['1 200', '1200', '950'])} € à débattre, ${pick(['2 pièces', '3 pièces'])} ${pick(['45', '62'])} m²`,
  () =>
    `Born in ${pick(['1999', '2001', '2003'])}, ${pick(['5', '6'])}'${pick(['2', '5', '7'])}, ${pick(['110', '125'])} lbs`,
  () =>
    `Se ${pick(['vende', 'alquila'])} piso ${pick(['85', '120'])} m2, ${pick(['150.000', '230 000'])} €, año ${pick(['1998', '2005'])}`,
  () =>
    `Quatre-vingt-dix minutes pour ${pick(['deux cents', 'trois cents'])} euros, le ${pick(['douze', 'vingt'])} mars`,
];
for (let i = 0; i < 230; i++) phones.push({ text: pick(NEG)(), expected: [], style: 'negative' });

// ---------- e-mails ----------
const LOCALS = [
  'lola',
  'sophie.b',
  'jade_75',
  'mila93',
  'nina.paris',
  'clara-x',
  'eva2000',
  'lea.douce',
  'zoe_vip',
  'ines.m',
];
const DOMAINS = [
  ['gmail', 'com'],
  ['hotmail', 'fr'],
  ['outlook', 'com'],
  ['yahoo', 'fr'],
  ['proton', 'me'],
  ['laposte', 'net'],
  ['mail', 'com'],
  ['orange', 'fr'],
];
const EMAIL_WRITERS: [string, (l: string, d: string, t: string) => string][] = [
  ['plain', (l, d, t) => `${l}@${d}.${t}`],
  ['plain', (l, d, t) => `${l.toUpperCase()}@${d}.${t}`],
  ['at_words', (l, d, t) => `${l} (at) ${d} point ${t}`],
  ['at_words', (l, d, t) => `${l} arobase ${d} point ${t}`],
  ['at_words', (l, d, t) => `${l} [at] ${d} [dot] ${t}`],
  ['at_words', (l, d, t) => `${l} at ${d} dot ${t}`],
  ['at_words', (l, d, t) => `${l}{at}${d}(dot)${t}`],
  ['spaces', (l, d, t) => `${l} @ ${d} . ${t}`],
  ['spaces', (l, d, t) => `${l} @${d}.${t}`],
  ['unicode', (l, d, t) => `${l}＠${d}．${t}`],
  ['unicode', (l, d, t) => `${l}@${d}.${t}`.replace('o', 'о')],
];
const emailCases: { text: string; expected: string[]; style: string }[] = [];
for (let i = 0; i < 150; i++) {
  const [style, w] = pick(EMAIL_WRITERS);
  const l = pick(LOCALS);
  const [d, t] = pick(DOMAINS);
  const before = pick(['Écris-moi :', 'Mail :', 'Contact', 'email me at', 'Infos par mail', 'Correo:', '']);
  const after = pick(['', 'bisous', 'réponse rapide', 'no sms', '']);
  emailCases.push({
    text: [before, w(l, d!, t!), after].filter(Boolean).join(' '),
    expected: [`${l}@${d}.${t}`],
    style,
  });
}
const EMAIL_NEG = [
  'Snap @lola_vip et insta @jade.75',
  'Rdv at the hotel near the station',
  'Disponible at night, point de rencontre gare',
  'Prix 100 @ la demi-heure',
  'Je suis à Paris, point final.',
  'Meet me at 10 pm, dot com startup girl',
  'Contact par sms uniquement, pas de mail',
  '@@@ nouvelle @@@',
  'lola at home tonight',
  'Suivez-moi @lola sur insta',
];
for (let i = 0; i < 40; i++) emailCases.push({ text: pick(EMAIL_NEG), expected: [], style: 'negative' });

// ---------- handles ----------
const NAMES = [
  'lola_vip',
  'jade.75',
  'mila93',
  'nina_paris',
  'sweet.clara',
  'eva2k',
  'lea_douce',
  'zoe.xo',
  'ines_m',
  'lily.b',
];
const HANDLE_WRITERS: [string, string, (h: string) => string][] = [
  ['snapchat', 'cue', (h) => `snap: ${h}`],
  ['snapchat', 'cue', (h) => `Snapchat : @${h}`],
  ['snapchat', 'emoji', (h) => `👻 ${h}`],
  ['snapchat', 'cue', (h) => `ajoute moi sur snap ${h}`],
  ['snapchat', 'url', (h) => `https://www.snapchat.com/add/${h}`],
  ['snapchat', 'cue', (h) => `SC = ${h}`],
  ['instagram', 'cue', (h) => `insta @${h}`],
  ['instagram', 'cue', (h) => `IG: ${h}`],
  ['instagram', 'url', (h) => `instagram.com/${h}`],
  ['telegram', 'cue', (h) => `Telegram @${h}`],
  ['telegram', 'url', (h) => `t.me/${h}`],
  ['telegram', 'cue', (h) => `tg: @${h}`],
  ['tiktok', 'cue', (h) => `TikTok @${h}`],
  ['tiktok', 'url', (h) => `tiktok.com/@${h}`],
  ['x', 'cue', (h) => `Twitter @${h}`],
  ['x', 'url', (h) => `x.com/${h}`],
  ['onlyfans', 'cue', (h) => `OnlyFans : ${h}`],
  ['onlyfans', 'url', (h) => `onlyfans.com/${h}`],
  ['onlyfans', 'cue', (h) => `OF: @${h}`],
  ['mym', 'cue', (h) => `MYM ${h}`],
  ['mym', 'url', (h) => `mym.fans/${h}`],
];
const handleCases: { text: string; expected: string[]; style: string }[] = [];
for (let i = 0; i < 140; i++) {
  const [platform, style, w] = pick(HANDLE_WRITERS);
  const h = pick(NAMES);
  const before = pick(['Nouvelle !', 'Contact', 'Retrouve-moi', 'Follow', '', 'Dispo ce soir.']);
  const after = pick(['', 'bisous', '😘', 'pour plus de photos', '']);
  handleCases.push({
    text: [before, w(h), after].filter(Boolean).join(' '),
    expected: [`${platform}:${h}`],
    style,
  });
}
for (let i = 0; i < 25; i++) {
  const n = frMobile();
  const w = pick([
    `WhatsApp : ${group(n.national).join(' ')}`,
    `${group(n.national).join(' ')} (whatsapp uniquement)`,
    `wa.me/33${n.national.slice(1)}`,
    `Whatsapp ${n.e164}`,
  ]);
  handleCases.push({ text: `Contact ${w}`, expected: [`whatsapp:${n.e164}`], style: 'whatsapp' });
}
const HANDLE_NEG = [
  'ajoute moi sur snap : dispo',
  'snap uniquement pour les habitués',
  'insta privé, demande en mp',
  'Of course I am available tonight',
  'Mon snap est sur demande',
  'Pas de whatsapp, sms uniquement',
  'Écris à lola.vip@gmail.com',
  'Je suis une vraie fille, pas de fake',
  'X 2 filles dispo',
  'Snap : oui, insta : non',
  'tg et insta sur demande',
  'follow me for more',
];
for (let i = 0; i < 40; i++) handleCases.push({ text: pick(HANDLE_NEG), expected: [], style: 'negative' });

function write(name: string, rows: object[]): void {
  writeFileSync(join(here, name), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  console.log(`${name}: ${rows.length} lines`);
}
write('phones.jsonl', phones);
write('emails.jsonl', emailCases);
write('handles.jsonl', handleCases);
