import { describe, expect, it } from 'vitest';
import { stackByCity, timelineFromAds } from './timeline.ts';

describe('stackByCity', () => {
  it('fills gaps between days and stacks per city', () => {
    const s = stackByCity([
      { day: '2026-01-01', city: 'Lyon', count: 2 },
      { day: '2026-01-03', city: 'Nice', count: 1 },
      { day: '2026-01-03', city: 'Lyon', count: 1 },
    ]);
    expect(s.days).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(s.series).toEqual([
      { city: 'Lyon', data: [2, 0, 1] },
      { city: 'Nice', data: [0, 0, 1] },
    ]);
  });
  it('groups small cities into "other"', () => {
    const rows = ['A', 'B', 'C'].map((city, i) => ({ day: '2026-01-01', city, count: 3 - i }));
    const s = stackByCity(rows, 2, 'autres');
    expect(s.series.map((x) => [x.city, x.data[0]])).toEqual([
      ['A', 3],
      ['B', 2],
      ['autres', 1],
    ]);
  });
  it('is empty for no rows', () => {
    expect(stackByCity([])).toEqual({ days: [], series: [] });
  });
});

describe('timelineFromAds', () => {
  it('counts ads per day and city', () => {
    expect(
      timelineFromAds(
        [
          { city: 'Lyon', postedAt: '2026-01-01T10:00:00Z' },
          { city: 'Lyon', firstSeen: '2026-01-01T12:00:00Z' },
          { city: null, postedAt: '2026-01-02T00:00:00Z' },
          { city: 'Nice' },
        ],
        '?',
      ),
    ).toEqual([
      { day: '2026-01-01', city: 'Lyon', count: 2 },
      { day: '2026-01-02', city: '?', count: 1 },
    ]);
  });
});
