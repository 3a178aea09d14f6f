import type { Backend } from '../../store/database.ts';
import { notFound } from '../errors.ts';
import { linkedAds } from '../networks/linked-ads.ts';
import { parseAnalysis } from './present.ts';

/** Everything about one ad: content, entities, indicators with spans, versions with hashes, images, links. */
export async function adDetail(b: Backend, id: number) {
  const r = await b.db.selectFrom('ads').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound(`ad ${id}`);
  const a = parseAnalysis(r.analysis);
  const versions = await b.db
    .selectFrom('ad_versions as v')
    .innerJoin('captures as c', 'c.id', 'v.capture_id')
    .select([
      'v.version',
      'v.content_sha256',
      'v.created_at',
      'c.id as capture_id',
      'c.sha256',
      'c.received_at',
      'c.origin',
      'c.kind',
    ])
    .where('v.ad_id', '=', id)
    .orderBy('v.version')
    .execute();
  const images = await b.db
    .selectFrom('ad_images')
    .select(['ord', 'status', 'sha256', 'phash', 'thumb'])
    .where('ad_id', '=', id)
    .orderBy('ord')
    .execute();
  const links = await linkedAds(b, id);
  const others = links.size
    ? await b.db
        .selectFrom('ads')
        .select([
          'id',
          'source',
          'source_id',
          'title',
          'city_name',
          'first_seen',
          'cluster_id',
          'score_minor',
          'score_control',
        ])
        .where('id', 'in', [...links.keys()])
        .execute()
    : [];
  const cases = await b.db
    .selectFrom('case_items')
    .innerJoin('cases', 'cases.id', 'case_items.case_id')
    .select(['cases.id', 'cases.title', 'cases.status'])
    .where('case_items.kind', '=', 'ad')
    .where('case_items.ref', '=', String(id))
    .execute();
  return {
    id: r.id,
    source: r.source,
    sourceId: r.source_id,
    version: r.version,
    contentSha256: r.content_sha256,
    title: r.title,
    body: r.body,
    url: r.url,
    postedAt: r.posted_at,
    capturedAt: r.captured_at,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    deletedAt: r.deleted_at,
    fields: { city: r.city_raw, phone: r.phone_raw, age: r.age_raw, category: r.category },
    extra: r.extra ? (JSON.parse(r.extra) as Record<string, unknown>) : null,
    place: r.city_name ? { name: r.city_name, insee: r.city_insee, departement: r.departement } : null,
    lang: r.lang,
    cluster: r.cluster_id,
    reviewed: r.reviewed === 1,
    scores: { minor: r.score_minor, control: r.score_control, recruitment: r.score_recruitment },
    modelVersion: r.model_version,
    entities: a?.extraction ?? null,
    indicators: a?.indicators ?? [],
    versions: versions.map((v) => ({
      version: v.version,
      contentSha256: v.content_sha256,
      createdAt: v.created_at,
      capture: {
        id: v.capture_id,
        sha256: v.sha256,
        receivedAt: v.received_at,
        origin: v.origin,
        kind: v.kind,
      },
    })),
    images: images.map((im) => ({
      ord: im.ord,
      status: im.status,
      sha256: im.sha256,
      phash: im.phash,
      thumbUrl: im.thumb ? `/api/v1/ads/${id}/images/${im.ord}/thumb` : null,
    })),
    linked: others.map((o) => ({
      id: o.id,
      source: o.source,
      sourceId: o.source_id,
      title: o.title,
      city: o.city_name,
      firstSeen: o.first_seen,
      cluster: o.cluster_id,
      scores: { minor: o.score_minor, control: o.score_control },
      reasons: links.get(o.id) ?? [],
    })),
    cases,
  };
}
export type AdDetail = Awaited<ReturnType<typeof adDetail>>;
