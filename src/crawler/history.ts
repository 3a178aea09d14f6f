import type { Backend } from '../store/database.ts';

/** What collection knows of one ad over time: for the API's ad detail and for evidence exports. */
export interface AdCrawlHistory {
  deletedAt: string | null;
  deletions: { detectedAt: string; reason: string; runId: number | null }[];
  /** The older ad this one repeats (same text under another id), if any. */
  repostOf: { adId: number; source: string; sourceId: string; detectedAt: string } | null;
  /** Newer ads repeating this one. */
  repostedAs: { adId: number; source: string; sourceId: string; detectedAt: string }[];
  /** Page captures of the ad (evidence), oldest first, without bodies. */
  captures: {
    id: number;
    url: string;
    fetchedAt: string;
    status: number;
    sha256: string;
    kind: string;
    truncated: boolean;
  }[];
}

/** Deletions, repost links and page captures of an ad; null when the ad does not exist. */
export async function adCrawlHistory(b: Backend, adId: number): Promise<AdCrawlHistory | null> {
  const ad = await b.db
    .selectFrom('ads')
    .select(['source', 'source_id', 'deleted_at'])
    .where('id', '=', adId)
    .executeTakeFirst();
  if (!ad) return null;
  const deletions = await b.db
    .selectFrom('ad_deletions')
    .selectAll()
    .where('ad_id', '=', adId)
    .orderBy('id')
    .execute();
  const links = await b.db
    .selectFrom('reposts')
    .innerJoin('ads as o', 'o.id', 'reposts.original_ad_id')
    .innerJoin('ads as n', 'n.id', 'reposts.ad_id')
    .select([
      'reposts.ad_id',
      'reposts.original_ad_id',
      'reposts.detected_at',
      'o.source as os',
      'o.source_id as oid',
      'n.source as ns',
      'n.source_id as nid',
    ])
    .where((eb) => eb.or([eb('reposts.ad_id', '=', adId), eb('reposts.original_ad_id', '=', adId)]))
    .execute();
  const of = links.find((l) => l.ad_id === adId);
  const caps = await b.db
    .selectFrom('page_captures')
    .select(['id', 'url', 'fetched_at', 'status', 'sha256', 'kind', 'truncated'])
    .where('source', '=', ad.source)
    .where('source_id', '=', ad.source_id)
    .orderBy('id')
    .execute();
  return {
    deletedAt: ad.deleted_at,
    deletions: deletions.map((d) => ({ detectedAt: d.detected_at, reason: d.reason, runId: d.run_id })),
    repostOf: of
      ? { adId: of.original_ad_id, source: of.os, sourceId: of.oid, detectedAt: of.detected_at }
      : null,
    repostedAs: links
      .filter((l) => l.original_ad_id === adId)
      .map((l) => ({ adId: l.ad_id, source: l.ns, sourceId: l.nid, detectedAt: l.detected_at })),
    captures: caps.map((c) => ({
      id: c.id,
      url: c.url,
      fetchedAt: c.fetched_at,
      status: c.status,
      sha256: c.sha256,
      kind: c.kind,
      truncated: c.truncated === 1,
    })),
  };
}
