import { type Updateable, sql } from 'kysely';
import { VigieError } from '../core/errors.ts';
import type { AdRecord, Analysis } from '../core/types.ts';
import { type StoredAnalysis, isStoredAnalysis, storedAnalysis } from '../pipeline/stored-analysis.ts';
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
  /** The analysis, or what the store keeps of it when the analysing thread prepared that already. */
  analysis: Analysis | StoredAnalysis;
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
  items: (IncomingAd & { analysis?: Analysis | StoredAnalysis; images?: StoredImage[] })[],
): Promise<BatchResult> {
  return b.db.transaction().execute(async (trx) => {
    const existing = await findExisting(
      trx,
      items.map((i) => ({ source: i.record.source, id: i.record.id })),
    );
    const outcomes = classify(items, existing);
    const captureIds = await insertCaptures(b, trx, items);

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
      const given = it as AnalysedAd;
      const a: AnalysedAd = isStoredAnalysis(given.analysis)
        ? given
        : { ...given, analysis: storedAnalysis(given.analysis) };
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
        .set(adRowObject(a, versionOf.get(key) ?? 1))
        .where('id', '=', prev.id)
        .execute();
    }
    const replaced = [...idOf.values()];
    for (let i = 0; i < replaced.length; i += 500) {
      const chunk = replaced.slice(i, i + 500);
      await trx.deleteFrom('ad_identifiers').where('ad_id', 'in', chunk).execute();
      await trx.deleteFrom('ad_images').where('ad_id', 'in', chunk).execute();
    }
    const createdRows = await b.bulk.insert(
      trx,
      'ads',
      AD_COLUMNS_NEW,
      created.map(([key, a]) => [...adValues(a, versionOf.get(key) ?? 1), a.receivedAt]),
      { returning: ['id', 'source', 'source_id'] },
    );
    for (const r of createdRows) idOf.set(keyOf(String(r.source), String(r.source_id)), Number(r.id));
    const adId = (key: string) => {
      const id = idOf.get(key);
      if (id === undefined) throw new Error(`ad id missing after insert (${key})`);
      return id;
    };

    await b.bulk.insert(
      trx,
      'ad_versions',
      ['ad_id', 'version', 'capture_id', 'content_sha256', 'record', 'created_at'],
      versionRows.map((v) => [
        adId(v.key),
        v.version,
        v.capture,
        v.a.contentSha256,
        JSON.stringify(v.a.record),
        v.a.receivedAt,
      ]),
    );
    const identifierRows: unknown[][] = [];
    const imageRows: unknown[][] = [];
    const ftsNew: { id: number; text: string }[] = [];
    const ftsChanged: { id: number; text: string }[] = [];
    const createdKeys = new Set(created.map(([key]) => key));
    for (const [key, a] of finalState) {
      const id = adId(key);
      // Same rows as identifiersOf(extraction, image hashes): text identifiers, then distinct image hashes.
      for (const x of (a.analysis as StoredAnalysis).identifiers) identifierRows.push([id, x.kind, x.value]);
      const hashes = new Set<string>();
      for (const im of a.images) {
        if (im.sha256 && !hashes.has(im.sha256)) {
          hashes.add(im.sha256);
          identifierRows.push([id, 'image', im.sha256]);
        }
      }
      a.images.forEach((im, ord) => {
        imageRows.push([id, ord, im.ref, im.sha256, im.phash, im.thumb, im.status]);
      });
      (createdKeys.has(key) ? ftsNew : ftsChanged).push({ id, text: a.searchText });
    }
    await b.bulk.insert(trx, 'ad_identifiers', ['ad_id', 'kind', 'value'], identifierRows);
    await b.bulk.insert(
      trx,
      'ad_images',
      ['ad_id', 'ord', 'ref', 'sha256', 'phash', 'thumb', 'status'],
      imageRows,
    );
    await b.fts.upsert(trx, ftsNew, { fresh: true });
    await b.fts.upsert(trx, ftsChanged);

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

/** Inserts the batch's captures (skipping exact repeats) and returns the capture id of each item. */
async function insertCaptures(b: Backend, trx: Tx, items: IncomingAd[]): Promise<number[]> {
  const captureKey = (source: string, sourceId: string, sha: string) =>
    `${keyOf(source, sourceId)}\u0000${sha}`;
  const inserted = await b.bulk.insert(
    trx,
    'captures',
    ['source', 'source_id', 'sha256', 'raw', 'received_at', 'origin', 'kind'],
    items.map((it) => [
      it.record.source,
      it.record.id,
      it.rawSha256,
      it.raw,
      it.receivedAt,
      it.origin,
      it.kind,
    ]),
    {
      ignoreConflicts: ['source', 'source_id', 'sha256'],
      returning: ['id', 'source', 'source_id', 'sha256'],
    },
  );
  const ids = new Map<string, number>();
  for (const r of inserted)
    ids.set(captureKey(String(r.source), String(r.source_id), String(r.sha256)), Number(r.id));
  // Exact repeats of stored captures were skipped: look them up through the (source, source_id, sha256) key.
  const missing = new Map<string, Set<string>>();
  for (const it of items) {
    if (ids.has(captureKey(it.record.source, it.record.id, it.rawSha256))) continue;
    const set = missing.get(it.record.source) ?? new Set<string>();
    set.add(it.record.id);
    missing.set(it.record.source, set);
  }
  for (const [source, idSet] of missing) {
    const sourceIds = [...idSet];
    for (let i = 0; i < sourceIds.length; i += 500) {
      const rows = await trx
        .selectFrom('captures')
        .select(['id', 'source_id', 'sha256'])
        .where('source', '=', source)
        .where('source_id', 'in', sourceIds.slice(i, i + 500))
        .execute();
      for (const r of rows) ids.set(captureKey(source, r.source_id, r.sha256), r.id);
    }
  }
  return items.map((it) => {
    const id = ids.get(captureKey(it.record.source, it.record.id, it.rawSha256));
    if (id === undefined) throw new Error(`capture not found after insert for ${it.origin}`);
    return id;
  });
}

/** Columns of an ads row as written by the import, in the order of adValues. */
const AD_COLUMNS = [
  'source',
  'source_id',
  'version',
  'content_sha256',
  'title',
  'body',
  'url',
  'posted_at',
  'captured_at',
  'last_seen',
  'deleted_at',
  'city_raw',
  'phone_raw',
  'age_raw',
  'category',
  'extra',
  'images',
  'analysis',
  'model_version',
  'score_minor',
  'score_control',
  'score_recruitment',
  'city_name',
  'city_insee',
  'departement',
  'lang',
  'search_text',
] as const;
const AD_COLUMNS_NEW = [...AD_COLUMNS, 'first_seen'] as const;

function adValues(a: AnalysedAd, version: number): unknown[] {
  const r = a.record;
  const st = a.analysis as StoredAnalysis;
  return [
    r.source,
    r.id,
    version,
    a.contentSha256,
    r.title ?? null,
    r.body,
    r.url ?? null,
    r.posted_at ? toIso(r.posted_at) : null,
    r.captured_at ? toIso(r.captured_at) : null,
    a.receivedAt,
    null,
    r.city ?? null,
    r.phone ?? null,
    r.age ?? null,
    r.category ?? null,
    r.extra ? JSON.stringify(r.extra) : null,
    r.images ? JSON.stringify(r.images) : null,
    st.json,
    st.modelVersion,
    st.scores.minor,
    st.scores.control,
    st.scores.recruitment,
    st.cityName,
    st.cityInsee,
    st.departement,
    st.lang,
    a.searchText,
  ];
}

function adRowObject(a: AnalysedAd, version: number): Updateable<Schema['ads']> {
  const values = adValues(a, version);
  return Object.fromEntries(AD_COLUMNS.map((c, i) => [c, values[i]])) as Updateable<Schema['ads']>;
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
