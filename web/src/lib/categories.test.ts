import { describe, expect, it } from 'vitest';
import { COMPUTED_CODES } from '../../../src/core/score/indicators.ts';
import { INDICATOR_CODES, categoriesOf, categoryOf } from './categories.ts';

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

describe('indicator vocabulary', () => {
  it('names and explains every indicator code of the lexicons, in French and English', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const fr = (await import('../i18n/fr.json', { with: { type: 'json' } })).default as Record<
      string,
      string
    >;
    const en = (await import('../i18n/en.json', { with: { type: 'json' } })).default as Record<
      string,
      string
    >;
    const root = join(import.meta.dirname, '../../../data/lexicons');
    const codes = new Set<string>([...Object.values(INDICATOR_CODES).flat(), ...Object.keys(COMPUTED_CODES)]);
    for (const lang of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()))
      for (const f of readdirSync(join(root, lang.name)).filter((n) => n.endsWith('.json'))) {
        const lex = JSON.parse(readFileSync(join(root, lang.name, f), 'utf8')) as {
          entries?: { code: string }[];
        };
        for (const e of lex.entries ?? []) codes.add(e.code);
      }
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((c) => !(`indicator.${c}` in fr && `indicator.${c}` in en));
    expect(missing).toEqual([]);
  });
});
