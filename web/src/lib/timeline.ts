/** Shapes the "ads per day by city" series for a stacked bar chart. */

export interface DayCity {
  day: string;
  city: string;
  count: number;
}

export interface StackedSeries {
  days: string[];
  series: { city: string; data: number[] }[];
}

/**
 * Every day between the first and the last (gaps included, so pauses are visible), one series per city
 * ordered by total; cities beyond `maxCities` are summed into `otherLabel`.
 */
export function stackByCity(rows: readonly DayCity[], maxCities = 8, otherLabel = 'other'): StackedSeries {
  if (rows.length === 0) return { days: [], series: [] };
  const sorted = [...rows].map((r) => r.day.slice(0, 10)).sort();
  const days: string[] = [];
  const end = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`);
  for (let d = Date.parse(`${sorted[0]}T00:00:00Z`); d <= end && days.length < 3660; d += 86_400_000)
    days.push(new Date(d).toISOString().slice(0, 10));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.city, (totals.get(r.city) ?? 0) + r.count);
  const cities = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c]) => c);
  const kept = cities.slice(0, maxCities);
  const index = new Map(days.map((d, i) => [d, i]));
  const series = kept.map((city) => ({ city, data: new Array<number>(days.length).fill(0) }));
  const other = { city: otherLabel, data: new Array<number>(days.length).fill(0) };
  for (const r of rows) {
    const i = index.get(r.day.slice(0, 10));
    if (i === undefined) continue;
    const s = series.find((x) => x.city === r.city) ?? other;
    s.data[i]! += r.count;
  }
  if (cities.length > maxCities) series.push(other);
  return { days, series };
}

/** Derives day/city counts from ads when the server gives no timeline. */
export function timelineFromAds(
  ads: readonly { city?: string | null; postedAt?: string | null; firstSeen?: string | null }[],
  unknown: string,
): DayCity[] {
  const m = new Map<string, DayCity>();
  for (const a of ads) {
    const at = a.postedAt ?? a.firstSeen;
    if (!at) continue;
    const day = at.slice(0, 10);
    const city = a.city ?? unknown;
    const k = `${day}|${city}`;
    const r = m.get(k);
    if (r) r.count++;
    else m.set(k, { day, city, count: 1 });
  }
  return [...m.values()];
}
