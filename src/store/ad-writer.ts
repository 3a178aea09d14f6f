import { type Insertable, sql } from 'kysely';
import { VigieError } from '../core/errors.ts';
import { primaryPlace } from '../core/extract/primary-place.ts';
import { identifiersOf } from '../core/identifiers.ts';
import type { AdRecord, Analysis } from '../core/types.ts';
import type { Backend, DbOrTx, Schema, Tx } from './database.ts';

/** One received record, hashed and ready to be stored. */
export interface IncomingAd {
  record: AdRecord;
  /** The record exactly as received (a JSONL line, a CSV row as JSON, a page body). */
  raw: string;
  rawSha256: string;
  /** SHA-256 of the canonical content (see canonicalContent): decides unchanged vs new version. */
  contentSha256: string;
  origin: string;
  kind: 'import' | 'crawl';
  receivedAt: string;
  /** Folded title + body for the full-text index. */
  searchText: string;
}

/** An image of an ad after reading: hashes and thumbnail, or why it could not be read. */
export interface StoredImage {
  ref: string;
  sha256: string | null;
  phash: string | null;
  thumb: Uint8Array | null;
  status: 'ok' | 'missing' | 'remote' | 'invalid';
}

export interface AnalysedAd extends IncomingAd {
  analysis: Analysis;
  images: StoredImage[];
}

export type Outcome = 'new' | 'updated' | 'unchanged';

export interface Existing {
  id: number;
  version: number;
  contentSha256: string;
}

const keyOf = (source: string, sourceId: string) => `${source}\u0000${sourceId}`;

/** Looks up the stored state of a batch's ads by (source, id). */
export async function findExisting(
  db: DbOrTx,
  keys: { source: string; id: string }[],
): Promise<Map<string, Existing>> {
  const out = new Map<string, Existing>();
  const bySource = new Map<string, string[]>();
  for (const k of keys) {
    const list = bySource.get(k.source) ?? [];
    list.push(k.id);
    bySource.set(k.source, list);
  }
  for (const [source, ids] of bySource) {
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('ads')
        .select(['id', 'source_id', 'version', 'content_sha256'])
        .where('source', '=', source)
        .where('source_id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) {
        out.set(keyOf(source, r.source_id), {
          id: r.id,
          version: r.version,
          contentSha256: r.content_sha256,
        });
      }
    }
  }
  return out;
}

/**
 * Decides, in order, what each incoming record is: new, an update, or unchanged.
 * Several records for one ad in a batch are compared with each other in turn.
 */
export function classify(items: IncomingAd[], existing: Map<string, Existing>): Outcome[] {
  const last = new Map<string, string>();
  return items.map((it) => {
    const k = keyOf(it.record.source, it.record.id);
    const prev = last.get(k) ?? existing.get(k)?.contentSha256;
    last.set(k, it.contentSha256);
    if (prev === undefined) return 'new';
    return prev === it.contentSha256 ? 'unchanged' : 'updated';
  });
}

export interface BatchResult {
  outcomes: Outcome[];
  /** Ids of ads created or changed by the batch (for linking and alerts). */
  changedAdIds: number[];
}

/**
 * Writes a batch in one transaction: captures (deduplicated), ads, versions, identifiers, images and the
 * full-text index. Classification is redone inside the transaction so concurrent writers stay correct: a
 * record that turns out changed there but was not analysed beforehand raises `conflict` (retry the batch).
 */
export async function writeBatch(
  b: Backend,
  items: (IncomingAd & { analysis?: Analysis; images?: StoredImage[] })[],
): Promise<BatchResult> {
  return b.db.transaction().execute(async (trx) => {
    const existing = await findExisting(
      trx,
      items.map((i) => ({ source: i.record.source, id: i.record.id })),
    );
    const outcomes = classify(items, existing);
    const captureIds = await insertCaptures(trx, items);

    // Walk the batch in order: each change is a version; the last change of an ad is its new state.
    const versionOf = new Map<string, number>();
    const finalState = new Map<string, AnalysedAd>();
    const versionRows: { key: string; version: number; capture: number; a: AnalysedAd }[] = [];
    const touchedUnchanged: number[] = [];
    let latestSeen = '';
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const key = keyOf(it.record.source, it.record.id);
      if (it.receivedAt > latestSeen) latestSeen = it.receivedAt;
      if (outcomes[i] === 'unchanged') {
        const e = existing.get(key);
        if (e) touchedUnchanged.push(e.id);
        continue;
      }
      if (!it.analysis || !it.images) {
        throw new VigieError('conflict', `${it.origin}: ad changed by another writer during the batch`);
      }
      const a = it as AnalysedAd;
      const version = (versionOf.get(key) ?? existing.get(key)?.version ?? 0) + 1;
      versionOf.set(key, version);
      finalState.set(key, a);
      versionRows.push({ key, version, capture: captureIds[i], a });
    }

    const idOf = new Map<string, number>();
    const created: [string, AnalysedAd][] = [];
    for (const [key, a] of finalState) {
      const prev = existing.get(key);
      if (!prev) {
        created.push([key, a]);
        continue;
      }
      idOf.set(key, prev.id);
      await trx
        .updateTable('ads')
        .set(adRow(a, versionOf.get(key) ?? 1))
        .where('id', '=', prev.id)
        .execute();
    }
    const replaced = [...idOf.values()];
    for (let i = 0; i < replaced.length; i += 500) {
      const chunk = replaced.slice(i, i + 500);
      await trx.deleteFrom('ad_identifiers').where('ad_id', 'in', chunk).execute();
      await trx.deleteFrom('ad_images').where('ad_id', 'in', chunk).execute();
    }
    for (let i = 0; i < created.length; i += 100) {
      const chunk = created.slice(i, i + 100);
      const rows = await trx
        .insertInto('ads')
        .values(chunk.map(([key, a]) => ({ ...adRow(a, versionOf.get(key) ?? 1), first_seen: a.receivedAt })))
        .returning(['id', 'source', 'source_id'])
        .execute();
      for (const r of rows) idOf.set(keyOf(r.source, r.source_id), r.id);
    }
    const adId = (key: string) => {
      const id = idOf.get(key);
      if (id === undefined) throw new Error(`ad id missing after insert (${key})`);
      return id;
    };

    await insertChunked(
      trx,
      'ad_versions',
      versionRows.map((v) => ({
        ad_id: adId(v.key),
        version: v.version,
        capture_id: v.capture,
        content_sha256: v.a.contentSha256,
        record: JSON.stringify(v.a.record),
        created_at: v.a.receivedAt,
      })),
    );
    const identifierRows: Insertable<Schema['ad_identifiers']>[] = [];
    const imageRows: Insertable<Schema['ad_images']>[] = [];
    const ftsRows: { id: number; text: string }[] = [];
    for (const [key, a] of finalState) {
      const id = adId(key);
      const hashes = a.images.flatMap((im) => (im.sha256 ? [im.sha256] : []));
      for (const x of identifiersOf(a.analysis.extraction, hashes)) {
        identifierRows.push({ ad_id: id, kind: x.kind, value: x.value });
      }
      a.images.forEach((im, ord) => {
        imageRows.push({
          ad_id: id,
          ord,
          ref: im.ref,
          sha256: im.sha256,
          phash: im.phash,
          thumb: im.thumb,
          status: im.status,
        });
      });
      ftsRows.push({ id, text: a.searchText });
    }
    await insertChunked(trx, 'ad_identifiers', identifierRows);
    await insertChunked(trx, 'ad_images', imageRows);
    await b.fts.upsert(trx, ftsRows);

    for (let i = 0; i < touchedUnchanged.length; i += 500) {
      await trx
        .updateTable('ads')
        .set({ last_seen: latestSeen })
        .where('id', 'in', touchedUnchanged.slice(i, i + 500))
        .where('last_seen', '<', latestSeen)
        .execute();
    }
    return { outcomes, changedAdIds: [...idOf.values()] };
  });
}

/** Multi-row inserts in chunks that stay under both backends' bound-parameter limits. */
async function insertChunked<T extends 'ad_versions' | 'ad_identifiers' | 'ad_images'>(
  trx: Tx,
  table: T,
  rows: Insertable<Schema[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(8000 / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
  }
}

/** Inserts the batch's captures (skipping exact repeats) and returns the capture id of each item. */
async function insertCaptures(trx: Tx, items: IncomingAd[]): Promise<number[]> {
  for (let i = 0; i < items.length; i += 200) {
    await trx
      .insertInto('captures')
      .values(
        items.slice(i, i + 200).map((it) => ({
          source: it.record.source,
          source_id: it.record.id,
          sha256: it.rawSha256,
          raw: it.raw,
          received_at: it.receivedAt,
          origin: it.origin,
          kind: it.kind,
        })),
      )
      .onConflict((oc) => oc.columns(['source', 'source_id', 'sha256']).doNothing())
      .execute();
  }
  const ids = new Map<string, number>();
  const shas = [...new Set(items.map((i) => i.rawSha256))];
  for (let i = 0; i < shas.length; i += 500) {
    const rows = await trx
      .selectFrom('captures')
      .select(['id', 'source', 'source_id', 'sha256'])
      .where('sha256', 'in', shas.slice(i, i + 500))
      .execute();
    for (const r of rows) ids.set(`${keyOf(r.source, r.source_id)}\u0000${r.sha256}`, r.id);
  }
  return items.map((it) => {
    const id = ids.get(`${keyOf(it.record.source, it.record.id)}\u0000${it.rawSha256}`);
    if (id === undefined) throw new Error(`capture not found after insert for ${it.origin}`);
    return id;
  });
}

function adRow(a: AnalysedAd, version: number) {
  const r = a.record;
  const x = a.analysis.extraction;
  const place = primaryPlace(x.places);
  return {
    source: r.source,
    source_id: r.id,
    version,
    content_sha256: a.contentSha256,
    title: r.title ?? null,
    body: r.body,
    url: r.url ?? null,
    posted_at: r.posted_at ? toIso(r.posted_at) : null,
    captured_at: r.captured_at ? toIso(r.captured_at) : null,
    last_seen: a.receivedAt,
    deleted_at: null,
    city_raw: r.city ?? null,
    phone_raw: r.phone ?? null,
    age_raw: r.age ?? null,
    category: r.category ?? null,
    extra: r.extra ? JSON.stringify(r.extra) : null,
    images: r.images ? JSON.stringify(r.images) : null,
    analysis: JSON.stringify(a.analysis),
    model_version: a.analysis.modelVersion,
    score_minor: a.analysis.scores.minor,
    score_control: a.analysis.scores.control,
    score_recruitment: a.analysis.scores.recruitment,
    city_name: place?.name ?? null,
    city_insee: place?.insee ?? null,
    departement: place?.departement ?? x.places[0]?.departement ?? null,
    lang: x.language,
    search_text: a.searchText,
  };
}

function toIso(s: string): string {
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.replace(' ', 'T'));
  return Number.isNaN(t) ? s : new Date(t).toISOString();
}

/** Counts rows of the main tables (for `db check`, summaries and tests). */
export async function countRows(db: DbOrTx): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['captures', 'ads', 'ad_versions', 'ad_identifiers', 'ad_images'] as const) {
    const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}
