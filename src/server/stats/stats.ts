import { sql } from 'kysely';
import type { Backend } from '../../store/database.ts';
import { tableExists } from '../table-exists.ts';

/** Monday (UTC) of the ISO week of a YYYY-MM-DD day. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether an ad has a minor indicator. Codes are `<category>.<name>`, so the indicator index answers with a
 * range on its primary key; databases without it fall back to the analysis JSON (written by
 * JSON.stringify, so the category reads exactly `"category":"minor"`).
 */
function hasMinor(indexed: boolean) {
  return indexed
    ? sql<number>`CASE WHEN ads.id IN (SELECT ad_id FROM ad_indicators WHERE code >= 'minor.' AND code < 'minor/') THEN 1 ELSE 0 END`
    : sql<number>`CASE WHEN ads.analysis LIKE '%"category":"minor"%' THEN 1 ELSE 0 END`;
}

export interface StatsRange {
  from?: string;
  to?: string;
}

/** Aggregates for the statistics screen: no personal data, only counts. */
export async function computeStats(b: Backend, r: StatsRange) {
  const HAS_MINOR = hasMinor(await tableExists(b, 'ad_indicators'));
  // An ad counts when it was posted; when the site gives no date, when Vigie first saw it.
  const at = sql<string>`coalesce(posted_at, first_seen)`;
  const base = () => {
    let q = b.db.selectFrom('ads');
    if (r.from) q = q.where(at, '>=', r.from);
    if (r.to) q = q.where(at, '<', r.to);
    return q;
  };
  const n = (v: unknown) => Number(v ?? 0);
  const days = await base()
    .select([
      sql<string>`substr(${at}, 1, 10)`.as('day'),
      sql<number>`count(*)`.as('ads'),
      sql<number>`sum(${HAS_MINOR})`.as('minor'),
    ])
    .groupBy(sql`substr(${at}, 1, 10)`)
    .execute();
  const weeks = new Map<string, { ads: number; minor: number }>();
  for (const d of days) {
    const w = weeks.get(weekOf(d.day)) ?? { ads: 0, minor: 0 };
    weeks.set(weekOf(d.day), { ads: w.ads + n(d.ads), minor: w.minor + n(d.minor) });
  }
  const deps = await base()
    .select(['departement', sql<number>`count(*)`.as('ads'), sql<number>`sum(${HAS_MINOR})`.as('minor')])
    .groupBy('departement')
    .execute();
  const sources = await base()
    .select(['source', sql<number>`count(*)`.as('ads')])
    .groupBy('source')
    .execute();
  const sizes = await b.db
    .selectFrom(
      base()
        .select(['cluster_id', sql<number>`count(*)`.as('size')])
        .where('cluster_id', 'is not', null)
        .groupBy('cluster_id')
        .as('c'),
    )
    .select(['c.size', sql<number>`count(*)`.as('networks')])
    .groupBy('c.size')
    .execute();
  const total = days.reduce((s, d) => s + n(d.ads), 0);
  const minor = days.reduce((s, d) => s + n(d.minor), 0);
  return {
    range: { from: r.from ?? null, to: r.to ?? null },
    perWeek: [...weeks].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([week, v]) => ({ week, ...v })),
    perDepartement: deps
      .map((d) => ({ departement: d.departement, ads: n(d.ads), minor: n(d.minor) }))
      .sort((x, y) => y.ads - x.ads),
    perSource: sources.map((s) => ({ source: s.source, ads: n(s.ads) })).sort((x, y) => y.ads - x.ads),
    minorShare: { ads: total, withMinorIndicators: minor, share: total ? minor / total : 0 },
    networkSizes: sizes
      .map((s) => ({ size: n(s.size), networks: n(s.networks) }))
      .sort((x, y) => x.size - y.size),
  };
}
export type Stats = Awaited<ReturnType<typeof computeStats>>;

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** One table of the statistics as CSV. */
export function statsCsv(
  s: Stats,
  table: 'perWeek' | 'perDepartement' | 'perSource' | 'networkSizes',
): string {
  const rows = s[table] as Record<string, unknown>[];
  const cols = rows[0]
    ? Object.keys(rows[0])
    : {
        perWeek: ['week', 'ads', 'minor'],
        perDepartement: ['departement', 'ads', 'minor'],
        perSource: ['source', 'ads'],
        networkSizes: ['size', 'networks'],
      }[table];
  return `${[cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}
