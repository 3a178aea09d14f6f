import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../store/database.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { buildTestAnalyzer } from '../test-support/build.ts';
import { type LoadedAdapter, loadAdapter } from './adapter-loader.ts';
import { crawlSite } from './crawler.ts';
import { type FixtureServer, startFixtureSite, startForeignSite } from './fixtures/site.ts';
import { crawlHandlers, scheduleCrawl } from './job-handlers.ts';
import { runWorker } from './worker.ts';

describe('incomplete crawls never delete', () => {
  let site: FixtureServer;
  let foreign: FixtureServer;
  let b: Backend;
  let A: LoadedAdapter;
  const analyzer = buildTestAnalyzer();
  beforeAll(async () => {
    foreign = await startForeignSite();
    site = await startFixtureSite(foreign.url);
    A = await loadAdapter('data/adapters/fixture-annonces-a.json', { baseUrl: site.url });
    b = await (await backendsUnderTest())[0].open();
    site.setRound(1);
    await crawlSite({ backend: b, adapter: A, analyzer, backoffMs: 5 });
    site.setRound(2); // 103 and 105 leave the listing
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
    await foreign?.close();
  });

  it('a listing cut by maxPages deletes nothing by absence', async () => {
    const s = await crawlSite({
      backend: b,
      adapter: { ...A, list: { ...A.list, maxPages: 1 } },
      analyzer,
      backoffMs: 5,
    });
    expect(s.listingComplete).toBe(false);
    expect(s.ads_deleted).toBe(0);
    expect(await b.db.selectFrom('ads').select('id').where('deleted_at', 'is not', null).execute()).toEqual(
      [],
    );
  });

  it('a stopped crawl is recorded as stopped and deletes nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const s = await crawlSite({ backend: b, adapter: A, analyzer, signal: ctl.signal });
    expect(s.status).toBe('stopped');
    expect(s.ads_deleted).toBe(0);
    const run = await b.db
      .selectFrom('crawl_runs')
      .selectAll()
      .where('id', '=', s.runId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('stopped');
    expect(run.finished_at).not.toBeNull();
  });

  it('an unreachable site fails the run and records the error in its health', async () => {
    const dead = {
      ...A,
      baseUrl: 'http://127.0.0.1:9',
      starts: ['http://127.0.0.1:9/annonces'],
      hosts: new Set(['127.0.0.1:9']),
      retries: 0,
    };
    const s = await crawlSite({ backend: b, adapter: dead, analyzer, backoffMs: 1 });
    expect(s.status).toBe('failed');
    expect(s.ads_deleted).toBe(0);
    const h = await b.db
      .selectFrom('site_health')
      .selectAll()
      .where('source', '=', A.name)
      .executeTakeFirstOrThrow();
    expect(h.last_error).toMatch(/robots\.txt of 127\.0\.0\.1:9 could not be read/);
  });

  it('a crawl job runs through the worker and queues the next crawl per the schedule', async () => {
    await b.db.deleteFrom('jobs').execute();
    const t0 = Date.now();
    expect(await scheduleCrawl(b, A, undefined, site.url)).not.toBeNull();
    const handlers = crawlHandlers({ analyzer: async () => analyzer });
    const s = await runWorker({ backend: b, id: 'sched', drain: true, handlers });
    expect(s.done).toBe(1);
    const next = await b.db.selectFrom('jobs').selectAll().where('status', '=', 'queued').execute();
    expect(next.length).toBe(1);
    expect(JSON.parse(next[0].payload)).toEqual({ adapter: A.file, baseUrl: site.url });
    expect(Date.parse(next[0].run_at) - t0).toBeGreaterThanOrEqual(59 * 60_000); // schedule.everyMinutes: 60
  });
});
