/**
 * Triage/search filters and their two encodings: the page URL (shareable, back button) and the API query.
 * Both are the same `key=value` pairs so a link copied from the address bar reproduces the API call.
 */

export type ReviewedFilter = 'all' | 'yes' | 'no';
/** Ranking: one of the three explainable scores, or newest first. */
export type TriageSort = 'minor' | 'control' | 'recruitment' | 'recent';
export const SORTS: readonly TriageSort[] = ['minor', 'control', 'recruitment', 'recent'];

export interface AdFilters {
  /** Inclusive ISO dates (YYYY-MM-DD) on the posting/capture date. */
  from?: string;
  to?: string;
  /** A département code ("69", "2A") or a commune INSEE code (5 characters). */
  place?: string;
  source?: string;
  category?: string;
  /** Indicator codes (`minor.new_girl`) that must all be present. */
  indicators: string[];
  reviewed: ReviewedFilter;
  /** Minimal value in [0, 1] of the score used for ranking. */
  minScore?: number;
  sort: TriageSort;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 50;

export const defaultFilters = (): AdFilters => ({
  indicators: [],
  reviewed: 'no',
  sort: 'minor',
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLACE = /^(\d{2}|2[AB]|97\d|\d{5}|2[AB]\d{3})$/;

/** Reads filters from a query string, dropping anything malformed instead of failing. */
export function parseFilters(search: string): AdFilters {
  const p = new URLSearchParams(search);
  const f = defaultFilters();
  const from = p.get('from');
  if (from && DATE.test(from)) f.from = from;
  const to = p.get('to');
  if (to && DATE.test(to)) f.to = to;
  const place = p.get('place')?.trim().toUpperCase();
  if (place && PLACE.test(place)) f.place = place;
  const source = p.get('source')?.trim();
  if (source) f.source = source;
  const category = p.get('category')?.trim();
  if (category) f.category = category;
  const ind = p.get('indicators');
  if (ind)
    f.indicators = [
      ...new Set(
        ind
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
  const reviewed = p.get('reviewed');
  if (reviewed === 'all' || reviewed === 'yes' || reviewed === 'no') f.reviewed = reviewed;
  const min = Number(p.get('minScore'));
  if (p.has('minScore') && Number.isFinite(min) && min > 0 && min <= 1) f.minScore = min;
  const sort = p.get('sort');
  if (SORTS.includes(sort as TriageSort)) f.sort = sort as TriageSort;
  const page = Number(p.get('page'));
  if (Number.isInteger(page) && page >= 1) f.page = page;
  const size = Number(p.get('pageSize'));
  if (Number.isInteger(size) && size >= 10 && size <= 200) f.pageSize = size;
  return f;
}

/** Writes filters as a query string (without `?`), omitting defaults so URLs stay short and stable. */
export function filtersToQuery(f: AdFilters): string {
  const d = defaultFilters();
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.place) p.set('place', f.place);
  if (f.source) p.set('source', f.source);
  if (f.category) p.set('category', f.category);
  if (f.indicators.length > 0) p.set('indicators', [...f.indicators].sort().join(','));
  if (f.reviewed !== d.reviewed) p.set('reviewed', f.reviewed);
  if (f.minScore !== undefined) p.set('minScore', String(f.minScore));
  if (f.sort !== d.sort) p.set('sort', f.sort);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.pageSize !== d.pageSize) p.set('pageSize', String(f.pageSize));
  return p.toString();
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The server's query for GET /api/v1/ads (src/server/ads/list-ads.ts): `to` is exclusive there, a place
 * is a commune (INSEE, 5 characters) or a département, the threshold applies to the ranking score.
 */
export function toApiQuery(f: AdFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', nextDay(f.to));
  if (f.place) p.set(f.place.length === 5 ? 'commune' : 'departement', f.place);
  if (f.source) p.set('source', f.source);
  if (f.category) p.set('category', f.category);
  if (f.indicators.length > 0) p.set('indicator', f.indicators.join(','));
  if (f.reviewed !== 'all') p.set('reviewed', f.reviewed === 'yes' ? 'true' : 'false');
  if (f.minScore !== undefined && f.sort !== 'recent') {
    p.set(`min${f.sort[0]!.toUpperCase()}${f.sort.slice(1)}`, String(f.minScore));
  }
  p.set('sort', f.sort);
  p.set('limit', String(f.pageSize));
  if (f.page > 1) p.set('offset', String((f.page - 1) * f.pageSize));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

/** Changing any filter other than the page sends the user back to page 1. */
export function updateFilters(f: AdFilters, patch: Partial<AdFilters>): AdFilters {
  const next = { ...f, ...patch };
  if (!('page' in patch)) next.page = 1;
  return next;
}

/** Number of pages for a total (at least 1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The filters as a saved search for a watchlist (`kind: search`): the ads-list filters only, without
 * ranking or paging, as the JSON object the server validates.
 */
export function filtersToSavedSearch(f: AdFilters): Record<string, string> {
  const out = Object.fromEntries(new URLSearchParams(toApiQuery(f)));
  for (const k of ['sort', 'limit', 'offset']) delete out[k];
  return out;
}
