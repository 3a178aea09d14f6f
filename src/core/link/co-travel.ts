/**
 * Co-travel: two groups of ads (e.g. two victims' phones) that appear in the same cities on the same
 * days, city after city, are moved together. Police describe victims moved "very regularly from city
 * to city" in small groups; independents rarely share three cities within days of each other.
 */

/** One ad of a group seen in a city on a day (days since epoch). */
export interface GroupSighting {
  group: number;
  ad: number;
  city: string;
  day: number;
}

export interface CoTravelOptions {
  /** Distinct shared cities needed. Default 3. */
  minCities: number;
  /** Max days between the two groups' sightings in one city. Default 2. */
  maxDays: number;
  /** Shared cities must be at least this share of the distinct cities of the group that has fewer. Default 0.5. */
  minShare: number;
  /** …and at least this share of the other group's cities (a group seen everywhere co-travels with no one). Default 0.34. */
  minShareOfMore: number;
  /** City-windows with more groups than this are skipped (a big city on a busy day says little). Default 40. */
  maxGroupsPerWindow: number;
}

export const DEFAULT_CO_TRAVEL: CoTravelOptions = {
  minCities: 3,
  maxDays: 2,
  minShare: 0.5,
  minShareOfMore: 0.34,
  maxGroupsPerWindow: 40,
};

export interface CoTravel {
  a: number;
  b: number;
  /** Shared cities with one ad of each group seen there, in time order. */
  visits: { city: string; day: number; adA: number; adB: number }[];
}

/** Pairs of groups seen together in at least `minCities` cities. Linear in sightings × window size. */
export function coTravelPairs(
  sightings: readonly GroupSighting[],
  options: Partial<CoTravelOptions> = {},
): CoTravel[] {
  const o = { ...DEFAULT_CO_TRAVEL, ...options };
  const byCity = new Map<string, GroupSighting[]>();
  for (const s of sightings) {
    const list = byCity.get(s.city) ?? [];
    list.push(s);
    byCity.set(s.city, list);
  }
  const pairs = new Map<string, Map<string, { day: number; adA: number; adB: number }>>();
  for (const [city, list] of byCity) {
    list.sort((x, y) => x.day - y.day || x.group - y.group);
    // Groups present within ±maxDays of the current sighting, kept with two pointers.
    const counts = new Map<number, number>();
    const add = (g: number, d: number) => {
      const n = (counts.get(g) ?? 0) + d;
      if (n === 0) counts.delete(g);
      else counts.set(g, n);
    };
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < list.length; i++) {
      const cur = list[i]!;
      while (hi < list.length && list[hi]!.day <= cur.day + o.maxDays) add(list[hi++]!.group, 1);
      while (list[lo]!.day < cur.day - o.maxDays) add(list[lo++]!.group, -1);
      if (counts.size < 2 || counts.size > o.maxGroupsPerWindow) continue;
      const seen = new Set<number>([cur.group]);
      for (let j = i - 1, steps = 0; j >= lo && steps < 400; j--, steps++) {
        const w = list[j]!;
        if (seen.has(w.group)) continue;
        seen.add(w.group);
        const [x, y] = w.group < cur.group ? [w, cur] : [cur, w];
        const k = `${x.group}|${y.group}`;
        let cities = pairs.get(k);
        if (!cities) {
          cities = new Map();
          pairs.set(k, cities);
        }
        if (!cities.has(city)) cities.set(city, { day: Math.min(x.day, y.day), adA: x.ad, adB: y.ad });
      }
    }
  }
  const citiesOf = new Map<number, Set<string>>();
  for (const s of sightings) {
    const set = citiesOf.get(s.group) ?? new Set<string>();
    set.add(s.city);
    citiesOf.set(s.group, set);
  }
  const out: CoTravel[] = [];
  for (const [k, cities] of pairs) {
    if (cities.size < o.minCities) continue;
    const [a, b] = k.split('|').map(Number) as [number, number];
    const fewer = Math.min(citiesOf.get(a)!.size, citiesOf.get(b)!.size);
    const more = Math.max(citiesOf.get(a)!.size, citiesOf.get(b)!.size);
    if (cities.size < o.minShare * fewer || cities.size < o.minShareOfMore * more) continue;
    const visits = [...cities].map(([city, v]) => ({ city, ...v })).sort((x, y) => x.day - y.day);
    out.push({ a, b, visits });
  }
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** "travels with …: Pau 2026-05-03, Nice 2026-05-09, Strasbourg 2026-05-15". */
export function coTravelReason(visits: CoTravel['visits']): string {
  const list = visits
    .slice(0, 6)
    .map((v) => `${v.city} ${new Date(v.day * 86_400_000).toISOString().slice(0, 10)}`)
    .join(', ');
  return `moved together: same cities on the same days (${list}${visits.length > 6 ? ', …' : ''})`;
}
