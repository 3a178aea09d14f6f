/**
 * Movement of a network or a phone across cities: the ordered stops (city, first seen, last seen),
 * distance travelled between stops (haversine over commune coordinates), tours (≥ N distinct cities
 * within D days) and appearances in new cities.
 */

/** One dated observation of an ad in a city. */
export interface Sighting {
  /** Epoch ms. */
  at: number;
  city: string;
  lat?: number | null;
  lon?: number | null;
}

export interface Stop {
  city: string;
  /** Epoch ms of the first and last sighting of this stop. */
  first: number;
  last: number;
  sightings: number;
  lat?: number;
  lon?: number;
}

export interface Tour {
  start: number;
  end: number;
  /** Distinct cities in visit order. */
  cities: string[];
}

export interface Movement {
  stops: Stop[];
  distinctCities: number;
  /** Sum of great-circle distances between consecutive stops with coordinates, km (1 decimal). */
  distanceKm: number;
  tours: Tour[];
  /** Each city seen for the first time after the first stop. */
  newCities: { city: string; at: number }[];
}

export interface MovementOptions {
  /** Minimum distinct cities for a tour. Default 3. */
  tourMinCities: number;
  /** Window for a tour, days. Default 30. */
  tourWindowDays: number;
}

export const DEFAULT_MOVEMENT_OPTIONS: MovementOptions = { tourMinCities: 3, tourWindowDays: 30 };

const DAY = 86_400_000;

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Ordered stops: consecutive sightings in the same city form one stop. */
export function stopsOf(sightings: readonly Sighting[]): Stop[] {
  const sorted = sightings
    .filter((s) => s.city && Number.isFinite(s.at))
    .slice()
    .sort((a, b) => a.at - b.at || a.city.localeCompare(b.city));
  const stops: Stop[] = [];
  for (const s of sorted) {
    const last = stops[stops.length - 1];
    if (last && last.city === s.city) {
      last.last = s.at;
      last.sightings++;
      if (last.lat === undefined && s.lat != null && s.lon != null) {
        last.lat = s.lat;
        last.lon = s.lon;
      }
      continue;
    }
    const stop: Stop = { city: s.city, first: s.at, last: s.at, sightings: 1 };
    if (s.lat != null && s.lon != null) {
      stop.lat = s.lat;
      stop.lon = s.lon;
    }
    stops.push(stop);
  }
  return stops;
}

/** Tours: maximal runs of stops with ≥ `tourMinCities` distinct cities starting within the window. */
export function toursOf(stops: readonly Stop[], options: Partial<MovementOptions> = {}): Tour[] {
  const o = { ...DEFAULT_MOVEMENT_OPTIONS, ...options };
  const windowMs = o.tourWindowDays * DAY;
  const intervals: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < stops.length; i++) {
    if (j < i) j = i;
    while (j + 1 < stops.length && stops[j + 1]!.first - stops[i]!.first <= windowMs) j++;
    const cities = new Set(stops.slice(i, j + 1).map((s) => s.city));
    if (cities.size >= o.tourMinCities) intervals.push([i, j]);
  }
  const merged: [number, number][] = [];
  for (const iv of intervals) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged.map(([a, b]) => {
    const seq = stops.slice(a, b + 1);
    return {
      start: seq[0]!.first,
      end: seq[seq.length - 1]!.last,
      cities: [...new Set(seq.map((s) => s.city))],
    };
  });
}

/** Movement summary of a set of sightings. */
export function movementOf(sightings: readonly Sighting[], options: Partial<MovementOptions> = {}): Movement {
  const stops = stopsOf(sightings);
  let km = 0;
  let prev: Stop | undefined;
  for (const s of stops) {
    if (s.lat === undefined || s.lon === undefined) continue;
    if (prev) km += haversineKm(prev.lat!, prev.lon!, s.lat, s.lon);
    prev = s;
  }
  const seen = new Set<string>();
  const newCities: { city: string; at: number }[] = [];
  stops.forEach((s, i) => {
    if (!seen.has(s.city) && i > 0) newCities.push({ city: s.city, at: s.first });
    seen.add(s.city);
  });
  return {
    stops,
    distinctCities: seen.size,
    distanceKm: Math.round(km * 10) / 10,
    tours: toursOf(stops, options),
    newCities,
  };
}

/** Movement per key (e.g. per phone): sightings tagged with the keys they belong to. */
export function movementByKey(
  sightings: readonly (Sighting & { keys: readonly string[] })[],
  options: Partial<MovementOptions> = {},
): Map<string, Movement> {
  const by = new Map<string, Sighting[]>();
  for (const s of sightings)
    for (const k of s.keys) {
      if (!by.has(k)) by.set(k, []);
      by.get(k)!.push(s);
    }
  return new Map([...by].map(([k, list]) => [k, movementOf(list, options)]));
}
