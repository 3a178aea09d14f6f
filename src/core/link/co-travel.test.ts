import { describe, expect, it } from 'vitest';
import { coTravelPairs, coTravelReason } from './co-travel.ts';

const trip = (group: number, cities: string[], start: number, step: number, shift = 0) =>
  cities.map((city, i) => ({ group, ad: group * 100 + i, city, day: start + i * step + shift }));

describe('co-travel', () => {
  it('pairs groups seen in the same three cities within days', () => {
    const s = [
      ...trip(1, ['Pau', 'Nice', 'Metz', 'Caen'], 100, 5),
      ...trip(2, ['Pau', 'Nice', 'Metz'], 100, 5, 1),
      ...trip(3, ['Pau', 'Lyon', 'Metz'], 100, 5), // only two shared cities
      ...trip(4, ['Pau', 'Nice', 'Metz'], 130, 5), // same cities, other weeks
    ];
    const r = coTravelPairs(s);
    expect(r.map((p) => [p.a, p.b])).toEqual([[1, 2]]);
    expect(r[0]!.visits.map((v) => v.city)).toEqual(['Pau', 'Nice', 'Metz']);
    expect(coTravelReason(r[0]!.visits)).toBe(
      'moved together: same cities on the same days (Pau 1970-04-11, Nice 1970-04-16, Metz 1970-04-21)',
    );
  });

  it('honours the thresholds and ignores crowded city-days', () => {
    const s = [...trip(1, ['A', 'B'], 0, 3), ...trip(2, ['A', 'B'], 0, 3)];
    expect(coTravelPairs(s)).toEqual([]);
    expect(coTravelPairs(s, { minCities: 2 })).toHaveLength(1);
    const crowd = Array.from({ length: 50 }, (_, g) => trip(g, ['X', 'Y', 'Z'], 0, 1)).flat();
    expect(coTravelPairs(crowd)).toEqual([]);
    expect(coTravelPairs(crowd, { maxGroupsPerWindow: 100 }).length).toBe((50 * 49) / 2);
  });

  it('needs the shared cities to be a large part of the smaller itinerary', () => {
    const wide = trip(1, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], 0, 3);
    const s = [...wide, ...trip(2, ['A', 'B', 'C', 'X', 'Y', 'Z', 'W'], 0, 3)];
    expect(coTravelPairs(s)).toEqual([]);
    expect(coTravelPairs(s, { minShare: 0.4 })).toHaveLength(1);
    const everywhere = trip(
      3,
      Array.from({ length: 30 }, (_, i) => (i < 4 ? 'ABCD'[i]! : `Z${i}`)),
      0,
      3,
    );
    expect(coTravelPairs([...trip(4, ['A', 'B', 'C', 'D'], 0, 3), ...everywhere])).toEqual([]);
  });
});
