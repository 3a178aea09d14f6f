import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('detects French, English and Spanish ads', () => {
    expect(detectLanguage('Bonjour je suis nouvelle sur Lyon, dispo tous les jours pour vous')).toBe('fr');
    expect(detectLanguage('Hi I am new in town, available all day for you')).toBe('en');
    expect(detectLanguage('Hola soy nueva en la ciudad, disponible todo el día para ti')).toBe('es');
  });

  it('returns null for text too short to tell', () => {
    expect(detectLanguage('hola')).toBeNull();
    expect(detectLanguage('06 39 98 00 12 !!!')).toBeNull();
  });
});
