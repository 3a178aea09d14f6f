import { describe, expect, it } from 'vitest';
import { classifySearch, watchKindOf } from './search-query.ts';

describe('classifySearch', () => {
  it('recognises phones written in many ways', () => {
    for (const p of [
      '0639980012',
      '06 39 98 00 12',
      '+33 6 39 98 00 12',
      '06.39.98.00.12',
      'O6 39 98 OO 12',
      '０６３９９８００１２',
      'zéro six 39 98 00 12',
    ])
      expect(classifySearch(p), p).toBe('identifier');
  });
  it('recognises e-mails, handles and hashes', () => {
    expect(classifySearch('someone@example.org')).toBe('identifier');
    expect(classifySearch('@lola_75')).toBe('identifier');
    expect(classifySearch('snap: lola75')).toBe('identifier');
    expect(classifySearch('a'.repeat(64))).toBe('identifier');
  });
  it('treats words as full text', () => {
    expect(classifySearch('nouvelle en ville')).toBe('text');
    expect(classifySearch('massage 75015 paris')).toBe('text');
    expect(classifySearch('')).toBe('text');
  });
});

describe('watchKindOf', () => {
  it('maps identifiers to watchlist kinds', () => {
    expect(watchKindOf('06 39 98 00 12')).toBe('phone');
    expect(watchKindOf('a@b.org')).toBe('email');
    expect(watchKindOf('@lola')).toBe('handle');
    expect(watchKindOf('snap: lola')).toBe('handle');
    expect(watchKindOf('f'.repeat(64))).toBe('image');
  });
});
