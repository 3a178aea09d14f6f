import { describe, expect, it } from 'vitest';
import { extractNames } from './names.ts';

const names = (body: string) => extractNames({ body }).map((n) => n.name);

describe('extractNames', () => {
  it('reads names after explicit cues', () => {
    expect(names("je m'appelle Léa")).toEqual(['Léa']);
    expect(names("Moi c'est Jade")).toEqual(['Jade']);
    expect(names('my name is Mia')).toEqual(['Mia']);
    expect(names('Salut moi c’est KELLY')).toEqual(['Kelly']);
  });

  it('reads known first names written with a capital', () => {
    expect(names('Léa, 21 ans')).toEqual(['Léa']);
    expect(names('Vanessa et Léa vous attendent')).toEqual(['Vanessa', 'Léa']);
  });

  it('does not take ordinary words for names', () => {
    expect(names('Je suis Nouvelle sur Lyon')).toEqual([]);
    expect(names('150 roses')).toEqual([]);
    expect(names('une rose rouge')).toEqual([]);
  });
});
