/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { analyzeAd } from '../analyze.ts';
import { isVigieError } from '../errors.ts';
import { tokenize } from '../gazetteer/text-tokens.ts';
import { compileLexicons, defaultLexicon } from './indicators.ts';
import { compilePattern, parseLexiconFile } from './lexicon.ts';
import { LEXICON_FILES } from './lexicon-files.ts';
import { buildMatcher, matchAll } from './lexicon-matcher.ts';

const entry = (over: Record<string, unknown> = {}) => ({
  code: 'minor.test',
  category: 'minor',
  patterns: ['toute jeune'],
  weight: 1,
  note: 'test',
  ...over,
});

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(isVigieError(e, 'invalid_input')).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('lexicon schema', () => {
  it('accepts a valid file and inherits the file language', () => {
    const r = parseLexiconFile('x.json', { lang: 'fr', entries: [entry()] });
    expect(r.entries[0]!.lang).toBe('fr');
  });

  it('names the file, the entry and the field at fault', () => {
    expect(
      errorOf(() =>
        parseLexiconFile('fr/minor.json', {
          lang: 'fr',
          entries: [entry(), entry({ code: 'minor.x', category: 'youth' })],
        }),
      ),
    ).toMatch(/fr\/minor\.json: entry 1 \(minor\.x\), field "category"/);
    expect(
      errorOf(() => parseLexiconFile('a.json', { lang: 'fr', entries: [entry({ patterns: [] })] })),
    ).toMatch(/entry 0 \(minor\.test\), field "patterns"/);
    expect(
      errorOf(() => parseLexiconFile('a.json', { lang: 'fr', entries: [entry({ weight: 'high' })] })),
    ).toMatch(/field "weight"/);
    expect(errorOf(() => parseLexiconFile('a.json', { lang: 'french', entries: [] }))).toMatch(
      /a\.json: field "lang"/,
    );
    expect(errorOf(() => parseLexiconFile('a.json', { lang: 'fr', entries: [entry({ extra: 1 })] }))).toMatch(
      /entry 0/,
    );
    expect(
      errorOf(() => parseLexiconFile('a.json', { lang: 'fr', entries: [entry({ code: 'control.x' })] })),
    ).toMatch(/must start with "minor\."/);
    expect(errorOf(() => parseLexiconFile('a.json', { lang: 'fr', entries: [entry(), entry()] }))).toMatch(
      /duplicate code/,
    );
  });

  it('rejects unsafe or meaningless patterns with the pattern index', () => {
    expect(
      errorOf(() =>
        parseLexiconFile('a.json', { lang: 'fr', entries: [entry({ patterns: ['ok', '{0-9} x'] })] }),
      ),
    ).toMatch(/field "patterns\.1"/);
    expect(errorOf(() => compilePattern('{0-2} jeune'))).toMatch(/cannot start with a gap/);
    expect(errorOf(() => compilePattern('jeune {0-2}'))).toMatch(/cannot end with a gap/);
    expect(errorOf(() => compilePattern('a {0-1} b {0-1} c {0-1} d'))).toMatch(/at most two gaps/);
    expect(errorOf(() => compilePattern('ab*'))).toMatch(/at least 3 letters/);
    expect(errorOf(() => compilePattern('{foo}'))).toMatch(/unknown placeholder/);
    expect(errorOf(() => compilePattern('elle (est|sera bien)'))).toMatch(/alternatives are written/);
    expect(errorOf(() => compilePattern('elle (est||sera)'))).toMatch(/empty alternative/);
    expect(errorOf(() => compilePattern('elle (est|tout a)'))).toMatch(/one word/);
    expect(errorOf(() => compilePattern('(ab*|cd)'))).toMatch(/at least 3 letters/);
    expect(errorOf(() => compilePattern('{name}'))).toMatch(/at least one word/);
  });

  it('every file under data/lexicons/<lang>/ is registered and valid', () => {
    const onDisk = Object.keys(import.meta.glob('../../../data/lexicons/*/*.json')).map((p) =>
      p.replace('../../../data/lexicons/', ''),
    );
    expect(onDisk.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(LEXICON_FILES).sort()).toEqual(onDisk.sort());
    const lex = defaultLexicon();
    for (const cat of ['minor', 'control', 'recruitment', 'movement', 'lodging', 'trust', 'ethnicity']) {
      expect(
        [...lex.entries.values()].some((e) => e.category === cat),
        cat,
      ).toBe(true);
    }
  });
});

describe('pattern matching', () => {
  const lex = compileLexicons({
    't.json': {
      lang: 'fr',
      entries: [
        entry({ code: 'recruitment.earn', category: 'recruitment', patterns: ['gagne {0-3} par jour'] }),
        entry({ code: 'minor.student', patterns: ['etudiant*'] }),
        entry({ code: 'minor.emoji', patterns: ['🍭'] }),
        entry({ code: 'minor.claim', patterns: ['18 +'] }),
      ],
    },
  });
  const codes = (text: string) => matchAll(lex.matcher, tokenize(text)).map((m) => m.pattern.entry.code);

  it('a first word repeated as in real ads still matches; a flood of it stops costing gap searches', () => {
    expect(codes(`${'gagne, '.repeat(40)}gagne 200 par jour`)).toEqual(['recruitment.earn']);
    // Past 512 failed tries in one text the pattern is no longer tried there (hostile floods only).
    expect(codes(`${'gagne gagne gagne gagne '.repeat(200)} gagne 200 par jour`)).toEqual([]);
  });

  it('matches accent- and case-insensitively with word boundaries, gaps, prefixes and emoji', () => {
    expect(codes('GAGNE 500 € PAR JOUR')).toEqual(['recruitment.earn']);
    expect(codes('gagne par jour')).toEqual(['recruitment.earn']);
    expect(codes('gagne beaucoup beaucoup trop d argent par jour')).toEqual([]);
    expect(codes('Étudiantes')).toEqual(['minor.student']);
    expect(codes('🍭🍭')).toEqual(['minor.emoji']); // a repeated sign is one token, one hit over the run
    expect(codes('18+')).toEqual(['minor.claim']);
    expect(codes('gagne. par jour')).toEqual([]);
  });

  it('matches alternatives and first names found by the names extractor', () => {
    const alt = compileLexicons({
      'a.json': {
        lang: 'fr',
        entries: [
          entry({ code: 'control.x', category: 'control', patterns: ['(ma|sa) (copine|amie) (est|recoi*)'] }),
          entry({ code: 'control.n', category: 'control', patterns: ['{name} (est|vous)'] }),
        ],
      },
    });
    const toks = (text: string) => tokenize(text);
    const c = (text: string, nameEnd?: Int32Array) =>
      matchAll(alt.matcher, toks(text), 16, { nameEnd }).map((m) => m.pattern.entry.code);
    expect(c('Sa copine reçoit')).toEqual(['control.x']);
    expect(c('Ma amie est là')).toEqual(['control.x']);
    expect(c('Ta copine est là')).toEqual([]);
    // {name} only where the caller marks a name: token 0 ("Lucie") spans tokens [0, 1).
    const marks = Int32Array.from([1, -1, -1]);
    expect(c('Lucie est dispo', marks)).toEqual(['control.n']);
    expect(c('Lucie est dispo')).toEqual([]);
    expect(c('Lucie. est dispo', Int32Array.from([1, -1, -1, -1]))).toEqual([]);
  });

  it('shipped lexicons: families, counter-indicators and third-person voice are explainable hits', () => {
    const codesOf = (body: string) => analyzeAd({ body }).indicators.map((h) => h.code);
    expect(codesOf('Lucie est dispo ce soir')).toContain('control.name_third_person');
    expect(codesOf('Ces demoiselles sont disponibles')).toContain('control.multiple_people');
    expect(codesOf('Elle chante. Elle danse. Elle rit.')).toContain('control.third_person_voice');
    // One "elle" (a car) is not a third-person voice; first-person ads are not either.
    expect(codesOf('Voiture de 2010, elle roule bien')).not.toContain('control.third_person_voice');
    expect(codesOf('Je suis Léa, elle et moi on adore danser, je reçois')).not.toContain(
      'control.third_person_voice',
    );
    const indep = analyzeAd({ body: 'Indépendante, pas d’agence, je réponds moi-même.' });
    const self = indep.indicators.find((h) => h.code === 'control.self_managed')!;
    expect(self.weight).toBeLessThan(0);
    expect(indep.scores.control).toBeLessThan(analyzeAd({ body: 'Bonjour, je réponds.' }).scores.control);
    const job = analyzeAd({ body: 'Nous recrutons un vendeur H/F en CDI' });
    expect(job.indicators.some((h) => h.code === 'recruitment.ordinary_job' && h.weight < 0)).toBe(true);
    // "Nina" is a first name, not the Spanish "niña".
    expect(codesOf('Nina vous attend')).not.toContain('minor.youth_words');
  });

  it('buildMatcher indexes by first step', () => {
    const m = buildMatcher([]);
    expect(m.size).toBe(0);
  });
});
