import { describe, expect, it } from 'vitest';
import { explainHit } from './explain.ts';

const dict: Record<string, string> = {
  'category.minor': 'Possible minor',
  'indicator.minor.new_young': 'says she is new and very young',
  'categoryHelp.minor': 'wording suggesting the person may be under 18',
};
const t = (k: string) => dict[k] ?? k;
const hit = (code: string) => ({ code, category: 'minor', field: 'body', start: 0, end: 1 });

describe('explainHit', () => {
  it('prefers the code-specific explanation', () => {
    expect(explainHit(hit('minor.new_young'), t)).toBe('Possible minor — says she is new and very young');
  });
  it('falls back to the category help and names the code', () => {
    expect(explainHit(hit('minor.other'), t)).toBe(
      'Possible minor (minor.other) — wording suggesting the person may be under 18',
    );
  });
});
