import { describe, expect, it } from 'vitest';
import { haversineKm, movementByKey, movementOf, stopsOf, toursOf } from './movement.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1);
const LYON = { lat: 45.764, lon: 4.8357 };
const PARIS = { lat: 48.8566, lon: 2.3522 };
const GRENOBLE = { lat: 45.1885, lon: 5.7245 };
const MARSEILLE = { lat: 43.2965, lon: 5.3698 };

describe('movement', () => {
  it('computes great-circle distances', () => {
    expect(haversineKm(PARIS.lat, PARIS.lon, LYON.lat, LYON.lon)).toBeGreaterThan(385);
    expect(haversineKm(PARIS.lat, PARIS.lon, LYON.lat, LYON.lon)).toBeLessThan(400);
    expect(haversineKm(1, 2, 1, 2)).toBe(0);
  });

  it('merges consecutive sightings into stops, in time order', () => {
    const stops = stopsOf([
      { at: T0 + 2 * DAY, city: 'Grenoble', ...GRENOBLE },
      { at: T0, city: 'Lyon', ...LYON },
      { at: T0 + DAY, city: 'Lyon', ...LYON },
      { at: T0 + 5 * DAY, city: 'Lyon', ...LYON },
    ]);
    expect(stops.map((s) => [s.city, s.first, s.last, s.sightings])).toEqual([
      ['Lyon', T0, T0 + DAY, 2],
      ['Grenoble', T0 + 2 * DAY, T0 + 2 * DAY, 1],
      ['Lyon', T0 + 5 * DAY, T0 + 5 * DAY, 1],
    ]);
  });

  it('finds tours, distance and new cities', () => {
    const m = movementOf([
      { at: T0, city: 'Lyon', ...LYON },
      { at: T0 + 4 * DAY, city: 'Grenoble', ...GRENOBLE },
      { at: T0 + 9 * DAY, city: 'Marseille', ...MARSEILLE },
      { at: T0 + 100 * DAY, city: 'Paris', ...PARIS },
      { at: T0 + 101 * DAY, city: 'Lyon', ...LYON },
    ]);
    expect(m.distinctCities).toBe(4);
    expect(m.tours).toEqual([{ start: T0, end: T0 + 9 * DAY, cities: ['Lyon', 'Grenoble', 'Marseille'] }]);
    expect(m.newCities.map((c) => c.city)).toEqual(['Grenoble', 'Marseille', 'Paris']);
    const expected =
      haversineKm(LYON.lat, LYON.lon, GRENOBLE.lat, GRENOBLE.lon) +
      haversineKm(GRENOBLE.lat, GRENOBLE.lon, MARSEILLE.lat, MARSEILLE.lon) +
      haversineKm(MARSEILLE.lat, MARSEILLE.lon, PARIS.lat, PARIS.lon) +
      haversineKm(PARIS.lat, PARIS.lon, LYON.lat, LYON.lon);
    expect(m.distanceKm).toBeCloseTo(expected, 0);
  });

  it('honours the tour parameters', () => {
    const stops = stopsOf([
      { at: T0, city: 'A' },
      { at: T0 + 20 * DAY, city: 'B' },
      { at: T0 + 40 * DAY, city: 'C' },
    ]);
    expect(toursOf(stops)).toEqual([]);
    expect(toursOf(stops, { tourWindowDays: 45 })).toHaveLength(1);
    expect(toursOf(stops, { tourMinCities: 2 })).toHaveLength(1);
  });

  it('splits movement per phone', () => {
    const by = movementByKey([
      { at: T0, city: 'Lyon', keys: ['+33639980001'] },
      { at: T0 + DAY, city: 'Paris', keys: ['+33639980001', '+33639980002'] },
    ]);
    expect(by.get('+33639980001')!.stops.map((s) => s.city)).toEqual(['Lyon', 'Paris']);
    expect(by.get('+33639980002')!.stops.map((s) => s.city)).toEqual(['Paris']);
  });
});
