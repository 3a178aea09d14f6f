import { describe, expect, it } from 'vitest';
import { parsePostedDate } from './dates.ts';

const at = new Date('2026-11-23T11:00:00Z');
const auto = { format: 'auto' as const, timezone: 'Europe/Paris' };

describe('parsePostedDate', () => {
  it('reads French long dates in Paris time', () => {
    expect(parsePostedDate('12 novembre 2026 à 14h05', auto, at)).toBe('2026-11-12T13:05:00.000Z');
    expect(parsePostedDate('Publié le 1er août 2026 à 9h', auto, at)).toBe('2026-08-01T07:00:00.000Z');
    expect(parsePostedDate('mardi 3 mars 2026', auto, at)).toBe('2026-03-02T23:00:00.000Z');
  });
  it('puts a year-less date in the past', () => {
    expect(parsePostedDate('25 décembre', auto, at)).toBe('2025-12-24T23:00:00.000Z');
    expect(parsePostedDate('20 nov. à 8h30', auto, at)).toBe('2026-11-20T07:30:00.000Z');
  });
  it('reads relative dates against the fetch time', () => {
    expect(parsePostedDate('il y a 3 heures', auto, at)).toBe('2026-11-23T08:00:00.000Z');
    expect(parsePostedDate('il y a une heure', auto, at)).toBe('2026-11-23T10:00:00.000Z');
    expect(parsePostedDate('Il y a 2 jours', auto, at)).toBe('2026-11-21T11:00:00.000Z');
    expect(parsePostedDate('hier à 10:00', auto, at)).toBe('2026-11-22T09:00:00.000Z');
    expect(parsePostedDate("aujourd'hui à 9h15", auto, at)).toBe('2026-11-23T08:15:00.000Z');
    expect(parsePostedDate('5 minutes ago', auto, at)).toBe('2026-11-23T10:55:00.000Z');
  });
  it('reads numeric and ISO dates', () => {
    expect(parsePostedDate('12/11/2026 14:05', auto, at)).toBe('2026-11-12T13:05:00.000Z');
    expect(parsePostedDate('2026-07-14T10:00:00Z', auto, at)).toBe('2026-07-14T10:00:00.000Z');
    expect(parsePostedDate('14 July 2026', { ...auto, timezone: 'UTC' }, at)).toBe(
      '2026-07-14T00:00:00.000Z',
    );
    expect(parsePostedDate('November 12, 2026 2:05 pm', { ...auto, timezone: 'UTC' }, at)).toBe(
      '2026-11-12T14:05:00.000Z',
    );
  });
  it('returns null for what it does not understand, and never hangs on junk', () => {
    expect(parsePostedDate('bientôt', auto, at)).toBeNull();
    expect(parsePostedDate('31/02/2026', auto, at)).toBeNull();
    expect(parsePostedDate('12 novembre 2026', { ...auto, format: 'iso' }, at)).toBeNull();
    expect(parsePostedDate(`${'1/'.repeat(50_000)}x`, auto, at)).toBeNull();
  });
});
