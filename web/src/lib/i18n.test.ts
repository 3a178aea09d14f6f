import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import { interpolate, missingKeys, pickLang, translate } from './i18n.ts';

describe('interpolate', () => {
  it('replaces known placeholders and keeps unknown ones visible', () => {
    expect(interpolate('{n} annonces à {city}', { n: 3, city: 'Lyon' })).toBe('3 annonces à Lyon');
    expect(interpolate('hello {who}', {})).toBe('hello {who}');
    expect(interpolate('unclosed {brace', { brace: 1 })).toBe('unclosed {brace');
  });
});

describe('translate', () => {
  const fr = {
    'a.b': 'Bonjour {name}',
    'n.one': '{count} annonce',
    'n.other': '{count} annonces',
    only: 'fr',
  };
  const en = { 'a.b': 'Hello {name}', 'n.one': '{count} ad', 'n.other': '{count} ads' };
  it('looks up, falls back to French, then to the key', () => {
    expect(translate(en, fr, 'a.b', { name: 'Ana' })).toBe('Hello Ana');
    expect(translate(en, fr, 'only')).toBe('fr');
    expect(translate(en, fr, 'missing.key')).toBe('missing.key');
  });
  it('chooses plural forms', () => {
    expect(translate(en, fr, 'n', { count: 1 })).toBe('1 ad');
    expect(translate(en, fr, 'n', { count: 5 })).toBe('5 ads');
    expect(translate(fr, fr, 'n', { count: 0 })).toBe('0 annonce');
  });
  it('defaults to French', () => {
    expect(pickLang(null)).toBe('fr');
    expect(pickLang('en')).toBe('en');
    expect(pickLang('de')).toBe('fr');
  });
});

describe('shipped dictionaries', () => {
  it('have the same keys in French and English', () => {
    expect(missingKeys(fr, en)).toEqual([]);
    expect(missingKeys(en, fr)).toEqual([]);
  });
  it('have no empty strings', () => {
    for (const d of [fr, en]) expect(Object.entries(d).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});
