import { createHash } from 'node:crypto';
import { foldForSearch as fold } from '../core/normalize/normalize.ts';
import type { ImageHasher } from '../import/images.ts';
import { type Analyzer, importLines } from '../import/import-runner.ts';
import type { RawLine } from '../import/read-records.ts';
import type { Backend } from '../store/database.ts';
import {
  type RunCounts,
  finishRun,
  linkCaptureToAd,
  liveAdIds,
  markAlive,
  markDeleted,
  recordTextHashes,
  startRun,
} from '../store/crawl-repo.ts';
import { fetchAdImages } from './ad-images.ts';
import type { LoadedAdapter } from './adapter-loader.ts';
import { type Session, type SessionOptions, createSession } from './crawl-session.ts';
import { extractDetail } from './extract.ts';
import { FetchError } from './fetcher.ts';
import { walkLists } from './list-walk.ts';
import { createChannel } from './channel.ts';

export interface CrawlOptions {
  backend: Backend;
  adapter: LoadedAdapter;
  analyzer: Analyzer;
  imageHasher?: ImageHasher;
  signal?: AbortSignal;
  backoffMs?: number;
  createRenderer?: SessionOptions['createRenderer'];
  onProgress?: (p: { phase: 'lists' | 'ads' | 'store'; pages: number; errors: number; ads: number }) => void;
  onWarning?: (msg: string) => void;
}

export interface CrawlSummary extends RunCounts {
  runId: number;
  status: 'ok' | 'partial' | 'failed' | 'stopped';
  listingComplete: boolean;
  errorMessages: string[];
}

/** SHA-256 of an ad's folded body with spaces collapsed: equal for the same text reposted. */
export function textHash(body: string): string {
  return createHash('sha256').update(fold(body).replace(/\s+/g, ' ').trim()).digest('hex');
}

/**
 * Crawls one site once: list pages, then every listed ad page (each fetch kept as a capture), stores the ads
 * through the import pipeline (new / edited → new version / unchanged), downloads images, then records
 * deletions (404/410, a "removed" page, or gone from a complete listing), reappearances and reposts.
 */
export async function crawlSite(o: CrawlOptions): Promise<CrawlSummary> {
  const a = o.adapter;
  const b = o.backend;
  const started = new Date();
  const runId = await startRun(b.db, a.name, a.file, started);
  const c: RunCounts = {
    pages: 0,
    errors: 0,
    refused: 0,
    ads_new: 0,
    ads_updated: 0,
    ads_unchanged: 0,
    ads_deleted: 0,
    reposts: 0,
  };
  const messages: string[] = [];
  const err = (m: string) => {
    c.errors++;
    if (messages.length < 50) messages.push(m);
    o.onWarning?.(m);
  };
  const progress = (phase: 'lists' | 'ads' | 'store') =>
    o.onProgress?.({
      phase,
      pages: c.pages,
      errors: c.errors,
      ads: c.ads_new + c.ads_updated + c.ads_unchanged,
    });
  let session: Session | null = null;
  let status: CrawlSummary['status'] = 'ok';
  let listingComplete = false;
  try {
    session = await createSession({
      backend: b,
      adapter: a,
      runId,
      signal: o.signal,
      backoffMs: o.backoffMs,
      createRenderer: o.createRenderer,
    });
    const walk = await walkLists(a, session, o.signal);
    c.pages += walk.pages;
    c.refused += walk.refused.length;
    for (const r of walk.refused) o.onWarning?.(`${r}: link to a host outside the adapter, not fetched`);
    for (const e of walk.errors) err(e);
    listingComplete = walk.complete;
    progress('lists');

    // Ads are stored while the crawl goes on (small batches), so a stopped or killed crawl keeps its work.
    const records = createChannel<RawLine>();
    const s = session;
    const warn = (m: string) => o.onWarning?.(m);
    const importing = importLines(records, {
      backend: b,
      analyzer: o.analyzer,
      kind: 'crawl',
      batchSize: 25,
      onWarning: warn,
      afterBatch: async (ids) => {
        await fetchAdImages(b, s.fetcher, a, ids, { hasher: o.imageHasher, runId, warn });
        const rows = await b.db.selectFrom('ads').select(['id', 'body']).where('id', 'in', ids).execute();
        c.reposts += await recordTextHashes(
          b.db,
          rows.map((r) => ({ adId: r.id, sha256: textHash(r.body) })),
          new Date(),
        );
      },
    });
    importing.catch(() => {}); // awaited below; avoids an unhandled rejection while pages are still fetched
    const gone = new Map<string, string>();
    const seen = new Set<string>();
    const queue = [...walk.links];
    const worker = async (s: Session) => {
      for (let url = queue.shift(); url !== undefined && !o.signal?.aborted; url = queue.shift()) {
        await crawlDetail(s, url);
        progress('ads');
      }
    };
    const crawlDetail = async (s: Session, url: string) => {
      let page: Awaited<ReturnType<Session['getPage']>>;
      try {
        page = await s.getPage(url, 'detail');
      } catch (e) {
        if (e instanceof FetchError && (e.code === 'host_not_allowed' || e.code === 'robots_disallowed'))
          c.refused++;
        err(e instanceof FetchError ? e.message : `${url}: ${(e as Error).message}`);
        return;
      }
      c.pages++;
      const r = page.result;
      const fields = extractDetail(r.status >= 400 ? '' : page.html, url, a, r.fetchedAt);
      const id = fields.id ?? (await idByUrl(b, a.name, url));
      if (r.status === 404 || r.status === 410 || (fields.gone && r.status < 400)) {
        if (id) gone.set(id, fields.gone ? 'gone_page' : `http_${r.status}`);
        if (id) await linkCaptureToAd(b.db, page.captureId, a.name, id);
        return;
      }
      if (r.status >= 400) return err(`${url}: HTTP ${r.status}`);
      if (r.truncated) return err(`${url}: page larger than ${a.maxPageBytes} bytes, cut and not read`);
      if (!id) return err(`${url}: no ad id found (detail.id)`);
      if (!fields.body) return err(`${url}: no ad text found (detail.body)`);
      seen.add(id);
      await linkCaptureToAd(b.db, page.captureId, a.name, id);
      const rec: Record<string, unknown> = {
        source: a.name,
        id,
        url,
        body: fields.body,
        captured_at: r.fetchedAt.toISOString(),
      };
      for (const k of ['title', 'city', 'phone', 'age', 'category'] as const)
        if (fields[k] !== undefined) rec[k] = fields[k];
      if (fields.postedAt)
        rec.posted_at = await stablePostedAt(b, a.name, id, fields.postedAt, fields.postedAtPrecisionMs ?? 0);
      if (fields.postedAtText) rec.posted_at_text = fields.postedAtText;
      if (fields.images.length > 0) rec.images = fields.images;
      records.push({ file: url, baseDir: '', line: 0, raw: JSON.stringify(rec), value: rec });
    };
    try {
      await Promise.all(Array.from({ length: a.concurrency }, () => worker(s)));
    } finally {
      records.close();
    }
    progress('store');
    const summary = await importing;
    c.ads_new = summary.new;
    c.ads_updated = summary.updated;
    c.ads_unchanged = summary.unchanged;
    for (const m of summary.firstRejects) err(`rejected: ${m}`);
    await markAlive(b.db, a.name, [...seen]);
    const now = new Date();
    for (const [id, reason] of gone)
      c.ads_deleted += await markDeleted(b.db, a.name, [id], reason, runId, now);
    if (listingComplete && !o.signal?.aborted) {
      const listed = new Set(walk.links);
      const unlisted = (await liveAdIds(b.db, a.name)).filter(
        (x) => !seen.has(x.sourceId) && !gone.has(x.sourceId) && !(x.url && listed.has(x.url)),
      );
      for (const x of unlisted) {
        const reason = x.url ? await probeGone(b, s, a, x.url, x.sourceId, c) : 'unlisted';
        c.ads_deleted += await markDeleted(b.db, a.name, [x.sourceId], reason, runId, now);
      }
    }
    status = o.signal?.aborted ? 'stopped' : c.errors > 0 ? 'partial' : 'ok';
  } catch (e) {
    status = 'failed';
    err(`crawl failed: ${(e as Error).message}`);
  } finally {
    await session?.close();
    await finishRun(
      b.db,
      { id: runId, source: a.name, startedAt: started },
      status,
      c,
      messages.at(-1) ?? null,
      new Date(),
    );
  }
  return { ...c, runId, status, listingComplete, errorMessages: messages };
}

/** Why an ad gone from the listing is gone: its page answers 404/410 or "removed", or it is only unlisted. */
async function probeGone(
  b: Backend,
  s: Session,
  a: LoadedAdapter,
  url: string,
  id: string,
  counts: RunCounts,
): Promise<string> {
  try {
    const page = await s.getPage(url, 'detail');
    counts.pages++;
    await linkCaptureToAd(b.db, page.captureId, a.name, id);
    const st = page.result.status;
    if (st === 404 || st === 410) return `http_${st}`;
    if (st < 400 && extractDetail(page.html, url, a, page.result.fetchedAt).gone) return 'gone_page';
  } catch {
    // Unreachable now: the listing alone decides.
  }
  return 'unlisted';
}

/**
 * A relative date ("il y a 3 heures") moves with each fetch; keep the stored one while the new reading is within
 * its precision, so that re-crawling an unchanged ad does not make a new version.
 */
async function stablePostedAt(
  b: Backend,
  source: string,
  id: string,
  iso: string,
  precisionMs: number,
): Promise<string> {
  if (precisionMs <= 0) return iso;
  const prev = await b.db
    .selectFrom('ads')
    .select('posted_at')
    .where('source', '=', source)
    .where('source_id', '=', id)
    .executeTakeFirst();
  if (!prev?.posted_at) return iso;
  return Math.abs(Date.parse(prev.posted_at) - Date.parse(iso)) <= precisionMs ? prev.posted_at : iso;
}

async function idByUrl(b: Backend, source: string, url: string): Promise<string | null> {
  const r = await b.db
    .selectFrom('ads')
    .select('source_id')
    .where('source', '=', source)
    .where('url', '=', url)
    .executeTakeFirst();
  return r?.source_id ?? null;
}
