import type { AdExportLine, Analysis } from '../core/types.ts';
import type { Backend } from '../store/database.ts';

/** The export line of one stored ad (latest version). Absent values are empty or null, never invented. */
export function exportLineOf(row: {
  source: string;
  source_id: string;
  analysis: string | null;
  city_name: string | null;
  cluster_id: string | null;
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
  };
}

/** Streams every ad's export line in id order, a page at a time (keyset pagination, bounded memory). */
export async function* exportAds(b: Backend, pageSize = 1000): AsyncGenerator<AdExportLine> {
  let after = 0;
  for (;;) {
    const rows = await b.db
      .selectFrom('ads')
      .select(['id', 'source', 'source_id', 'analysis', 'city_name', 'cluster_id'])
      .where('id', '>', after)
      .orderBy('id')
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
  ];
  return cells.map(csvCell).join(',');
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
