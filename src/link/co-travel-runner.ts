/**
 * Co-travel for newly linked ads: the clusters they are in are compared with the clusters seen in the
 * same cities within days (indexed lookups by city and date); clusters that moved together are linked
 * and re-clustered.
 */
import { sql } from 'kysely';
import type { ClusterEvent } from '../core/link/cluster.ts';
import {
  DEFAULT_CO_TRAVEL,
  type GroupSighting,
  coTravelPairs,
  coTravelReason,
} from '../core/link/co-travel.ts';
import type { DbOrTx } from '../store/database.ts';
import { adTime, inChunks, insertLinks, loadAds, unionAll } from '../store/link-repo.ts';
import { recluster } from './incremental.ts';
import type { LinkRunOptions } from './options.ts';

const DAY = 86_400_000;

async function sightingsOf(db: DbOrTx, clusterIds: string[], group: Map<string, number>) {
  const out: GroupSighting[] = [];
  await inChunks(clusterIds, 200, async (c) => {
    const rows = await db
      .selectFrom('ads')
      .select(['id', 'cluster_id', 'city_name', 'posted_at', 'captured_at', 'first_seen'])
      .where('cluster_id', 'in', c)
      .where('city_name', 'is not', null)
      .execute();
    for (const r of rows) {
      out.push({
        group: group.get(r.cluster_id!)!,
        ad: r.id,
        city: r.city_name!,
        day: Math.floor(adTime(r) / DAY),
      });
    }
  });
  return out;
}

/**
 * Link the clusters of `adIds` (new ads, and ads whose network just changed) to clusters that moved with
 * them; returns the re-clustering events. Only the city-days of `adIds` are looked up: a pair of groups
 * seen together elsewhere was judged when those other ads arrived or changed network. A city window
 * holding more networks than `maxGroupsPerWindow` says nothing (as in `coTravelPairs`), so each lookup
 * reads at most that many cluster ids through the (city, posted_at, cluster) index.
 */
export async function linkCoTravel(
  db: DbOrTx,
  adIds: readonly number[],
  o: LinkRunOptions,
  at: string,
): Promise<ClusterEvent[]> {
  const fresh = (await loadAds(db, adIds)).filter((r) => r.cluster_id && r.city_name);
  if (fresh.length === 0) return [];
  const mine = [...new Set(fresh.map((r) => r.cluster_id!))];
  const group = new Map<string, number>();
  const gid = (c: string) => {
    if (!group.has(c)) group.set(c, group.size);
    return group.get(c)!;
  };
  for (const c of mine) gid(c);
  const max = DEFAULT_CO_TRAVEL.maxGroupsPerWindow;
  const candidates = new Set<string>();
  const windows = new Map<string, { city: string; day: number }>();
  for (const r of fresh) {
    const day = Math.floor(adTime(r) / DAY);
    windows.set(`${r.city_name}|${day}`, { city: r.city_name!, day });
  }
  const list = [...windows.values()];
  const inWindows = await unionAll<{ w: number; cluster_id: string }>(
    db,
    list.map(
      ({ city, day }, i) =>
        sql`SELECT ${sql.lit(i)} AS w, cluster_id FROM (SELECT DISTINCT cluster_id FROM ads WHERE city_name = ${city} AND posted_at >= ${new Date((day - DEFAULT_CO_TRAVEL.maxDays) * DAY).toISOString()} AND posted_at < ${new Date((day + DEFAULT_CO_TRAVEL.maxDays + 1) * DAY).toISOString()} AND cluster_id IS NOT NULL LIMIT ${max + 1}) AS c`,
    ),
  );
  const byWindow = list.map((): string[] => []);
  for (const r of inWindows) byWindow[Number(r.w)]!.push(r.cluster_id);
  for (const ids of byWindow) {
    if (ids.length > max) continue;
    for (const c of ids) if (!group.has(c)) candidates.add(c);
  }
  if (candidates.size === 0 && mine.length < 2) return [];
  const cand = [...candidates];
  for (const c of cand) gid(c);
  const own = await sightingsOf(db, mine, group);
  const all = [...own, ...(await sightingsOf(db, cand, group))];
  const mineIds = new Set(mine.map((c) => group.get(c)!));
  const pairs = coTravelPairs(all).filter((p) => mineIds.has(p.a) || mineIds.has(p.b));
  if (pairs.length === 0) return [];
  const names = [...group.keys()];
  const rows = pairs.flatMap((p) => {
    const reason = coTravelReason(p.visits);
    const via = `travel:${names[p.a]}|${names[p.b]}`;
    return p.visits.map((v) => ({
      ad_a: v.adA,
      ad_b: v.adB,
      kind: 'travel',
      weight: 0.7,
      strong: 1,
      reason,
      via,
    }));
  });
  const involved = [...new Set(rows.flatMap((r) => [r.ad_a, r.ad_b]))];
  await db
    .deleteFrom('links')
    .where('kind', '=', 'travel')
    .where('via', 'in', [...new Set(rows.map((r) => r.via))])
    .execute();
  await insertLinks(db, rows, at);
  const prevOf = new Map((await loadAds(db, involved)).map((r) => [r.id, r.cluster_id]));
  return recluster(db, involved, prevOf, o, at);
}
