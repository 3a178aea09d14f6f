import { describe, expect, it } from 'vitest';
import { extractPlaces, primaryCity } from './places.ts';

const names = (body: string, city?: string) =>
  extractPlaces(city === undefined ? { body } : { body, city }).map((p) => p.name);

describe('extractPlaces', () => {
  it('matches names with or without accents, hyphens and Saint/St', () => {
    for (const s of ['Saint-Étienne', 'Saint Etienne', 'st-etienne', 'St Étienne', 'ST ETIENNE']) {
      expect(names(`dispo sur ${s}`)).toEqual(['Saint-Étienne']);
    }
  });

  it('resolves arrondissements of Paris, Lyon and Marseille to the arrondissement INSEE code', () => {
    expect(extractPlaces({ body: 'Lyon 3e' })[0]).toMatchObject({
      name: 'Lyon',
      insee: '69383',
      departement: '69',
    });
    expect(extractPlaces({ body: 'Paris 15' })[0]).toMatchObject({ name: 'Paris', insee: '75115' });
    expect(extractPlaces({ body: 'Marseille 8ème' })[0]).toMatchObject({ name: 'Marseille', insee: '13208' });
    expect(extractPlaces({ body: 'Paris XVIIe' })[0]).toMatchObject({ insee: '75117' });
  });

  it('does not read an age after a city as an arrondissement', () => {
    expect(extractPlaces({ body: 'Paris 18 ans' })[0]).toMatchObject({ insee: '75056' });
  });

  it('finds postcodes but not phone groups, prices or references', () => {
    expect(extractPlaces({ body: 'quartier 69003' })[0]).toMatchObject({
      name: 'Lyon',
      insee: '69383',
      via: 'postcode',
    });
    expect(names('appelle le 06 39 98 00 12')).toEqual([]);
    expect(names('prix 13000 €')).toEqual([]);
    expect(names('ref 75015')).toEqual([]);
  });

  it('reads département numbers only in context', () => {
    expect(extractPlaces({ body: 'secteur 93' })[0]).toMatchObject({
      name: 'Seine-Saint-Denis',
      insee: '',
      via: 'departement',
    });
    expect(extractPlaces({ body: 'dans le 13' })[0]).toMatchObject({ departement: '13' });
    expect(extractPlaces({ body: 'dept 69' })[0]).toMatchObject({ departement: '69' });
    expect(names('j’ai 93 roses')).toEqual([]);
  });

  it('needs context for commune names that are ordinary words', () => {
    expect(names('very nice girl')).toEqual([]);
    expect(names('les tours de magie')).toEqual([]);
    expect(names('une orange pressée')).toEqual([]);
    expect(names('pour votre plaisir')).toEqual([]);
    expect(names('de passage à Nice')).toEqual(['Nice']);
    expect(names('Je reçois à Tours')).toEqual(['Tours']);
    expect(names('x', 'Orange')).toEqual(['Orange']);
  });

  it('prefers the most populous homonym unless a département disambiguates', () => {
    const sd = extractPlaces({ body: 'Saint-Denis' })[0]!;
    expect(sd.name).toBe('Saint-Denis');
    expect(extractPlaces({ body: 'Saint-Denis (93)' })[0]).toMatchObject({ departement: '93' });
    expect(extractPlaces({ body: 'Saint-Denis, secteur 93' })[0]).toMatchObject({ departement: '93' });
  });

  it('handles "au Havre" and usual short names', () => {
    expect(names('nouvelle au Havre')).toEqual(['Le Havre']);
    expect(names('dispo à Aix')).toEqual(['Aix-en-Provence']);
  });

  it('puts the structured city field first and returns spans into the original text', () => {
    const body = 'Je suis à Nice cette semaine';
    const places = extractPlaces({ body, city: 'Lyon' });
    expect(places.map((p) => p.name)).toEqual(['Lyon', 'Nice']);
    expect(places[0]!.via).toBe('field');
    const s = places[1]!.spans[0]!;
    expect(body.slice(s.start, s.end)).toBe('Nice');
    expect(primaryCity(places)).toBe('Lyon');
  });

  it('keeps the postcode written in the ad and uses it to pick a homonym', () => {
    expect(extractPlaces({ body: 'Saint-Denis 97400' })[0]).toMatchObject({
      departement: '974',
      postcode: '97400',
    });
    expect(extractPlaces({ body: 'Grenoble 38100' })[0]).toMatchObject({
      name: 'Grenoble',
      postcode: '38100',
    });
  });

  it('does not read a place inside a handle, an e-mail or a URL', () => {
    expect(names('snap: kim_lyon69')).toEqual([]);
    expect(names('ecris à lea.paris@mail.example')).toEqual([]);
  });

  it('gives coordinates for large communes', () => {
    const p = extractPlaces({ body: 'à Bordeaux' })[0]!;
    expect(p.lat).toBeGreaterThan(44);
    expect(p.lon).toBeLessThan(0);
  });

  it('primaryCity ignores a département-only place', () => {
    expect(primaryCity(extractPlaces({ body: 'secteur 93' }))).toBeNull();
  });
});
