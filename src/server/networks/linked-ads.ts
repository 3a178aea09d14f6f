import type { Backend } from '../../store/database.ts';
import { tableExists } from '../table-exists.ts';

/** Why two ads are linked: a shared identifier, or evidence recorded by the linking stage. */
export interface LinkReason {
  kind: string;
  reason: string;
  via: string | null;
  weight: number | null;
}

const MAX_LINKED = 200;

/**
 * The ads linked to one ad, each with its reasons: evidence links from the linking stage (`links` table,
 * when it exists) and identifiers the two ads share (always available).
 */
export async function linkedAds(b: Backend, adId: number): Promise<Map<number, LinkReason[]>> {
  const out = new Map<number, LinkReason[]>();
  const add = (other: number, r: LinkReason) => {
    const list = out.get(other) ?? [];
    if (!list.some((x) => x.kind === r.kind && x.via === r.via && x.reason === r.reason)) list.push(r);
    out.set(other, list);
  };
  if (await tableExists(b, 'links')) {
    const rows = await b.db
      .selectFrom('links')
      .select(['ad_a', 'ad_b', 'kind', 'reason', 'via', 'weight'])
      .where((eb) => eb.or([eb('ad_a', '=', adId), eb('ad_b', '=', adId)]))
      .orderBy('weight', 'desc')
      .limit(MAX_LINKED * 2)
      .execute();
    for (const r of rows) {
      add(r.ad_a === adId ? r.ad_b : r.ad_a, {
        kind: r.kind,
        reason: r.reason,
        via: r.via,
        weight: r.weight,
      });
    }
  }
  const shared = await b.db
    .selectFrom('ad_identifiers as me')
    .innerJoin('ad_identifiers as o', (j) =>
      j.onRef('o.kind', '=', 'me.kind').onRef('o.value', '=', 'me.value'),
    )
    .select(['o.ad_id', 'o.kind', 'o.value'])
    .where('me.ad_id', '=', adId)
    .where('o.ad_id', '<>', adId)
    .limit(MAX_LINKED * 2)
    .execute();
  for (const r of shared) {
    add(r.ad_id, {
      kind: `shared_${r.kind}`,
      reason: `same ${r.kind} ${r.value}`,
      via: `${r.kind}:${r.value}`,
      weight: null,
    });
  }
  return new Map([...out].slice(0, MAX_LINKED));
}
