import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatPhone,
  riskOf,
  scoreLevel,
  shortHash,
  truncate,
} from './format.ts';

describe('format', () => {
  it('formats dates in UTC per language and tolerates bad input', () => {
    expect(formatDate('2026-11-23T23:30:00Z', 'fr')).toBe('23/11/2026');
    expect(formatDateTime('2026-11-23T08:05:00Z', 'fr')).toBe('23/11/2026 08:05');
    expect(formatDateTime('2026-11-23T08:05:00Z', 'en')).toBe('23/11/2026, 08:05');
    expect(formatDate('not a date', 'fr')).toBe('—');
    expect(formatDate(null, 'en')).toBe('—');
  });
  it('formats numbers and percents', () => {
    expect(formatNumber(100000, 'en')).toBe('100,000');
    expect(formatNumber(100000, 'fr').replace(/\s/g, ' ')).toBe('100 000');
    expect(formatPercent(0.456, 'en')).toBe('46%');
    expect(formatNumber(Number.NaN, 'fr')).toBe('—');
  });
  it('grades scores and computes risk', () => {
    expect(scoreLevel(0.9)).toBe('high');
    expect(scoreLevel(0.4)).toBe('medium');
    expect(scoreLevel(0.1)).toBe('low');
    expect(riskOf({ minor: 0.2, control: 0.8, recruitment: 0.1 })).toBe(0.8);
  });
  it('shortens hashes, text and phones', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaa…aaaaaaaa');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
    expect(formatPhone('+33639980012')).toBe('+33 6 39 98 00 12');
    expect(formatPhone('+447700900123')).toBe('+447700900123');
  });
});
