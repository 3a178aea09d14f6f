import { describe, expect, it } from 'vitest';
import { extractPhones } from './phones.ts';

const M = '+33639981234';
function e164(body: string, title?: string): string[] {
  return extractPhones(title === undefined ? { body } : { body, title }).map((p) => p.e164);
}

describe('extractPhones — styles', () => {
  const cases: [string, string, string][] = [
    ['plain', 'Appelle-moi au 0639981234 bisous', 'plain'],
    ['spaced', 'Tél : 06 39 98 12 34', 'spaced'],
    ['dots', '06.39.98.12.34', 'spaced'],
    ['international', '+33 6 39 98 12 34', 'international'],
    ['trunk in parentheses', '+33 (0)6 39 98 12 34', 'international'],
    ['00 prefix', '0033 639 98 12 34', 'international'],
    ['spelled fr', 'zéro six trente-neuf quatre-vingt-dix-huit douze trente-quatre', 'spelled_fr'],
    ['spelled fr double', 'zéro six trois double neuf huit un deux trois quatre', 'spelled_fr'],
    ['spelled en', 'oh six three nine nine eight one two three four', 'spelled_en'],
    ['spelled en misspelled', 'zero six tree nine nine ate won too tree for', 'spelled_en'],
    ['spelled es', 'cero seis treinta y nueve noventa y ocho doce treinta y cuatro', 'spelled_es'],
    ['mixed', '06 trente-neuf 98 douze 34', 'mixed_words_digits'],
    ['lookalike', 'O6 39 98 l2 34', 'lookalike_letters'],
    ['symbols', '0-6-3-9-9-8-1-2-3-4', 'separated_symbols'],
    ['slashes and stars', '06 / 39 * 98 / 12 * 34', 'separated_symbols'],
    ['emoji separators', '06💋39💋98💋12💋34', 'separated_symbols'],
    ['keycaps', '0️⃣6️⃣3️⃣9️⃣9️⃣8️⃣1️⃣2️⃣3️⃣4️⃣', 'emoji_digits'],
    ['fullwidth', '０６３９９８１２３４', 'fullwidth_or_math'],
    ['split lines', 'mon num\n06 39\n98 12\n34', 'split_lines'],
    ['filler words', '06 bisous 39 bisous 98 bisous 12 bisous 34', 'other_obfuscation'],
  ];
  for (const [name, text, style] of cases) {
    it(name, () => {
      const r = extractPhones({ body: text });
      expect(r.map((p) => p.e164)).toEqual([M]);
      expect(r[0]!.style).toBe(style);
      expect(r[0]!.obfuscated).toBe(!['plain', 'spaced', 'international'].includes(style));
    });
  }
});

describe('extractPhones — values and spans', () => {
  it('reads foreign numbers with libphonenumber', () => {
    expect(e164('+32 470 12 34 56 / +41 79 123 45 67 / +34 612 34 56 78')).toEqual([
      '+32470123456',
      '+41791234567',
      '+34612345678',
    ]);
    expect(e164('UK: 07700 900123')).toEqual(['+447700900123']);
  });
  it('types fixed and mobile lines', () => {
    const r = extractPhones({ body: '01 99 00 12 34 ou 06 39 98 12 34' });
    expect(r.map((p) => [p.e164, p.type])).toEqual([
      ['+33199001234', 'fixed'],
      [M, 'mobile'],
    ]);
  });
  it('maps spans back to the original text', () => {
    const body = 'Lola ✨ 0️⃣6️⃣ 39 98 12 34 !';
    const [p] = extractPhones({ body });
    const s = p!.spans[0]!;
    expect(body.slice(s.start, s.end)).toBe('0️⃣6️⃣ 39 98 12 34');
  });
  it('dedupes across fields and merges spans', () => {
    const r = extractPhones({
      title: 'Lola 06 39 98 12 34',
      body: 'zéro six trente-neuf 98 12 34',
      phone: '0639981234',
    });
    expect(r).toHaveLength(1);
    expect(r[0]!.spans.map((s) => s.field)).toEqual(['title', 'body', 'phone']);
    expect(r[0]!.obfuscated).toBe(true);
  });
  it('does not take a far "plus" for a country code', () => {
    expect(e164('Clara, massage et plus, rdv au 06 39 98 23 56')).toEqual(['+33639982356']);
  });
  it('does not read digits inside a handle as the end of a number', () => {
    expect(e164('Call me on +44 20 7946 0356. insta: @megan5o2s1 No withheld numbers.')).toEqual([
      '+442079460356',
    ]);
  });
  it('reads a postcode after a city as a postcode', () => {
    expect(e164('Outcall to hotels in Nice (06100).\nAvailable 10am to 10pm.')).toEqual([]);
  });
  it('reads the structured field', () => {
    const r = extractPhones({ body: 'rien ici', phone: '6 39 98 12 34' });
    expect(r.map((p) => [p.e164, p.style])).toEqual([[M, 'structured_field']]);
  });
});

describe('extractPhones — hard negatives', () => {
  const negatives = [
    '100€ la demi-heure, 150 roses la nuit',
    'Rdv le 12/03/2024 à 14h30, 19 ans, 75015 Paris',
    'SIRET 812 345 678 00019',
    'Réf annonce 0639981234',
    'Dispo 24/7 et 7/7',
    'Clio 2016, 120 000 km, 8 500 €',
    'IBAN FR76 3000 6000 0112 3456 7890 189',
    'Commande n° 0639981234 expédiée',
    'Tarifs : 30 min 80, 1h 150, 2h 280, nuit 600',
    'le 01.02.2024 puis le 03.04.2025',
    'de 10:00 à 22:30',
  ];
  for (const n of negatives) it(n, () => expect(e164(n)).toEqual([]));
});
