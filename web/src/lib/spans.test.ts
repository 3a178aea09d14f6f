import { describe, expect, it } from 'vitest';
import { dominantCategory, segmentText } from './spans.ts';

const hit = (code: string, start: number, end: number, weight = 1) => ({
  code,
  category: code === 'young' ? 'minor' : 'control',
  field: 'body',
  start,
  end,
  weight,
});

describe('segmentText', () => {
  it('returns the whole text as one plain segment without hits', () => {
    expect(segmentText('hello', [])).toEqual([{ text: 'hello', start: 0, end: 5, hits: [] }]);
  });

  it('splits around one hit', () => {
    const s = segmentText('a new girl here', [hit('young', 2, 10)]);
    expect(s.map((x) => x.text)).toEqual(['a ', 'new girl', ' here']);
    expect(s[1]!.hits.map((h) => h.code)).toEqual(['young']);
  });

  it('splits overlapping hits into pieces covered by each set of hits', () => {
    const s = segmentText('0123456789', [hit('young', 1, 6), hit('ctrl', 4, 8)]);
    expect(s.map((x) => [x.text, x.hits.map((h) => h.code).join('+')])).toEqual([
      ['0', ''],
      ['123', 'young'],
      ['45', 'young+ctrl'],
      ['67', 'ctrl'],
      ['89', ''],
    ]);
    expect(s.map((x) => x.text).join('')).toBe('0123456789');
  });

  it('merges adjacent pieces with the same hits and nested hits stay covered', () => {
    const outer = hit('young', 0, 10);
    const s = segmentText('0123456789', [outer, hit('ctrl', 3, 5)]);
    expect(s.map((x) => x.text)).toEqual(['012', '34', '56789']);
    expect(s[2]!.hits).toEqual([outer]);
  });

  it('clamps out-of-range hits and ignores empty ones', () => {
    const s = segmentText('abc', [hit('young', 2, 99), hit('ctrl', 1, 1), hit('ctrl', 5, 3)]);
    expect(s.map((x) => x.text)).toEqual(['ab', 'c']);
    expect(s[1]!.hits).toHaveLength(1);
  });

  it('handles many hits on hostile text without losing characters', () => {
    const text = 'x'.repeat(5000);
    const hits = Array.from({ length: 2000 }, (_, i) => hit('ctrl', i, i + 50));
    const s = segmentText(text, hits);
    expect(s.map((x) => x.text).join('')).toBe(text);
  });
});

describe('dominantCategory', () => {
  it('picks the heaviest hit', () => {
    expect(dominantCategory([hit('ctrl', 0, 1, 0.2), hit('young', 0, 1, 0.9)])).toBe('minor');
    expect(dominantCategory([])).toBeNull();
  });
});
