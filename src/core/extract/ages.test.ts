import { describe, expect, it } from 'vitest';
import { extractAges } from './ages.ts';

const ages = (body: string, age?: number) =>
  extractAges(age === undefined ? { body } : { body, age }).map((a) => a.age);

describe('extractAges', () => {
  it('reads ages stated for the person', () => {
    expect(ages('Léa, 19 ans')).toEqual([19]);
    expect(ages('19yo')).toEqual([19]);
    expect(ages("j'ai 20a")).toEqual([20]);
    expect(ages('age: 21')).toEqual([21]);
    expect(ages('âgée de 19 ans')).toEqual([19]);
    expect(ages("I'm 21 years old")).toEqual([21]);
    expect(ages('22 y/o')).toEqual([22]);
    expect(ages('jeune femme de 22 ans')).toEqual([22]);
    expect(ages('Elle a 21 ans')).toEqual([21]);
  });

  it('ignores ages of things, durations, thresholds and ranges', () => {
    for (const s of [
      'voiture de 17 ans',
      'depuis 10 ans',
      'expérience de 5 ans',
      'enfant de 3 ans',
      '10 ans d’expérience',
      'clients de 25 à 60 ans',
      '18-25 ans',
      'interdit aux moins de 18 ans',
      'ma fille de 12 ans',
      '18+',
      'réservé aux 18 ans et plus',
    ]) {
      expect(ages(s), s).toEqual([]);
    }
  });

  it('ignores numbers inside handles and addresses', () => {
    expect(ages('snap: misssofia_12y27, insta lola2003_16ans, mail lola.17ans@exemple.fr')).toEqual([]);
    expect(ages('insta @nina_19, moi 20 ans')).toEqual([20]);
  });

  it('keeps the plausible range 12–80 and the structured field', () => {
    expect(ages('j’ai 95 ans')).toEqual([]);
    expect(ages('bonjour', 17)).toEqual([17]);
    expect(ages('bonjour', 5)).toEqual([]);
  });

  it('merges repeated mentions and maps spans to the original text', () => {
    const body = 'Léa 19 ans. Oui, 19 ans !';
    const [a] = extractAges({ body });
    expect(a!.spans).toHaveLength(2);
    expect(body.slice(a!.spans[1]!.start, a!.spans[1]!.end)).toBe('19 ans');
  });
});
