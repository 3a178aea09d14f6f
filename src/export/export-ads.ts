import type { AdExportLine, Analysis } from '../core/types.ts';
import type { Backend } from '../store/database.ts';

/** The export line of one stored ad (latest version). Absent values are empty or null, never invented. */
export function exportLineOf(row: {
  source: string;
  source_id: string;
  analysis: string | null;
  city_name: string | null;
  cluster_id: string | null;
  deleted_at: string | null;
  version: number;
  repost_source?: string | null;
  repost_id?: string | null;
}): AdExportLine {
  const a = row.analysis ? (JSON.parse(row.analysis) as Analysis) : null;
  const x = a?.extraction;
  return {
    source: row.source,
    id: row.source_id,
    phones: x ? x.phones.map((p) => p.e164) : [],
    emails: x ? x.emails.map((e) => e.email) : [],
    handles: x ? x.handles.map((h) => ({ platform: h.platform, handle: h.handle })) : [],
    ages: x ? [...new Set(x.ages.map((g) => g.age))] : [],
    city: row.city_name,
    cluster: row.cluster_id,
    scores: a ? a.scores : { minor: 0, control: 0, recruitment: 0 },
    indicators: a
      ? a.indicators.map((i) => ({
          code: i.code,
          category: i.category,
          field: i.field,
          start: i.start,
          end: i.end,
        }))
      : [],
    deleted_at: row.deleted_at,
    repost_of: row.repost_source && row.repost_id ? { source: row.repost_source, id: row.repost_id } : null,
    versions: row.version,
  };
}

/** Streams every ad's export line in id order, a page at a time (keyset pagination, bounded memory). */
export async function* exportAds(b: Backend, pageSize = 1000): AsyncGenerator<AdExportLine> {
  let after = 0;
  for (;;) {
    const rows = await b.db
      .selectFrom('ads')
      .select(['ads.id', 'ads.source', 'ads.source_id', 'ads.analysis', 'ads.city_name', 'ads.cluster_id'])
      .select(['ads.deleted_at', 'ads.version'])
      .select((eb) => [
        eb
          .selectFrom('reposts')
          .innerJoin('ads as o', 'o.id', 'reposts.original_ad_id')
          .select('o.source')
          .whereRef('reposts.ad_id', '=', 'ads.id')
          .limit(1)
          .as('repost_source'),
        eb
          .selectFrom('reposts')
          .innerJoin('ads as o', 'o.id', 'reposts.original_ad_id')
          .select('o.source_id')
          .whereRef('reposts.ad_id', '=', 'ads.id')
          .limit(1)
          .as('repost_id'),
      ])
      .where('ads.id', '>', after)
      .orderBy('ads.id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) yield exportLineOf(r);
    after = rows[rows.length - 1].id;
  }
}

const CSV_COLUMNS = [
  'source',
  'id',
  'phones',
  'emails',
  'handles',
  'ages',
  'city',
  'cluster',
  'minor',
  'control',
  'recruitment',
  'indicators',
  'deleted_at',
  'repost_of',
  'versions',
];

/** CSV header for `export ads --format csv`. Lists are `|`-separated; handles are `platform:handle`. */
export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

/** One CSV row for an export line (RFC 4180 quoting). */
export function csvRow(l: AdExportLine): string {
  const cells = [
    l.source,
    l.id,
    l.phones.join('|'),
    l.emails.join('|'),
    l.handles.map((h) => `${h.platform}:${h.handle}`).join('|'),
    l.ages.join('|'),
    l.city ?? '',
    l.cluster ?? '',
    String(l.scores.minor),
    String(l.scores.control),
    String(l.scores.recruitment),
    l.indicators.map((i) => `${i.code}@${i.field}:${i.start}-${i.end}`).join('|'),
    l.deleted_at ?? '',
    l.repost_of ? `${l.repost_of.source}:${l.repost_of.id}` : '',
    String(l.versions ?? ''),
  ];
  return cells.map(csvCell).join(',');
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
