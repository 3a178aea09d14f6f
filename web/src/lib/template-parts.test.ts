import { describe, expect, it } from 'vitest';
import { splitTemplate } from './template-parts.ts';

describe('splitTemplate', () => {
  it('separates slots from text', () => {
    expect(splitTemplate('Hi {name}, in {city2} now')).toEqual([
      { text: 'Hi ' },
      { text: 'name', slot: 'name' },
      { text: ', in ' },
      { text: 'city2', slot: 'city2' },
      { text: ' now' },
    ]);
  });
  it('keeps stray braces as text', () => {
    expect(splitTemplate('a { b } {')).toEqual([{ text: 'a { b } {' }]);
  });
});
