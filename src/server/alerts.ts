import type { Logger } from 'pino';
import type { Backend } from '../store/database.ts';
import { readSetting } from '../store/server-settings-repo.ts';
import { type AdFilter, AdFilterSchema, applyAdFilters } from './ads/list-ads.ts';
import { tableExists } from './table-exists.ts';

export interface CheckAlertsOptions {
  /** Allowed webhook URLs; default: $VIGIE_WEBHOOK_URLS plus the `webhook_urls` setting. */
  webhookUrls?: string[];
  fetchFn?: typeof fetch;
  log?: Pick<Logger, 'warn'>;
  now?: Date;
  webhookTimeoutMs?: number;
}

/** Webhook URLs an admin allowed (environment and settings): alerts are POSTed to these only. */
export async function allowedWebhooks(b: Backend): Promise<string[]> {
  const env = (process.env.VIGIE_WEBHOOK_URLS ?? '').split(',').filter((s) => s.length > 0);
  const set = await readSetting<string[]>(b.db, 'webhook_urls');
  return [...env, ...(Array.isArray(set) ? set : [])];
}

/**
 * Matches ads just created or changed against every active watchlist and records one alert per
 * (watchlist, ad) the first time they match. Called by the import pipeline after each batch.
 * Webhooks (configured URLs only) get the watchlist and the ad ids — no ad content leaves the server.
 * Returns the number of new alerts.
 */
export async function checkAlerts(
  backend: Backend,
  changedAdIds: number[],
  o: CheckAlertsOptions = {},
): Promise<number> {
  if (changedAdIds.length === 0) return 0;
  const db = backend.db;
  const watch = await db.selectFrom('watchlists').selectAll().where('active', '=', 1).execute();
  if (watch.length === 0) return 0;
  const hits = new Map<number, Set<number>>();
  const hit = (w: number, ad: number) => (hits.get(w) ?? hits.set(w, new Set()).get(w)!).add(ad);
  const searches = watch.filter((w) => w.kind === 'search');
  const indicatorIndex = await tableExists(backend, 'ad_indicators');
  for (let i = 0; i < changedAdIds.length; i += 500) {
    const chunk = changedAdIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('watchlists as w')
      .innerJoin('ad_identifiers as i', (j) =>
        j.onRef('i.kind', '=', 'w.kind').onRef('i.value', '=', 'w.value'),
      )
      .select(['w.id', 'i.ad_id'])
      .where('w.active', '=', 1)
      .where('i.ad_id', 'in', chunk)
      .execute();
    for (const r of rows) hit(r.id, r.ad_id);
    for (const w of searches) {
      const parsed = AdFilterSchema.safeParse(JSON.parse(w.value));
      if (!parsed.success) continue;
      const { q } = applyAdFilters(
        backend,
        db.selectFrom('ads').where('ads.id', 'in', chunk),
        parsed.data as AdFilter,
        { indicatorIndex },
      );
      for (const r of await q.select('ads.id').execute()) hit(w.id, r.id);
    }
  }
  const at = (o.now ?? new Date()).toISOString();
  let created = 0;
  const fresh = new Map<number, number[]>();
  for (const [wid, ads] of hits) {
    const ids = [...ads];
    const existing = new Set(
      (
        await db
          .selectFrom('alerts')
          .select('ad_id')
          .where('watchlist_id', '=', wid)
          .where('ad_id', 'in', ids)
          .execute()
      ).map((r) => r.ad_id),
    );
    const add = ids.filter((id) => !existing.has(id));
    if (add.length === 0) continue;
    await db
      .insertInto('alerts')
      .values(add.map((ad_id) => ({ watchlist_id: wid, ad_id, created_at: at })))
      .onConflict((oc) => oc.columns(['watchlist_id', 'ad_id']).doNothing())
      .execute();
    created += add.length;
    fresh.set(wid, add);
  }
  await sendWebhooks(backend, watch, fresh, o);
  return created;
}

async function sendWebhooks(
  b: Backend,
  watch: { id: number; kind: string; label: string | null; webhook_url: string | null }[],
  fresh: Map<number, number[]>,
  o: CheckAlertsOptions,
): Promise<void> {
  const targets = watch.filter((w) => w.webhook_url && fresh.has(w.id));
  if (targets.length === 0) return;
  const allowed = new Set(o.webhookUrls ?? (await allowedWebhooks(b)));
  const doFetch = o.fetchFn ?? fetch;
  for (const w of targets) {
    if (!allowed.has(w.webhook_url!)) {
      o.log?.warn({ watchlist: w.id }, 'webhook URL no longer allowed; not sent');
      continue;
    }
    try {
      await doFetch(w.webhook_url!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          event: 'vigie.alert',
          watchlist: { id: w.id, kind: w.kind, label: w.label },
          adIds: fresh.get(w.id),
        }),
        signal: AbortSignal.timeout(o.webhookTimeoutMs ?? 5000),
        redirect: 'error',
      });
    } catch (e) {
      o.log?.warn({ watchlist: w.id, err: String(e) }, 'webhook failed');
    }
  }
}
