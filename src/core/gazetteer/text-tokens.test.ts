import { describe, expect, it } from 'vitest';
import { foldKey, tokenize } from './text-tokens.ts';

describe('tokenize', () => {
  it('folds case and accents and keeps original offsets', () => {
    const text = 'Saint-Étienne ÉTÉ œuvre';
    const toks = tokenize(text);
    expect(toks.map((t) => t.t)).toEqual(['saint', 'etienne', 'ete', 'oeuvre']);
    for (const t of toks) expect(text.slice(t.s, t.e).length).toBeGreaterThan(0);
    expect(text.slice(toks[1]!.s, toks[1]!.e)).toBe('Étienne');
    expect(toks[1]!.sep).toBe('joiner');
    expect(toks[0]!.cap).toBe(true);
  });

  it('splits letters from digits and keeps symbols and emoji as tokens', () => {
    expect(tokenize('19ans 18+ 🔞 200/h').map((t) => t.t)).toEqual([
      '19',
      'ans',
      '18',
      '+',
      '🔞',
      '200',
      '/',
      'h',
    ]);
  });

  it('a run of one repeated sign is one token spanning the run; different signs stay apart', () => {
    const toks = tokenize('Léa !!! 💋💋 ((x)) ?!');
    expect(toks.map((t) => [t.t, t.s, t.e])).toEqual([
      ['lea', 0, 3],
      ['!', 4, 7],
      ['💋', 8, 12],
      ['(', 13, 15],
      ['x', 15, 16],
      [')', 16, 18],
      ['?', 19, 20],
      ['!', 20, 21],
    ]);
    expect(tokenize('('.repeat(100_000))).toHaveLength(1);
  });

  it('reads fullwidth and mathematical digits, drops zero-width and variation selectors', () => {
    expect(tokenize('１９ 𝟐𝟎 a\u200bb ✈️').map((t) => t.t)).toEqual(['19', '20', 'ab', '✈']);
  });

  it('handles decomposed accents and lone surrogates', () => {
    const text = 'e\u0301te\u0301 \ud800x';
    const toks = tokenize(text);
    expect(toks[0]).toMatchObject({ t: 'ete', s: 0, e: 5 });
    expect(toks.at(-1)!.t).toBe('x');
  });

  it('a dash between spaces is punctuation, inside a word a joiner', () => {
    expect(tokenize('Tours - jolie').map((t) => t.k)).toEqual(['w', 'p', 'w']);
    expect(foldKey("L'Haÿ-les-Roses")).toBe('l hay les roses');
  });
});
