import { describe, expect, it } from 'vitest';
import { categoriesOf, categoryOf } from './categories.ts';

describe('categories', () => {
  it('derives categories from codes in display order', () => {
    expect(categoryOf('minor.new_girl')).toBe('minor');
    expect(categoryOf('x')).toBe('x');
    expect(categoriesOf(['control.manager', 'minor.school', 'minor.new_girl', 'zeta.a'])).toEqual([
      'minor',
      'control',
      'zeta',
    ]);
    expect(categoriesOf(undefined)).toEqual([]);
  });
});
