import { describe, expect, it } from 'vitest';
import { type PlacedWord, groupWords, numberWord, segmentNumberWords } from './contact-number-words.ts';

/** Group a space/hyphen separated phrase as the chain builder does. */
function read(phrase: string): string[] {
  const words: PlacedWord[] = [];
  let p = 0;
  for (const w of phrase.split(/[ -]+/)) {
    const word = numberWord(w);
    if (word === undefined) throw new Error(`not a number word: ${w}`);
    words.push({ word, start: p, end: p + w.length });
    p += w.length + 1;
  }
  return groupWords(words).map((g) => g.digits);
}

describe('groupWords', () => {
  it.each([
    ['zéro six', ['0', '6']],
    ['trente-neuf', ['39']],
    ['quatre-vingt-dix-huit', ['98']],
    ['quatre vingt', ['80']],
    ['soixante et onze', ['71']],
    ['soixante-dix-sept', ['77']],
    ['vingt et un', ['21']],
    ['dix-sept', ['17']],
    ['double six', ['66']],
    ['deux fois zéro', ['00']],
    ['six cent trente', ['630']],
    ['septante-deux nonante', ['72', '90']],
    ['oh six thirty nine', ['0', '6', '39']],
    ['ninety-eight', ['98']],
    ['two thousand', ['2000']],
    ['treinta y nueve', ['39']],
    ['noventa y ocho doble cero', ['98', '00']],
    ['veintidós', ['22']],
  ])('%s → %j', (phrase, digits) => expect(read(phrase)).toEqual(digits));
});

describe('groupWords with hyphens', () => {
  it('reads a space as a break when the writer hyphenates compounds', () => {
    const w = (word: string, joined = false): PlacedWord => ({
      word: numberWord(word)!,
      start: 0,
      end: 0,
      joined,
    });
    // "zéro quatre vingt-huit" = 0, 4, 28 (not 0, 88)
    expect(groupWords([w('zéro'), w('quatre'), w('vingt'), w('huit', true)]).map((g) => g.digits)).toEqual([
      '0',
      '4',
      '28',
    ]);
    // "quatre-vingt-dix-huit" = 98; "vingt et un" = 21 even in hyphenated text
    expect(
      groupWords([w('quatre'), w('vingt', true), w('dix', true), w('huit', true)]).map((g) => g.digits),
    ).toEqual(['98']);
    expect(
      groupWords([w('vingt'), w('et'), w('un'), w('six'), w('neuf', true)]).map((g) => g.digits),
    ).toEqual(['21', '6', '9']);
  });
});

describe('segmentNumberWords', () => {
  it('splits glued number words', () => {
    expect(segmentNumberWords('quatrevingtdixhuit')).toEqual(['quatre', 'vingt', 'dix', 'huit']);
    expect(segmentNumberWords('zerosix')).toEqual(['zero', 'six']);
    expect(segmentNumberWords('fourfiveeight')).toEqual(['four', 'five', 'eight']);
  });
  it('refuses ordinary words and weak pieces', () => {
    expect(segmentNumberWords('tonight')).toBeNull();
    expect(segmentNumberWords('bisous')).toBeNull();
    expect(segmentNumberWords('fortune')).toBeNull();
  });
});
