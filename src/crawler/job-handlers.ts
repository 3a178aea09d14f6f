import type { ImageHasher } from '../import/images.ts';
import type { Analyzer } from '../import/import-runner.ts';
import type { Backend } from '../store/database.ts';
import { enqueueJob } from '../store/jobs-repo.ts';
import { type LoadedAdapter, loadAdapter } from './adapter-loader.ts';
import { capturePage } from './capture.ts';
import { crawlSite } from './crawler.ts';
import type { JobHandler } from './worker.ts';

/** Payload of a `crawl` job. */
export interface CrawlJobPayload {
  adapter: string;
  baseUrl?: string;
}

/** Payload of a `capture` job. */
export interface CaptureJobPayload {
  url: string;
  adapter?: string;
}

/** Queues a crawl of an adapter (at most one queued per site); returns the job id or null if one is queued. */
export function scheduleCrawl(
  b: Backend,
  a: Pick<LoadedAdapter, 'name' | 'file'>,
  runAt?: Date,
  baseUrl?: string,
) {
  const payload: CrawlJobPayload = { adapter: a.file, ...(baseUrl ? { baseUrl } : {}) };
  return enqueueJob(b.db, { kind: 'crawl', payload, runAt, dedupeKey: `crawl:${a.name}`, maxAttempts: 3 });
}

/**
 * The handlers a `vigie worker` runs: `crawl` (one crawl of an adapter, then the next one scheduled per
 * `schedule.everyMinutes`) and `capture` (one page). `deps` gives the analyzer lazily (worker threads are
 * only started when a job needs them).
 */
export function crawlHandlers(deps: {
  analyzer: () => Promise<Analyzer>;
  imageHasher?: ImageHasher;
}): Record<string, JobHandler> {
  return {
    async crawl(job, ctx) {
      const p = job.payload as CrawlJobPayload;
      const adapter = await loadAdapter(p.adapter, { baseUrl: p.baseUrl });
      const s = await crawlSite({
        backend: ctx.backend,
        adapter,
        analyzer: await deps.analyzer(),
        imageHasher: deps.imageHasher,
        signal: ctx.signal,
      });
      ctx.log(
        `crawl ${adapter.name}: ${s.status}, ${s.pages} pages, ${s.errors} errors, ${s.ads_new} new, ${s.ads_updated} updated, ${s.ads_deleted} deleted, ${s.reposts} reposts`,
      );
      if (s.status === 'failed') throw new Error(s.errorMessages.at(-1) ?? 'crawl failed');
      if (s.status !== 'stopped' && adapter.schedule) {
        await scheduleCrawl(
          ctx.backend,
          adapter,
          new Date(Date.now() + adapter.schedule.everyMinutes * 60_000),
          p.baseUrl,
        );
      }
    },
    async capture(job, ctx) {
      const p = job.payload as CaptureJobPayload;
      const adapter = p.adapter ? await loadAdapter(p.adapter) : undefined;
      const r = await capturePage({
        backend: ctx.backend,
        url: p.url,
        adapter,
        analyzer: await deps.analyzer(),
        imageHasher: deps.imageHasher,
      });
      ctx.log(
        `capture ${p.url}: capture ${r.captureId}, sha256 ${r.sha256}, ad ${r.source}/${r.sourceId} ${r.outcome}`,
      );
    },
  };
}
