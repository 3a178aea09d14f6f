/**
 * Incremental linking: called after each import batch with the ads created or changed. Computes their
 * signatures and band keys, finds evidence through indexed lookups (each bounded, so the cost per ad does
 * not grow with the store), lets new ads that reach exactly one network join it, and re-clusters only the
 * neighbourhood of the rest, keeping cluster ids stable and recording merges and splits; then co-travel.
 */
import {
  type ClusterEvent,
  assignStableIds,
  clusterLinks,
  planJoins,
  strongEnds,
} from '../core/link/cluster.ts';
import { phashBandKeys } from '../core/link/image-match.ts';
import type { EvidenceLink } from '../core/link/link-ads.ts';
import { signatureToBytes } from '../core/link/minhash.ts';
import type { ClusterId } from '../core/types.ts';
import type { Backend, DbOrTx } from '../store/database.ts';
import {
  identifiersOfAds,
  inChunks,
  adText,
  applyAssignments,
  clusterIdOf,
  deleteLinksOf,
  insertLinks,
  linksTouching,
  loadAds,
  loadStoplist,
  membersOf,
  nextClusterNumber,
  phashesOfAds,
  putImageBands,
  putSuppressed,
  putTextSignatures,
  recordClusterEvents,
} from '../store/link-repo.ts';
import { linkCoTravel } from './co-travel-runner.ts';
import { findEvidence } from './evidence.ts';
import { type LinkRunOptions, hasherFor, resolveLinkOptions } from './options.ts';
import { stageClock } from './stage-clock.ts';

/** Emitted for each new or changed ad that ends up in a network (for watchlists and alerts). */
export interface AdLinkedEvent {
  kind: 'ad_linked';
  adId: number;
  clusterId: ClusterId;
  /** Why, strongest evidence first (at most 5). */
  reasons: string[];
}

export interface LinkNewAdsResult {
  events: AdLinkedEvent[];
  clusterEvents: ClusterEvent[];
  links: number;
  /** Wall time per stage, ms (signatures, evidence, links, cluster, travel). */
  timings: Record<string, number>;
}

/** Link newly stored (or changed) ads to what is stored, in one transaction. */
export async function linkNewAds(
  b: Backend,
  adIds: readonly number[],
  options: Partial<LinkRunOptions> = {},
): Promise<LinkNewAdsResult> {
  const o = resolveLinkOptions(options);
  const h = await hasherFor(o.minhash);
  const ids = [...new Set(adIds)];
  const timings: Record<string, number> = {};
  if (ids.length === 0) return { events: [], clusterEvents: [], links: 0, timings };
  const at = o.now().toISOString();
  const clock = stageClock(timings);
  const lap = clock.lap;
  return b.db.transaction().execute(async (trx) => {
    const ads = await loadAds(trx, ids);
    if (ads.length === 0) return { events: [], clusterEvents: [], links: 0, timings };
    const present = ads.map((a) => a.id);
    const sigs = new Map<number, { sig: Uint32Array; bands: number[] }>();
    const sigRows = ads.map((a) => {
      const { sig, shingleCount } = h.signature(adText(a));
      const bands = h.bandKeys(sig, shingleCount);
      sigs.set(a.id, { sig, bands });
      return {
        ad_id: a.id,
        sig: signatureToBytes(sig),
        shingles: shingleCount,
        content_sha256: a.content_sha256,
        bands,
      };
    });
    await putTextSignatures(trx, sigRows);
    const phashes = await phashesOfAds(trx, present);
    await putImageBands(
      trx,
      present,
      phashes.flatMap((p) =>
        phashBandKeys(p.phash).map((band_key) => ({ ad_id: p.ad_id, band_key, phash: p.phash })),
      ),
    );
    await deleteLinksOf(trx, present);
    lap('signatures');
    const stoplist = await loadStoplist(trx);
    const ev = await findEvidence(trx, { ads, sigs, phashes, stoplist }, o, timings);
    clock.restart();
    await demoteBoilerplateText(trx, ev.links, ev.rows, o.textMaxContacts);
    lap('evidence_boilerplate');
    await insertLinks(
      trx,
      ev.links.map((l) => ({
        ad_a: l.a,
        ad_b: l.b,
        kind: l.kind,
        weight: l.weight,
        strong: l.strong ? 1 : 0,
        reason: l.reason,
        via: l.via ?? null,
      })),
      at,
    );
    await putSuppressed(trx, ev.suppressed, at);
    const prevOf = new Map<number, string | null>();
    for (const r of ev.rows.values()) prevOf.set(r.id, r.cluster_id);
    // An identifier that has just become a hub no longer links the ads it linked before.
    const unlinked = await unlinkSuppressed(
      trx,
      ev.suppressed.map((x) => `${x.kind}:${x.value}`),
    );
    for (const r of unlinked) prevOf.set(r.id, r.cluster_id);
    lap('links');
    // Most new ads simply join the one network their evidence points to: no re-clustering then (a
    // network's community split is revisited when networks merge, and by `vigie link --rebuild`).
    let seeds = [...prevOf.keys()];
    if (unlinked.length === 0) {
      const plan = planJoins(present, ev.links, (id) => prevOf.get(id));
      await applyAssignments(
        trx,
        plan.joins.map((j) => ({ adId: j.adId, from: null, to: j.clusterId })),
        at,
      );
      seeds = plan.rest;
    }
    // Co-travel looks again at the city-days of the new ads and of every ad whose network changed.
    const moved = new Set(present);
    const clusterEvents = seeds.length > 0 ? await recluster(trx, seeds, prevOf, o, at, moved) : [];
    lap('cluster');
    if (o.signals.travel !== false) clusterEvents.push(...(await linkCoTravel(trx, [...moved], o, at)));
    lap('travel');
    const finalOf = new Map(
      (await loadAds(trx, present)).map((r) => [r.id, r.cluster_id as ClusterId | null]),
    );
    const events: AdLinkedEvent[] = [];
    for (const id of present) {
      const cid = finalOf.get(id);
      if (!cid) continue;
      const reasons = ev.links
        .filter((l) => l.a === id || l.b === id)
        .sort((x, y) => Number(y.strong) - Number(x.strong) || y.weight - x.weight)
        .slice(0, 5)
        .map((l) => l.reason);
      events.push({ kind: 'ad_linked', adId: id, clusterId: cid, reasons });
    }
    return { events, clusterEvents, links: ev.links.length, timings };
  });
}

/**
 * A text link that would pull an ad into a cluster it has no other strong evidence for, when that
 * cluster already spans more personas (distinct contacts) than `max`, is boilerplate: made weak.
 */
async function demoteBoilerplateText(
  db: DbOrTx,
  links: EvidenceLink[],
  rows: Map<number, { cluster_id: string | null }>,
  max: number,
) {
  const strongTo = new Map<string, Set<string>>();
  const keyOf = (ad: number, other: number) => {
    const c = rows.get(other)?.cluster_id;
    return c ? `${ad}|${c}` : null;
  };
  for (const [x, y, l] of strongEnds(links)) {
    const k = keyOf(x, y);
    if (!k) continue;
    if (!strongTo.has(k)) strongTo.set(k, new Set());
    strongTo.get(k)!.add(l.kind);
  }
  const suspect = new Set<string>();
  for (const [k, kinds] of strongTo)
    if (kinds.size === 1 && kinds.has('text')) suspect.add(k.slice(k.indexOf('|') + 1));
  if (suspect.size === 0) return;
  const crowded = new Set<string>();
  for (const c of suspect) {
    const members = (await membersOf(db, [c])).map((m) => m.id);
    const contacts = new Set<string>();
    const byAd = new Map<number, string[]>();
    for (const r of await identifiersOfAds(db, members)) {
      if (r.kind === 'phone' || r.kind === 'email' || r.kind === 'handle')
        byAd.set(r.ad_id, [...(byAd.get(r.ad_id) ?? []), r.value]);
    }
    for (const m of members) for (const v of byAd.get(m) ?? [`ad:${m}`]) contacts.add(v);
    if (contacts.size > max) crowded.add(c);
  }
  for (const l of links) {
    if (l.kind !== 'text' || !l.strong) continue;
    const ca = rows.get(l.a)?.cluster_id;
    const cb = rows.get(l.b)?.cluster_id;
    if ((ca && crowded.has(ca) && suspect.has(ca)) || (cb && crowded.has(cb) && suspect.has(cb))) {
      l.strong = false;
      l.weight *= 0.5;
      l.reason += ' (boilerplate)';
    }
  }
}

/** Delete the links made through identifiers now suppressed; returns the ads they touched. */
async function unlinkSuppressed(db: DbOrTx, vias: string[]) {
  if (vias.length === 0) return [];
  const touched = new Set<number>();
  await inChunks(vias, 200, async (c) => {
    const rows = await db.selectFrom('links').select(['ad_a', 'ad_b']).where('via', 'in', c).execute();
    for (const r of rows) touched.add(r.ad_a).add(r.ad_b);
    if (rows.length > 0) await db.deleteFrom('links').where('via', 'in', c).execute();
  });
  return loadAds(db, [...touched]);
}

/**
 * Re-cluster the neighbourhood of `seeds`: every ad of every cluster they belong to, plus the seeds,
 * using all stored links among them. Returns merge/split/new events (also recorded).
 */
export async function recluster(
  db: DbOrTx,
  seeds: readonly number[],
  prevOf: Map<number, string | null>,
  o: LinkRunOptions,
  at: string,
  /** Filled with the ads whose network changed. */
  changed?: Set<number>,
): Promise<ClusterEvent[]> {
  const touched = [...new Set(seeds.map((s) => prevOf.get(s)).filter((c): c is string => !!c))];
  const members = new Set(seeds);
  for (const m of await membersOf(db, touched)) {
    members.add(m.id);
    prevOf.set(m.id, m.cluster_id);
  }
  // Strong neighbours not yet in the set may themselves belong to clusters: follow them once.
  let links = await linksTouching(db, [...members]);
  const outside = [...new Set(links.flatMap((l) => [l.ad_a, l.ad_b]))].filter((x) => !members.has(x));
  if (outside.length > 0) {
    for (const r of await loadAds(db, outside)) {
      members.add(r.id);
      prevOf.set(r.id, r.cluster_id);
    }
    const more = [
      ...new Set(outside.map((x) => prevOf.get(x)).filter((c): c is string => !!c && !touched.includes(c))),
    ];
    for (const m of await membersOf(db, more)) {
      members.add(m.id);
      prevOf.set(m.id, m.cluster_id);
    }
    links = await linksTouching(db, [...members]);
  }
  const inSet: EvidenceLink[] = links
    .filter((l) => members.has(l.ad_a) && members.has(l.ad_b))
    .map((l) => ({
      a: l.ad_a,
      b: l.ad_b,
      kind: l.kind as EvidenceLink['kind'],
      weight: l.weight,
      strong: l.strong === 1,
      reason: l.reason,
      via: l.via ?? undefined,
    }));
  const split = o.signals.split === false ? { ...o.split, minSplitSize: Number.POSITIVE_INFINITY } : o.split;
  const groups = clusterLinks(members, inSet, split).filter((g) => g.length >= 2);
  let next = await nextClusterNumber(db);
  const { ids, events } = assignStableIds(
    groups,
    (ad) => (prevOf.get(ad) ?? null) as ClusterId | null,
    () => clusterIdOf(next++),
  );
  const kept = new Set<string>(ids);
  for (const p of new Set([...members].map((m) => prevOf.get(m)).filter((c): c is string => !!c))) {
    if (!kept.has(p) && !events.some((e) => e.kind === 'split' && e.from === p)) {
      events.push({ kind: 'retired', clusterId: p as ClusterId });
    }
  }
  const newOf = new Map<number, string>();
  groups.forEach((g, i) => {
    for (const ad of g) newOf.set(ad, ids[i]!);
  });
  const changes: { adId: number; from: string | null; to: string | null }[] = [];
  for (const m of members) {
    const from = prevOf.get(m) ?? null;
    const to = newOf.get(m) ?? null;
    if (from !== to) {
      changes.push({ adId: m, from, to });
      changed?.add(m);
    }
  }
  await applyAssignments(db, changes, at);
  await recordClusterEvents(
    db,
    events.map((e) =>
      e.kind === 'split'
        ? { kind: e.kind, cluster_id: e.from, data: { into: e.into } }
        : { kind: e.kind, cluster_id: e.clusterId, data: e.kind === 'merge' ? { from: e.from } : {} },
    ),
    at,
  );
  return events;
}
