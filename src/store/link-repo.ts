/**
 * Storage of the links stage: signatures and band keys, links, clusters, membership history, events,
 * suppressed identifiers and the stop-list. Plain Kysely queries that run unchanged on SQLite and PostgreSQL.
 */
import { type RawBuilder, sql } from 'kysely';
import type { ClusterId } from '../core/types.ts';
import type { DbOrTx } from './database.ts';
import type { LinksTable } from './schema-links.ts';

const CHUNK = 500;

/** Runs `fn` over `items` in chunks (keeps statements under parameter limits). */
export async function inChunks<T>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** What linking reads of an ad. */
export interface LinkAdRow {
  id: number;
  title: string | null;
  body: string;
  content_sha256: string;
  city_name: string | null;
  posted_at: string | null;
  captured_at: string | null;
  first_seen: string;
  cluster_id: string | null;
}

const AD_COLUMNS = [
  'id',
  'title',
  'body',
  'content_sha256',
  'city_name',
  'posted_at',
  'captured_at',
  'first_seen',
  'cluster_id',
] as const;

/** When an ad was seen, epoch ms: posted, else captured, else first stored. */
export function adTime(r: {
  posted_at: string | null;
  captured_at: string | null;
  first_seen: string;
}): number {
  const t = Date.parse(r.posted_at ?? r.captured_at ?? r.first_seen);
  return Number.isNaN(t) ? Date.parse(r.first_seen) : t;
}

/** The text MinHash reads. */
export function adText(r: { title: string | null; body: string }): string {
  return r.title ? `${r.title}\n${r.body}` : r.body;
}

export async function loadAds(db: DbOrTx, ids: readonly number[]): Promise<LinkAdRow[]> {
  const out: LinkAdRow[] = [];
  await inChunks(ids, CHUNK, async (c) => {
    for (const r of await db.selectFrom('ads').select(AD_COLUMNS).where('id', 'in', c).execute()) out.push(r);
  });
  return out;
}

/** A page of ads in id order (keyset pagination). */
export async function adsPage(db: DbOrTx, after: number, limit: number): Promise<LinkAdRow[]> {
  return db.selectFrom('ads').select(AD_COLUMNS).where('id', '>', after).orderBy('id').limit(limit).execute();
}

export async function identifiersOfAds(db: DbOrTx, ids: readonly number[]) {
  const out: { ad_id: number; kind: string; value: string }[] = [];
  await inChunks(ids, CHUNK, async (c) => {
    out.push(
      ...(await db
        .selectFrom('ad_identifiers')
        .select(['ad_id', 'kind', 'value'])
        .where('ad_id', 'in', c)
        .execute()),
    );
  });
  return out;
}

export async function phashesOfAds(db: DbOrTx, ids: readonly number[]) {
  const out: { ad_id: number; phash: string }[] = [];
  await inChunks(ids, CHUNK, async (c) => {
    const rows = await db
      .selectFrom('ad_images')
      .select(['ad_id', 'phash'])
      .where('ad_id', 'in', c)
      .where('phash', 'is not', null)
      .execute();
    for (const r of rows) out.push({ ad_id: r.ad_id, phash: r.phash! });
  });
  return out;
}

/** Occurrences (ad, city, time) of identifier values; values with more than `cap` ads are cut at cap + 1. */
export async function identifierOccurrences(db: DbOrTx, keys: readonly { kind: string; value: string }[]) {
  const out: { kind: string; value: string; ad_id: number; city_name: string | null; t: number }[] = [];
  const byKind = new Map<string, string[]>();
  for (const k of keys) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), k.value]);
  for (const [kind, values] of byKind) {
    await inChunks(values, CHUNK, async (c) => {
      const rows = await db
        .selectFrom('ad_identifiers as i')
        .innerJoin('ads as a', 'a.id', 'i.ad_id')
        .select([
          'i.kind',
          'i.value',
          'i.ad_id',
          'a.city_name',
          'a.posted_at',
          'a.captured_at',
          'a.first_seen',
        ])
        .where('i.kind', '=', kind)
        .where('i.value', 'in', c)
        .execute();
      for (const r of rows)
        out.push({ kind: r.kind, value: r.value, ad_id: r.ad_id, city_name: r.city_name, t: adTime(r) });
    });
  }
  return out;
}

/** Number of ads per identifier value (to cut hubs before loading their occurrences). */
export async function identifierCounts(db: DbOrTx, kind: string, values: readonly string[]) {
  const out = new Map<string, number>();
  await inChunks(values, CHUNK, async (c) => {
    const rows = await db
      .selectFrom('ad_identifiers')
      .select(['value', sql<number | string>`count(*)`.as('n')])
      .where('kind', '=', kind)
      .where('value', 'in', c)
      .groupBy('value')
      .execute();
    for (const r of rows) out.set(r.value, Number(r.n));
  });
  return out;
}

/** Replace the text signatures and band keys of ads. */
export async function putTextSignatures(
  db: DbOrTx,
  rows: { ad_id: number; sig: Uint8Array; shingles: number; content_sha256: string; bands: number[] }[],
) {
  const ids = rows.map((r) => r.ad_id);
  await inChunks(ids, CHUNK, (c) => db.deleteFrom('link_text').where('ad_id', 'in', c).execute());
  await inChunks(ids, CHUNK, (c) => db.deleteFrom('link_text_bands').where('ad_id', 'in', c).execute());
  await inChunks(rows, 200, (c) =>
    db
      .insertInto('link_text')
      .values(c.map(({ bands: _b, ...r }) => r))
      .execute(),
  );
  const bands = rows.flatMap((r) => [...new Set(r.bands)].map((band_key) => ({ band_key, ad_id: r.ad_id })));
  await inChunks(bands, CHUNK, (c) => db.insertInto('link_text_bands').values(c).execute());
}

/** Replace the image band keys of ads. */
export async function putImageBands(
  db: DbOrTx,
  ids: readonly number[],
  rows: { ad_id: number; band_key: number; phash: string }[],
) {
  await inChunks(ids, CHUNK, (c) => db.deleteFrom('link_image_bands').where('ad_id', 'in', c).execute());
  const seen = new Set<string>();
  const uniq = rows.filter((r) => {
    const k = `${r.band_key}|${r.ad_id}|${r.phash}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  await inChunks(uniq, CHUNK, (c) => db.insertInto('link_image_bands').values(c).execute());
}

/**
 * Ads in the given LSH buckets. A bucket holding more than `cap` ads (boilerplate, or one persona's
 * thousandth repost) is read as its `cap` newest, so a lookup costs the same at 1M ads as at 10k: a
 * bounded index range per key (counting each bucket first read every entry of the large ones).
 */
export async function textBandCandidates(db: DbOrTx, keys: readonly number[], cap = 300) {
  return unionAll<{ band_key: number; ad_id: number }>(
    db,
    [...new Set(keys)].map(
      (k) =>
        sql`SELECT * FROM (SELECT band_key, ad_id FROM link_text_bands WHERE band_key = ${k} ORDER BY ad_id DESC LIMIT ${cap}) AS b`,
    ),
  );
}

/**
 * Runs bounded subqueries (each a `SELECT` with its own `LIMIT`), 64 to a statement joined with UNION ALL:
 * one round trip where a query per part would pay one each. Rows come in the order of the parts' chunks.
 */
export async function unionAll<R>(db: DbOrTx, parts: readonly RawBuilder<unknown>[]): Promise<R[]> {
  const out: R[] = [];
  await inChunks(parts, 64, async (c) => {
    for (const r of (await sql<R>`${sql.join(c, sql` UNION ALL `)}`.execute(db)).rows) out.push(r);
  });
  return out;
}

export async function imageBandCandidates(db: DbOrTx, keys: readonly number[]) {
  const out: { band_key: number; ad_id: number; phash: string }[] = [];
  await inChunks([...new Set(keys)], CHUNK, async (c) => {
    out.push(
      ...(await db
        .selectFrom('link_image_bands')
        .select(['band_key', 'ad_id', 'phash'])
        .where('band_key', 'in', c)
        .execute()),
    );
  });
  return out;
}

export async function textSignatures(db: DbOrTx, ids: readonly number[]) {
  const out = new Map<number, { sig: Uint8Array; shingles: number }>();
  await inChunks(ids, CHUNK, async (c) => {
    const rows = await db
      .selectFrom('link_text')
      .select(['ad_id', 'sig', 'shingles'])
      .where('ad_id', 'in', c)
      .execute();
    for (const r of rows) out.set(r.ad_id, { sig: r.sig, shingles: r.shingles });
  });
  return out;
}

export type LinkRow = Omit<LinksTable, 'created_at'>;

export async function deleteLinksOf(db: DbOrTx, ids: readonly number[]) {
  await inChunks(ids, CHUNK, async (c) => {
    // One statement (SQLite: multi-index OR; PostgreSQL: BitmapOr): a round trip less per linked ad.
    await db
      .deleteFrom('links')
      .where((eb) => eb.or([eb('ad_a', 'in', c), eb('ad_b', 'in', c)]))
      .execute();
  });
}

export async function insertLinks(db: DbOrTx, rows: readonly LinkRow[], at: string) {
  await inChunks(rows, 300, (c) =>
    db
      .insertInto('links')
      .values(c.map((r) => ({ ...r, created_at: at })))
      .execute(),
  );
}

/** Links touching any of the ads. */
export async function linksTouching(db: DbOrTx, ids: readonly number[]) {
  const out: LinkRow[] = [];
  const cols = ['ad_a', 'ad_b', 'kind', 'weight', 'strong', 'reason', 'via'] as const;
  const done = new Set<number>();
  await inChunks(ids, CHUNK, async (c) => {
    const rows = await db
      .selectFrom('links')
      .select(cols)
      .where((eb) => eb.or([eb('ad_a', 'in', c), eb('ad_b', 'in', c)]))
      .execute();
    // A loop, not push(...rows): an ad in a large network can have more links than the stack has room for.
    // A link whose other end was in an earlier chunk came with that chunk.
    for (const r of rows) if (!done.has(r.ad_a) && !done.has(r.ad_b)) out.push(r);
    for (const id of c) done.add(id);
  });
  return out;
}

/** Ads currently in the given clusters. */
export async function membersOf(db: DbOrTx, clusterIds: readonly string[]) {
  const out: { id: number; cluster_id: string }[] = [];
  await inChunks(clusterIds, CHUNK, async (c) => {
    const rows = await db
      .selectFrom('ads')
      .select(['id', 'cluster_id'])
      .where('cluster_id', 'in', c)
      .execute();
    for (const r of rows) out.push({ id: r.id, cluster_id: r.cluster_id! });
  });
  return out;
}

/** Next free cluster number (ids are `N` + 7 digits). */
export async function nextClusterNumber(db: DbOrTx): Promise<number> {
  const r = await db.selectFrom('clusters').select(sql<string | null>`max(id)`.as('m')).executeTakeFirst();
  const m = r?.m ? Number.parseInt(r.m.slice(1), 10) : 0;
  return (Number.isFinite(m) ? m : 0) + 1;
}

export function clusterIdOf(n: number): ClusterId {
  return `N${String(n).padStart(7, '0')}` as ClusterId;
}

/**
 * Apply new cluster assignments: `ads.cluster_id`, membership history, cluster rows (size, dirty) and
 * retirement of clusters left without members.
 */
export async function applyAssignments(
  db: DbOrTx,
  changes: readonly { adId: number; from: string | null; to: string | null }[],
  at: string,
) {
  const byTo = new Map<string | null, number[]>();
  for (const c of changes) byTo.set(c.to, [...(byTo.get(c.to) ?? []), c.adId]);
  for (const [to, ids] of byTo) {
    await inChunks(ids, CHUNK, (c) =>
      db.updateTable('ads').set({ cluster_id: to }).where('id', 'in', c).execute(),
    );
  }
  const leaving = changes.filter((c) => c.from !== null).map((c) => c.adId);
  await inChunks(leaving, CHUNK, (c) =>
    db
      .updateTable('cluster_membership')
      .set({ left_at: at })
      .where('ad_id', 'in', c)
      .where('left_at', 'is', null)
      .execute(),
  );
  const joining = changes
    .filter((c) => c.to !== null)
    .map((c) => ({ ad_id: c.adId, cluster_id: c.to!, joined_at: at, left_at: null }));
  await inChunks(joining, CHUNK, (c) => db.insertInto('cluster_membership').values(c).execute());
  const touched = [...new Set(changes.flatMap((c) => [c.from, c.to]).filter((x): x is string => x !== null))];
  await refreshClusterRows(db, touched, at);
}

/** Recount members of clusters; create missing rows, retire empty ones, mark all of them dirty. */
export async function refreshClusterRows(db: DbOrTx, ids: readonly string[], at: string) {
  await inChunks(ids, CHUNK, async (c) => {
    const counts = await db
      .selectFrom('ads')
      .select(['cluster_id', sql<number | string>`count(*)`.as('n')])
      .where('cluster_id', 'in', c)
      .groupBy('cluster_id')
      .execute();
    const size = new Map(counts.map((r) => [r.cluster_id!, Number(r.n)]));
    const existing = new Set(
      (await db.selectFrom('clusters').select('id').where('id', 'in', c).execute()).map((r) => r.id),
    );
    const fresh = c.filter((id) => !existing.has(id) && (size.get(id) ?? 0) > 0);
    if (fresh.length > 0) {
      await db
        .insertInto('clusters')
        .values(
          fresh.map((id) => ({
            id,
            created_at: at,
            updated_at: at,
            size: size.get(id)!,
            status: 'active',
            dirty: 1,
          })),
        )
        .execute();
    }
    for (const id of c) {
      if (!existing.has(id)) continue;
      const n = size.get(id) ?? 0;
      await db
        .updateTable('clusters')
        .set({ size: n, updated_at: at, status: n > 0 ? 'active' : 'retired', dirty: 1 })
        .where('id', '=', id)
        .execute();
    }
  });
}

export async function recordClusterEvents(
  db: DbOrTx,
  events: { kind: string; cluster_id: string; data: unknown }[],
  at: string,
) {
  await inChunks(events, 200, (c) =>
    db
      .insertInto('cluster_events')
      .values(c.map((e) => ({ at, kind: e.kind, cluster_id: e.cluster_id, data: JSON.stringify(e.data) })))
      .execute(),
  );
}

export async function putSuppressed(
  db: DbOrTx,
  rows: readonly { kind: string; value: string; reason: string; ads: number }[],
  at: string,
) {
  for (const r of rows) {
    await db
      .insertInto('link_suppressed')
      .values({ ...r, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['kind', 'value']).doUpdateSet({ reason: r.reason, ads: r.ads, updated_at: at }),
      )
      .execute();
  }
}

export async function loadStoplist(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.selectFrom('link_stoplist').select(['kind', 'value']).execute();
  return new Set(rows.map((r) => `${r.kind}:${r.value}`));
}

export async function addToStoplist(
  db: DbOrTx,
  entries: readonly { kind: string; value: string; note?: string }[],
) {
  for (const e of entries) {
    await db
      .insertInto('link_stoplist')
      .values({ kind: e.kind, value: e.value, note: e.note ?? null })
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .execute();
  }
}
