import type { Backend } from '../store/database.ts';

/** How a monitored site is doing: for `vigie crawl status` and the API. */
export interface SiteHealth {
  source: string;
  runs: number;
  running: boolean;
  lastRun: {
    id: number;
    status: string;
    startedAt: string;
    finishedAt: string | null;
    pages: number;
    errors: number;
    refused: number;
    adsNew: number;
    adsUpdated: number;
    adsDeleted: number;
    reposts: number;
  } | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  pagesPerMinute: number;
  pagesTotal: number;
  errorsTotal: number;
  ads: number;
  deletedAds: number;
}

/** Health of every crawled site, by name. */
export async function siteHealth(b: Backend): Promise<SiteHealth[]> {
  const health = await b.db.selectFrom('site_health').selectAll().orderBy('source').execute();
  const runs = await b.db
    .selectFrom('crawl_runs')
    .select(['source', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('id').as('last')])
    .groupBy('source')
    .execute();
  const sources = [...new Set([...health.map((h) => h.source), ...runs.map((r) => r.source)])].sort();
  const out: SiteHealth[] = [];
  for (const source of sources) {
    const h = health.find((x) => x.source === source);
    const r = runs.find((x) => x.source === source);
    const last = r
      ? await b.db.selectFrom('crawl_runs').selectAll().where('id', '=', Number(r.last)).executeTakeFirst()
      : undefined;
    const counts = await b.db
      .selectFrom('ads')
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.count<number>('deleted_at').as('deleted'),
      ])
      .where('source', '=', source)
      .executeTakeFirst();
    out.push({
      source,
      runs: Number(r?.n ?? 0),
      running: last?.status === 'running',
      lastRun: last
        ? {
            id: last.id,
            status: last.status,
            startedAt: last.started_at,
            finishedAt: last.finished_at,
            pages: last.pages,
            errors: last.errors,
            refused: last.refused,
            adsNew: last.ads_new,
            adsUpdated: last.ads_updated,
            adsDeleted: last.ads_deleted,
            reposts: last.reposts,
          }
        : null,
      lastSuccessAt: h?.last_success_at ?? null,
      lastErrorAt: h?.last_error_at ?? null,
      lastError: h?.last_error ?? null,
      pagesPerMinute: h?.pages_per_minute ?? 0,
      pagesTotal: h?.pages_total ?? 0,
      errorsTotal: h?.errors_total ?? 0,
      ads: Number(counts?.n ?? 0),
      deletedAds: Number(counts?.deleted ?? 0),
    });
  }
  return out;
}
