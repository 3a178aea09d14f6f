import { z } from 'zod/v4';
import { adDetail } from '../ads/ad-detail.ts';
import { AdListSchema, queryAds } from '../ads/query-ads.ts';
import { notFound } from '../errors.ts';
import { type AnyRoute, route } from '../registry.ts';
import { INVESTIGATE } from '../roles.ts';
import { idParam } from '../schemas.ts';

/** Query parameters worth keeping in the audit entry of a search (never empty ones). */
function searchDetails(q: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out;
}

export const adRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/ads',
    tag: 'ads',
    summary: 'List and search ads: filters, full text, identifier (any phone format), keyset or offset pages',
    access: INVESTIGATE,
    query: AdListSchema,
    async handler({ deps, query, audit }) {
      const page = await queryAds(deps.backend, query);
      const isSearch = Boolean(query.q || query.identifier);
      await audit(isSearch ? 'search' : 'list_ads', 'ads', null, {
        ...searchDetails(query),
        results: page.total ?? page.items.length,
      });
      return page;
    },
  }),
  route({
    method: 'get',
    path: '/ads/:id',
    tag: 'ads',
    summary:
      'One ad: content, entities, indicators with spans, versions with SHA-256, images, linked ads with reasons',
    access: INVESTIGATE,
    params: idParam,
    async handler({ deps, params, audit }) {
      const ad = await adDetail(deps.backend, params.id);
      await audit('view_ad', 'ad', params.id);
      return ad;
    },
  }),
  route({
    method: 'get',
    path: '/ads/:id/versions/:version',
    tag: 'ads',
    summary: 'One version of an ad: the normalised record and the raw capture it came from, with hashes',
    access: INVESTIGATE,
    params: z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() }),
    async handler({ deps, params, audit }) {
      const v = await deps.backend.db
        .selectFrom('ad_versions as v')
        .innerJoin('captures as c', 'c.id', 'v.capture_id')
        .select([
          'v.version',
          'v.record',
          'v.content_sha256',
          'v.created_at',
          'c.id as capture_id',
          'c.sha256',
          'c.raw',
          'c.received_at',
          'c.origin',
        ])
        .where('v.ad_id', '=', params.id)
        .where('v.version', '=', params.version)
        .executeTakeFirst();
      if (!v) throw notFound(`version ${params.version} of ad ${params.id}`);
      await audit('view_capture', 'ad', params.id, { version: params.version, capture: v.capture_id });
      return {
        version: v.version,
        record: JSON.parse(v.record) as unknown,
        contentSha256: v.content_sha256,
        createdAt: v.created_at,
        capture: {
          id: v.capture_id,
          sha256: v.sha256,
          receivedAt: v.received_at,
          origin: v.origin,
          raw: v.raw,
        },
      };
    },
  }),
  route({
    method: 'post',
    path: '/ads/review',
    tag: 'ads',
    summary: 'Mark ads reviewed or not (bulk)',
    access: INVESTIGATE,
    body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000), reviewed: z.boolean() }),
    async handler({ deps, body, audit }) {
      const r = await deps.backend.db
        .updateTable('ads')
        .set({ reviewed: body.reviewed ? 1 : 0 })
        .where('id', 'in', body.ids)
        .executeTakeFirst();
      await audit(body.reviewed ? 'mark_reviewed' : 'mark_unreviewed', 'ads', null, { ids: body.ids });
      return { updated: Number(r.numUpdatedRows) };
    },
  }),
];
