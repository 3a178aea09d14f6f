import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DbOrTx } from './database.ts';

/** A fetched page or image to keep as evidence. */
export interface PageCaptureInput {
  url: string;
  requestedUrl: string;
  fetchedAt: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  /** Raw bytes as received (possibly cut at the size limit). */
  body: Uint8Array;
  truncated: boolean;
  kind: 'list' | 'detail' | 'image' | 'robots' | 'capture' | 'gate';
  /** Keep the compressed body (default true); when false only the hash and size are kept. */
  keepBody?: boolean;
  source?: string | null;
  sourceId?: string | null;
  runId?: number | null;
}

/** SHA-256 (hex) of raw bytes. */
export const sha256Bytes = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Stores a capture (body gzip-compressed) and returns its id and the SHA-256 of the raw body. */
export async function insertPageCapture(
  db: DbOrTx,
  c: PageCaptureInput,
): Promise<{ id: number; sha256: string }> {
  const sha256 = sha256Bytes(c.body);
  const row = await db
    .insertInto('page_captures')
    .values({
      url: c.url,
      requested_url: c.requestedUrl,
      fetched_at: c.fetchedAt,
      status: c.status,
      headers: JSON.stringify(c.headers),
      content_type: c.contentType,
      body: c.keepBody === false ? null : gzipSync(c.body),
      body_bytes: c.body.byteLength,
      truncated: c.truncated ? 1 : 0,
      sha256,
      kind: c.kind,
      source: c.source ?? null,
      source_id: c.sourceId ?? null,
      run_id: c.runId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, sha256 };
}

/** Attaches captures to the ad they show, once its id is known. */
export async function linkCaptureToAd(db: DbOrTx, captureId: number, source: string, sourceId: string) {
  await db
    .updateTable('page_captures')
    .set({ source, source_id: sourceId })
    .where('id', '=', captureId)
    .execute();
}

/** A capture's raw body, decompressed, with a check of its SHA-256 (`verified`). */
export async function readPageCapture(db: DbOrTx, id: number) {
  const r = await db.selectFrom('page_captures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const body = r.body ? new Uint8Array(gunzipSync(r.body)) : null;
  return { ...r, raw: body, verified: body ? sha256Bytes(body) === r.sha256 : null };
}

export interface RunCounts {
  pages: number;
  errors: number;
  refused: number;
  ads_new: number;
  ads_updated: number;
  ads_unchanged: number;
  ads_deleted: number;
  reposts: number;
}

/** Opens a crawl run. */
export async function startRun(db: DbOrTx, source: string, adapter: string, now: Date): Promise<number> {
  const r = await db
    .insertInto('crawl_runs')
    .values({ source, adapter, started_at: now.toISOString(), status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Closes a run with its counts and updates the site's health row. */
export async function finishRun(
  db: DbOrTx,
  run: { id: number; source: string; startedAt: Date },
  status: 'ok' | 'partial' | 'failed' | 'stopped',
  counts: RunCounts,
  lastError: string | null,
  now: Date,
): Promise<void> {
  const nowIso = now.toISOString();
  await db
    .updateTable('crawl_runs')
    .set({ ...counts, status, finished_at: nowIso, last_error: lastError })
    .where('id', '=', run.id)
    .execute();
  const minutes = Math.max((now.getTime() - run.startedAt.getTime()) / 60_000, 1 / 600);
  const ppm = Math.round((counts.pages / minutes) * 10) / 10;
  const success = status === 'ok' || status === 'partial';
  const prev = await db
    .selectFrom('site_health')
    .selectAll()
    .where('source', '=', run.source)
    .executeTakeFirst();
  const row = {
    last_run_id: run.id,
    last_run_at: run.startedAt.toISOString(),
    last_success_at: success ? nowIso : (prev?.last_success_at ?? null),
    last_error_at: lastError ? nowIso : (prev?.last_error_at ?? null),
    last_error: lastError ?? prev?.last_error ?? null,
    pages_per_minute: ppm,
    pages_total: (prev?.pages_total ?? 0) + counts.pages,
    errors_total: (prev?.errors_total ?? 0) + counts.errors,
    updated_at: nowIso,
  };
  if (prev) await db.updateTable('site_health').set(row).where('source', '=', run.source).execute();
  else
    await db
      .insertInto('site_health')
      .values({ source: run.source, ...row })
      .execute();
}

/** Marks ads deleted (time kept, content kept) and records why; ads already deleted are left alone. */
export async function markDeleted(
  db: DbOrTx,
  source: string,
  sourceIds: string[],
  reason: string,
  runId: number | null,
  now: Date,
): Promise<number> {
  let n = 0;
  for (let i = 0; i < sourceIds.length; i += 500) {
    const ads = await db
      .selectFrom('ads')
      .select('id')
      .where('source', '=', source)
      .where('source_id', 'in', sourceIds.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .execute();
    if (ads.length === 0) continue;
    const ids = ads.map((a) => a.id);
    await db.updateTable('ads').set({ deleted_at: now.toISOString() }).where('id', 'in', ids).execute();
    await db
      .insertInto('ad_deletions')
      .values(ids.map((ad_id) => ({ ad_id, detected_at: now.toISOString(), reason, run_id: runId })))
      .execute();
    n += ids.length;
  }
  return n;
}

/** Clears `deleted_at` for ads seen alive again (the deletion record stays as history). */
export async function markAlive(db: DbOrTx, source: string, sourceIds: string[]): Promise<void> {
  for (let i = 0; i < sourceIds.length; i += 500) {
    await db
      .updateTable('ads')
      .set({ deleted_at: null })
      .where('source', '=', source)
      .where('source_id', 'in', sourceIds.slice(i, i + 500))
      .where('deleted_at', 'is not', null)
      .execute();
  }
}

/** Ids within a site of the ads not marked deleted. */
export async function liveAdIds(
  db: DbOrTx,
  source: string,
): Promise<{ id: number; sourceId: string; url: string | null }[]> {
  const rows = await db
    .selectFrom('ads')
    .select(['id', 'source_id', 'url'])
    .where('source', '=', source)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, sourceId: r.source_id, url: r.url }));
}

/**
 * Records the text hash of changed ads and links each to the oldest other ad with the same text (a repost).
 * Returns the number of new repost links.
 */
export async function recordTextHashes(
  db: DbOrTx,
  items: { adId: number; sha256: string }[],
  now: Date,
): Promise<number> {
  let links = 0;
  for (const it of items) {
    await db.deleteFrom('ad_text_hashes').where('ad_id', '=', it.adId).execute();
    await db.insertInto('ad_text_hashes').values({ ad_id: it.adId, text_sha256: it.sha256 }).execute();
    const orig = await db
      .selectFrom('ad_text_hashes')
      .select('ad_id')
      .where('text_sha256', '=', it.sha256)
      .where('ad_id', '<', it.adId)
      .orderBy('ad_id')
      .limit(1)
      .executeTakeFirst();
    if (!orig) continue;
    const r = await db
      .insertInto('reposts')
      .values({
        ad_id: it.adId,
        original_ad_id: orig.ad_id,
        detected_at: now.toISOString(),
        text_sha256: it.sha256,
      })
      .onConflict((oc) => oc.columns(['ad_id', 'original_ad_id']).doNothing())
      .returning('ad_id')
      .executeTakeFirst();
    if (r) links++;
  }
  return links;
}
