import { z } from 'zod/v4';
import { AdFilterSchema } from '../ads/list-ads.ts';
import { parseIdentifier } from '../ads/identifier-query.ts';
import { SUMMARY_COLUMNS, adSummary } from '../ads/present.ts';
import { allowedWebhooks } from '../alerts.ts';
import { ApiError, notFound } from '../errors.ts';
import { type AnyRoute, route } from '../registry.ts';
import { INVESTIGATE } from '../roles.ts';
import { idParam, limit } from '../schemas.ts';

const NewWatch = z.object({
  kind: z.enum(['phone', 'email', 'handle', 'image', 'search']),
  value: z
    .string()
    .min(1)
    .max(2000)
    .describe('identifier in any format, or for `search` a JSON object of ads-list filters'),
  label: z.string().max(200).optional(),
  webhookUrl: z.url().max(500).optional().describe('must be one of the URLs allowed by an admin'),
});

function normalise(kind: z.output<typeof NewWatch>['kind'], value: string): string {
  if (kind === 'search') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new ApiError('invalid_input', 'value: a saved search is a JSON object of ads-list filters');
    }
    return JSON.stringify(AdFilterSchema.parse(parsed));
  }
  const id = parseIdentifier(value);
  if (!id || id.kind !== kind || id.values.length !== 1)
    throw new ApiError('invalid_input', `value: not a ${kind}`);
  return id.values[0];
}

/** Watchlists and alerts belong to their owner: an analyst sees and changes only her own. */
export const watchRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/watchlists',
    tag: 'alerts',
    summary: 'My watchlists with their alert counts',
    access: INVESTIGATE,
    async handler({ deps, user }) {
      const rows = await deps.backend.db
        .selectFrom('watchlists')
        .selectAll()
        .where('owner_id', '=', user().id)
        .orderBy('id', 'desc')
        .execute();
      return {
        items: rows.map((w) => ({
          id: w.id,
          kind: w.kind,
          value: w.value,
          label: w.label,
          webhookUrl: w.webhook_url,
          active: w.active === 1,
          createdAt: w.created_at,
        })),
      };
    },
  }),
  route({
    method: 'post',
    path: '/watchlists',
    tag: 'alerts',
    summary: 'Watch a phone, e-mail, handle, image hash or saved search; new matching ads raise alerts',
    access: INVESTIGATE,
    body: NewWatch,
    status: 201,
    async handler({ deps, body, user, audit, now }) {
      if (body.webhookUrl && !(await allowedWebhooks(deps.backend)).includes(body.webhookUrl)) {
        throw new ApiError('invalid_input', 'webhookUrl: not in the list of allowed webhook URLs');
      }
      const w = await deps.backend.db
        .insertInto('watchlists')
        .values({
          owner_id: user().id,
          kind: body.kind,
          value: normalise(body.kind, body.value),
          label: body.label ?? null,
          webhook_url: body.webhookUrl ?? null,
          created_at: now().toISOString(),
        })
        .returning(['id', 'value'])
        .executeTakeFirstOrThrow();
      await audit('watchlist_created', 'watchlist', w.id, { kind: body.kind, value: w.value });
      return { id: w.id, value: w.value };
    },
  }),
  route({
    method: 'delete',
    path: '/watchlists/:id',
    tag: 'alerts',
    summary: 'Delete one of my watchlists (and its alerts)',
    access: INVESTIGATE,
    params: idParam,
    async handler({ deps, params, user, audit }) {
      const r = await deps.backend.db
        .deleteFrom('watchlists')
        .where('id', '=', params.id)
        .where('owner_id', '=', user().id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw notFound(`watchlist ${params.id}`);
      await audit('watchlist_deleted', 'watchlist', params.id);
      return { ok: true };
    },
  }),
  route({
    method: 'get',
    path: '/alerts',
    tag: 'alerts',
    summary: 'Alerts of my watchlists, newest first, with the matching ad',
    access: INVESTIGATE,
    query: z.object({ unseen: z.enum(['true', 'false']).optional(), limit: limit(500, 100) }),
    async handler({ deps, query, user }) {
      let q = deps.backend.db
        .selectFrom('alerts')
        .innerJoin('watchlists', 'watchlists.id', 'alerts.watchlist_id')
        .innerJoin('ads', 'ads.id', 'alerts.ad_id')
        .select([
          'alerts.id as alert_id',
          'alerts.created_at as alert_at',
          'alerts.seen_at',
          'watchlists.id as watchlist_id',
          'watchlists.label',
          'watchlists.kind',
          ...SUMMARY_COLUMNS,
        ])
        .where('watchlists.owner_id', '=', user().id);
      if (query.unseen === 'true') q = q.where('alerts.seen_at', 'is', null);
      const rows = await q.orderBy('alerts.id', 'desc').limit(query.limit).execute();
      return {
        items: rows.map((r) => ({
          id: r.alert_id,
          createdAt: r.alert_at,
          seenAt: r.seen_at,
          watchlist: { id: r.watchlist_id, label: r.label, kind: r.kind },
          ad: adSummary(r),
        })),
      };
    },
  }),
  route({
    method: 'post',
    path: '/alerts/seen',
    tag: 'alerts',
    summary: 'Mark alerts of my watchlists as seen',
    access: INVESTIGATE,
    body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000) }),
    async handler({ deps, body, user, now }) {
      const mine = deps.backend.db.selectFrom('watchlists').select('id').where('owner_id', '=', user().id);
      const r = await deps.backend.db
        .updateTable('alerts')
        .set({ seen_at: now().toISOString() })
        .where('id', 'in', body.ids)
        .where('watchlist_id', 'in', mine)
        .executeTakeFirst();
      return { updated: Number(r.numUpdatedRows) };
    },
  }),
];
