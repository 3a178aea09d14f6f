import type { Analysis } from '../../core/types.ts';

/** The columns an ads list needs. */
export const SUMMARY_COLUMNS = [
  'ads.id',
  'ads.source',
  'ads.source_id',
  'ads.title',
  'ads.body',
  'ads.url',
  'ads.posted_at',
  'ads.first_seen',
  'ads.last_seen',
  'ads.deleted_at',
  'ads.city_name',
  'ads.city_insee',
  'ads.departement',
  'ads.category',
  'ads.score_minor',
  'ads.score_control',
  'ads.score_recruitment',
  'ads.cluster_id',
  'ads.reviewed',
  'ads.analysis',
] as const;

export interface SummaryRow {
  id: number;
  source: string;
  source_id: string;
  title: string | null;
  body: string;
  url: string | null;
  posted_at: string | null;
  first_seen: string;
  last_seen: string;
  deleted_at: string | null;
  city_name: string | null;
  city_insee: string | null;
  departement: string | null;
  category: string | null;
  score_minor: number;
  score_control: number;
  score_recruitment: number;
  cluster_id: string | null;
  reviewed: number;
  analysis: string | null;
}

export function parseAnalysis(s: string | null): Analysis | null {
  if (!s) return null;
  try {
    return JSON.parse(s) as Analysis;
  } catch {
    return null;
  }
}

/** One ad in a list: enough to triage without opening it. */
export function adSummary(r: SummaryRow) {
  const a = parseAnalysis(r.analysis);
  return {
    id: r.id,
    source: r.source,
    sourceId: r.source_id,
    title: r.title,
    snippet: r.body.length > 240 ? `${r.body.slice(0, 240)}…` : r.body,
    url: r.url,
    postedAt: r.posted_at,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    deletedAt: r.deleted_at,
    city: r.city_name,
    insee: r.city_insee,
    departement: r.departement,
    category: r.category,
    scores: { minor: r.score_minor, control: r.score_control, recruitment: r.score_recruitment },
    cluster: r.cluster_id,
    reviewed: r.reviewed === 1,
    phones: a ? a.extraction.phones.map((p) => p.e164) : [],
    indicators: a ? [...new Set(a.indicators.map((i) => i.code))] : [],
  };
}
export type AdSummary = ReturnType<typeof adSummary>;
