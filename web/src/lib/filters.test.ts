import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  filtersToQuery,
  filtersToSavedSearch,
  pageCount,
  parseFilters,
  toApiQuery,
  updateFilters,
} from './filters.ts';

describe('toApiQuery', () => {
  it('maps filters to the server query', () => {
    const q = new URLSearchParams(
      toApiQuery({
        ...defaultFilters(),
        from: '2026-01-01',
        to: '2026-01-31',
        place: '69123',
        indicators: ['minor.new_girl', 'control.manager'],
        minScore: 0.5,
        sort: 'control',
        page: 3,
      }),
    );
    expect(Object.fromEntries(q)).toEqual({
      from: '2026-01-01',
      to: '2026-02-01',
      commune: '69123',
      indicator: 'minor.new_girl,control.manager',
      reviewed: 'false',
      minControl: '0.5',
      sort: 'control',
      limit: '50',
      offset: '100',
    });
  });
  it('uses départements for short place codes and drops thresholds when sorting by date', () => {
    const q = new URLSearchParams(
      toApiQuery({ ...defaultFilters(), place: '2A', reviewed: 'all', sort: 'recent', minScore: 0.3 }),
    );
    expect(q.get('departement')).toBe('2A');
    expect(q.has('reviewed')).toBe(false);
    expect(q.has('minRecent')).toBe(false);
  });
});

describe('filters ↔ query string', () => {
  it('defaults produce an empty query', () => {
    expect(filtersToQuery(defaultFilters())).toBe('');
    expect(parseFilters('')).toEqual(defaultFilters());
  });

  it('round-trips every field', () => {
    const f = {
      ...defaultFilters(),
      from: '2026-01-01',
      to: '2026-02-01',
      place: '2A',
      source: 'siteA',
      category: 'escort',
      indicators: ['minor.new_girl', 'control.manager'],
      reviewed: 'all' as const,
      minScore: 0.5,
      sort: 'recent' as const,
      page: 3,
      pageSize: 100,
    };
    const q = filtersToQuery(f);
    expect(q).toContain('indicators=control.manager%2Cminor.new_girl');
    expect(parseFilters(q)).toEqual({ ...f, indicators: ['control.manager', 'minor.new_girl'] });
  });

  it('drops malformed values instead of failing', () => {
    const f = parseFilters('from=yesterday&place=lyon&reviewed=maybe&minScore=7&page=-2&pageSize=100000');
    expect(f).toEqual(defaultFilters());
  });

  it('normalises place codes and de-duplicates indicators', () => {
    const f = parseFilters('place=2a&indicators=minor,,minor,control');
    expect(f.place).toBe('2A');
    expect(f.indicators).toEqual(['minor', 'control']);
  });

  it('returns to page 1 when a filter changes but not when the page changes', () => {
    const f = { ...defaultFilters(), page: 4 };
    expect(updateFilters(f, { source: 'x' }).page).toBe(1);
    expect(updateFilters(f, { page: 5 }).page).toBe(5);
  });

  it('counts pages', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(100_000, 50)).toBe(2000);
    expect(pageCount(101, 50)).toBe(3);
  });
});

describe('filtersToSavedSearch', () => {
  it('keeps the filters and drops ranking and paging', () => {
    expect(
      filtersToSavedSearch({ ...defaultFilters(), place: '69', indicators: ['minor.school'], page: 4 }),
    ).toEqual({
      departement: '69',
      indicator: 'minor.school',
      reviewed: 'false',
    });
  });
});
