import { describe, expect, it } from 'vitest';
import { adaptNetwork, firstTemplate, stopsFromSightings } from './network-adapter.ts';

const s = (
  adId: number,
  at: string,
  city: string | null,
  lat: number | null = null,
  lon: number | null = null,
) => ({
  adId,
  at,
  city,
  lat,
  lon,
});

describe('stopsFromSightings', () => {
  it('merges consecutive sightings in one city and keeps coordinates', () => {
    const stops = stopsFromSightings([
      s(1, '2026-01-01T10:00:00Z', 'Lyon', 45.76, 4.83),
      s(2, '2026-01-02T10:00:00Z', 'Lyon'),
      s(3, '2026-01-05T10:00:00Z', 'Nice'),
      s(4, '2026-01-06T10:00:00Z', null),
      s(5, '2026-01-08T10:00:00Z', 'Lyon'),
    ]);
    expect(stops.map((x) => [x.city, x.sightings, x.last])).toEqual([
      ['Lyon', 2, '2026-01-02T10:00:00Z'],
      ['Nice', 1, '2026-01-05T10:00:00Z'],
      ['Lyon', 1, '2026-01-08T10:00:00Z'],
    ]);
    expect(stops[0]).toMatchObject({ lat: 45.76, lon: 4.83 });
  });
});

describe('firstTemplate', () => {
  it('reads the linking stage template list with string slot values', () => {
    expect(
      firstTemplate([
        { template: 'Hi {name}', slots: [{ key: 'name', label: 'name', values: ['Ana'] }], support: 3 },
      ]),
    ).toEqual({
      template: 'Hi {name}',
      support: 3,
      slots: [{ key: 'name', label: 'name', values: [{ value: 'Ana', count: 0 }] }],
    });
    expect(firstTemplate(null)).toBeNull();
    expect(firstTemplate([{ nope: 1 }])).toBeNull();
  });
});

describe('adaptNetwork', () => {
  it('derives counts, timeline, stops and graph kinds', () => {
    const n = adaptNetwork({
      id: 'N1',
      size: 3,
      members: [],
      identifiers: [
        { kind: 'phone', value: '+33639980001', ads: 3 },
        { kind: 'handle', value: 'snapchat:x', ads: 1 },
      ],
      movement: [
        s(1, '2026-01-01T10:00:00Z', 'Lyon', 45.7, 4.8),
        s(2, '2026-01-01T12:00:00Z', 'Lyon'),
        s(3, '2026-01-03T09:00:00Z', 'Nice', 43.7, 7.2),
      ],
      extras: { movement: { stops: [{ city: 'Nice', first: 'a', last: 'b', ads: 1 }], distance_km: 300 } },
      graph: {
        nodes: [
          { id: 'ad:7', type: 'ad', label: 'T' },
          { id: 'phone:+33639980001', type: 'phone', label: '+33639980001' },
        ],
        edges: [],
      },
    });
    expect(n.phones).toBe(1);
    expect(n.cities).toEqual(['Lyon', 'Nice']);
    expect(n.timeline).toEqual([
      { day: '2026-01-01', city: 'Lyon', count: 2 },
      { day: '2026-01-03', city: 'Nice', count: 1 },
    ]);
    expect(n.movement.stops).toEqual([
      { city: 'Nice', first: 'a', last: 'b', sightings: 1, lat: 43.7, lon: 7.2 },
    ]);
    expect(n.movement.distanceKm).toBe(300);
    expect(n.graph.nodes[0]).toEqual({ id: 'ad:7', kind: 'ad', label: 'T', adId: 7 });
  });
});
