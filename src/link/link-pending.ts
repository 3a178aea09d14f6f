/**
 * Link every ad not linked yet (or changed since): what `vigie link` does without `--rebuild`, and what
 * an import can call after each batch through `afterImportBatch`.
 */
import { sql } from 'kysely';
import type { Backend } from '../store/database.ts';
import { type AdLinkedEvent, linkNewAds } from './incremental.ts';
import type { LinkRunOptions } from './options.ts';

/** Ids of ads without a current text signature (never linked, or changed since), in id order. */
export async function pendingAdIds(b: Backend, after: number, limit: number): Promise<number[]> {
  const rows = await b.db
    .selectFrom('ads as a')
    .leftJoin('link_text as t', 't.ad_id', 'a.id')
    .select('a.id')
    .where('a.id', '>', after)
    .where(sql<boolean>`(t.ad_id IS NULL OR t.content_sha256 <> a.content_sha256)`)
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Link all pending ads in batches; returns how many were linked and the events. */
export async function linkPending(
  b: Backend,
  options: Partial<LinkRunOptions> & { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<{ ads: number; events: AdLinkedEvent[] }> {
  const events: AdLinkedEvent[] = [];
  let done = 0;
  for (let after = 0; ; ) {
    const ids = await pendingAdIds(b, after, options.batchSize ?? 500);
    if (ids.length === 0) break;
    const r = await linkNewAds(b, ids, options);
    for (const e of r.events) events.push(e);
    done += ids.length;
    after = ids[ids.length - 1]!;
    options.onProgress?.(done);
  }
  return { ads: done, events };
}

/** For `importFiles(…, { afterBatch })`: link each committed batch as it lands. */
export function afterImportBatch(
  b: Backend,
  options: Partial<LinkRunOptions> = {},
  onEvents?: (e: AdLinkedEvent[]) => void,
) {
  return async (changedAdIds: number[]) => {
    const r = await linkNewAds(b, changedAdIds, options);
    if (r.events.length > 0) onEvents?.(r.events);
  };
}
