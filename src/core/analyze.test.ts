import { describe, expect, it } from 'vitest';
import { analyzeAd } from './analyze.ts';
import { agesFromTokens } from './extract/ages.ts';
import { languageFromTokens } from './extract/language.ts';
import { namesFromTokens } from './extract/names.ts';
import { placesFromTokens } from './extract/places.ts';
import { pricesFromTokens } from './extract/prices.ts';
import { tokenizeFields } from './gazetteer/text-tokens.ts';
import { defaultLexicon, detectIndicators } from './score/indicators.ts';
import { DEFAULT_MODEL } from './score/model.ts';
import type { Extraction } from './types.ts';
import { ADVERSARIAL_TEXTS as ADVERSARIAL } from '../test-support/adversarial.ts';

describe('analyzeAd', () => {
  it('runs every extractor, explains every indicator and scores in [0, 1]', () => {
    const ad = {
      title: 'Léa, 19 ans, tout juste majeure 🍭',
      body: "Petite nouvelle sur Lyon 3e. Appelle le zéro six 39 98 00 12. 150 roses l'heure. Discrétion assurée.",
    };
    const a = analyzeAd(ad);
    expect(a.extraction.ages.map((x) => x.age)).toEqual([19]);
    expect(a.extraction.places[0]).toMatchObject({ name: 'Lyon', insee: '69383' });
    expect(a.extraction.names.map((n) => n.name)).toEqual(['Léa']);
    expect(a.extraction.prices[0]).toMatchObject({ amount: 150, currency: 'roses', minutes: 60 });
    expect(a.extraction.language).toBe('fr');
    const codes = a.indicators.map((h) => h.code);
    expect(codes).toContain('minor.just_adult');
    expect(codes).toContain('minor.youth_emoji');
    expect(codes).toContain('trust.discretion');
    for (const h of a.indicators) {
      const text = h.field === 'title' ? ad.title : ad.body;
      expect(h.end).toBeGreaterThan(h.start);
      expect(text.slice(h.start, h.end).length).toBeGreaterThan(0);
    }
    const just = a.indicators.find((h) => h.code === 'minor.just_adult')!;
    expect(ad.title.slice(just.start, just.end)).toBe('tout juste majeure');
    expect(just.weight).toBe(DEFAULT_MODEL.categories.minor.weights['minor.just_adult']);
    expect(a.scores.minor).toBeGreaterThan(0.5);
    expect(a.scores.recruitment).toBeLessThan(0.2);
    expect(a.modelVersion.startsWith(`${DEFAULT_MODEL.version}+lex.`)).toBe(true);
    expect(a.modelVersion).toMatch(/\+lex\.[0-9a-f]{8}$/);
  });

  it('scores recruitment and control ads on their own categories', () => {
    const r = analyzeAd({
      body: 'Plans sous: on recrute filles, pack logement + sécurité, gagne 1000€ par jour.',
    });
    expect(r.scores.recruitment).toBeGreaterThan(0.9);
    const c = analyzeAd({
      body: 'Nos filles Jade et Mia vous attendent, elle est douce, appelez son manager.',
    });
    expect(c.scores.control).toBeGreaterThan(0.8);
    expect(c.indicators.map((h) => h.code)).toContain('control.multiple_names');
    const plain = analyzeAd({ body: 'Vends canapé trois places, bon état, à récupérer sur place.' });
    expect(Math.max(plain.scores.minor, plain.scores.control, plain.scores.recruitment)).toBeLessThan(0.1);
  });

  it('flags a stated age under 18 from the structured field', () => {
    const a = analyzeAd({ body: 'Bonjour, appelle-moi', age: 16 });
    expect(a.indicators.find((h) => h.code === 'minor.stated_age_under_18')).toMatchObject({ field: 'age' });
    expect(a.scores.minor).toBeGreaterThan(0.6);
  });

  it('movement words are shown but not weighted (NIJ 2024)', () => {
    const a = analyzeAd({ body: 'De passage, nouvelle en ville, dernier jour.' });
    expect(a.indicators.filter((h) => h.category === 'movement').length).toBeGreaterThan(0);
    for (const h of a.indicators) if (h.category === 'movement') expect(h.weight).toBe(0);
  });
});

/** Seeded random Unicode: letters, digits, emoji, combining marks, surrogate halves, controls. */
function randomText(seed: number, len: number): string {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  const pools = [
    () => String.fromCharCode(0x20 + (next() % 95)),
    () => String.fromCharCode(next() % 0x800),
    () => String.fromCodePoint(0x1f300 + (next() % 0x600)),
    () => String.fromCharCode(0xd800 + (next() % 0x800)),
    () => String.fromCharCode(0x300 + (next() % 0x70)),
    () => ['à ', 'Lyon ', '19 ans ', ' 06 ', '€', 'st-', '(93)', '\n', '-', "'", '️', '‍'][next() % 12]!,
    () => String.fromCodePoint(next() % 0x10ffff),
  ];
  let out = '';
  while (out.length < len) out += pools[next() % pools.length]!();
  return out;
}

describe('robustness', () => {
  it('never throws on seeded random Unicode', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const body = randomText(seed, 1 + ((seed * 37) % 900));
      const a = analyzeAd({
        title: randomText(seed + 1000, 40),
        body,
        city: randomText(seed + 2000, 12),
        age: seed % 90,
      });
      for (const h of a.indicators) expect(h.start).toBeLessThanOrEqual(h.end);
      for (const v of Object.values(a.scores)) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  const empty: Extraction = {
    phones: [],
    emails: [],
    handles: [],
    ages: [],
    places: [],
    prices: [],
    names: [],
    language: null,
  };
  const extractors: Record<string, (f: ReturnType<typeof tokenizeFields>) => unknown> = {
    places: (f) => placesFromTokens(f),
    ages: (f) => agesFromTokens(f),
    prices: (f) => pricesFromTokens(f),
    names: (f) => namesFromTokens(f),
    language: (f) => languageFromTokens(f),
    indicators: (f) => detectIndicators(f, empty, defaultLexicon()),
  };

  it('handles 1 MB of adversarial text per extractor within a generous bound', () => {
    defaultLexicon();
    placesFromTokens(tokenizeFields({ body: 'Lyon' }));
    for (const [kind, body] of Object.entries(ADVERSARIAL)) {
      const t0 = performance.now();
      const fields = tokenizeFields({ body });
      expect(performance.now() - t0, `tokenize ${kind}`).toBeLessThan(5000);
      for (const [name, run] of Object.entries(extractors)) {
        const t1 = performance.now();
        run(fields);
        // Generous robustness bound (linear-time check); real timings live in bench/analyze.bench.ts.
        expect(performance.now() - t1, `${name} on ${kind}`).toBeLessThan(5000);
      }
    }
  }, 120_000);
});
