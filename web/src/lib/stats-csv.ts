/** The statistics as one CSV (a `table` column tells the sections apart), for spreadsheets. */
import type { Stats } from '../api/types.ts';
import { toCsv } from './csv.ts';

export function statsToCsv(s: Stats): string {
  const rows: (string | number | null)[][] = [];
  for (const w of s.perWeek) rows.push(['per_week', w.week, w.ads, w.minor ?? null]);
  for (const d of s.perDepartement)
    rows.push(['per_departement', d.departement ?? '', d.ads, d.minor ?? null]);
  for (const x of s.perSource) rows.push(['per_source', x.source, x.ads, null]);
  rows.push(['minor_share', 'all', s.minorShare.ads, s.minorShare.withMinorIndicators]);
  for (const n of s.networkSizes) rows.push(['network_sizes', String(n.size), n.networks, null]);
  return toCsv(['table', 'key', 'count', 'with_minor_indicators'], rows);
}

/** Share in [0, 1] (0 when there is nothing). */
export function minorShare(s: Stats['minorShare']): number {
  if (typeof s.share === 'number') return s.share;
  return s.ads > 0 ? s.withMinorIndicators / s.ads : 0;
}
