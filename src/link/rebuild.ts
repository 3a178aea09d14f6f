/**
 * `vigie link --rebuild`: recompute signatures, band keys, links and clusters for every ad. Streams the
 * ads and identifiers with keyset pagination; keeps only compact typed arrays in memory (per ad: the
 * MinHash signature, band keys, time, city, previous cluster), so 1M ads need well under 1 GB.
 */
import { sql } from 'kysely';
import { type ClusterEvent, assignStableIds, splitComponent } from '../core/link/cluster.ts';
import { type GroupSighting, coTravelPairs, coTravelReason } from '../core/link/co-travel.ts';
import { type IdentifierLinkKind, assessHub } from '../core/link/graph.ts';
import { hamming, phashBandKeys } from '../core/link/image-match.ts';
import type { EvidenceLink, LinkSignals } from '../core/link/link-ads.ts';
import { estimateJaccard, signatureToBytes } from '../core/link/minhash.ts';
import type { ClusterId } from '../core/types.ts';
import type { Backend, Db } from '../store/database.ts';
import { adText, adTime, adsPage, clusterIdOf, loadStoplist, putSuppressed } from '../store/link-repo.ts';
import { BAND_INDEXES, createBandIndexes, createImageBandIndexes } from '../store/migrations/0003_links.ts';
import { namesOf } from './evidence.ts';
import { type LinkRunOptions, hasherFor, resolveLinkOptions } from './options.ts';
import { DenseUnionFind, RebuildState } from './rebuild-state.ts';
import { writeAssignments } from './rebuild-write.ts';
import { ALL_ON } from '../core/link/link-ads.ts';

export interface RebuildOptions extends LinkRunOptions {
  pageSize: number;
  onProgress: (stage: string, done: number, total: number) => void;
}

export interface RebuildResult {
  ads: number;
  links: number;
  clusters: number;
  clusteredAds: number;
  suppressed: number;
  events: { merge: number; split: number; new: number; retired: number };
  /** Wall time per stage, ms. */
  timings: Record<string, number>;
}

/** Recompute all links and clusters. Cluster ids are kept where clusters overlap previous ones. */
export async function rebuildLinks(
  b: Backend,
  options: Partial<RebuildOptions> = {},
): Promise<RebuildResult> {
  const o = {
    pageSize: 5000,
    onProgress: () => {},
    ...resolveLinkOptions(options),
    ...options,
  } as RebuildOptions;
  const sig: LinkSignals = { ...ALL_ON, ...o.signals };
  const h = await hasherFor(o.minhash);
  const at = o.now().toISOString();
  const db = b.db;
  const timings: Record<string, number> = {};
  let t0 = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - t0;
    t0 = Date.now();
  };

  const stats = await db
    .selectFrom('ads')
    .select([sql<number | string>`count(*)`.as('n'), sql<number | string | null>`max(id)`.as('m')])
    .executeTakeFirstOrThrow();
  const n = Number(stats.n);
  const maxId = Number(stats.m ?? 0);
  const st = new RebuildState(n, maxId, b, at);

  await db.transaction().execute(async (trx) => {
    for (const t of [
      'links',
      'link_text',
      'link_text_bands',
      'link_image_bands',
      'link_suppressed',
      'link_assign',
    ] as const) {
      await trx.deleteFrom(t).execute();
    }
  });
  for (const ix of [...BAND_INDEXES, 'links_a', 'links_b', 'links_via'])
    await db.schema.dropIndex(ix).ifExists().execute();
  lap('clear');

  // Pass A: ads → signatures, band keys, time, city, previous cluster.
  const bands = new BigUint64Array(n * h.bands);
  const sigs = new Uint32Array(n * h.perms);
  let nb = 0;
  let k = 0;
  let maxPrev = 0;
  for (let after = 0; ; ) {
    const page = await adsPage(db, after, o.pageSize);
    if (page.length === 0) break;
    const textRows: { ad_id: number; sig: Uint8Array; shingles: number; content_sha256: string }[] = [];
    const bandRows: { band_key: number; ad_id: number }[] = [];
    for (const r of page) {
      const i = k++;
      st.idxOf[r.id] = i;
      st.adIdOf[i] = r.id;
      st.time[i] = adTime(r);
      st.city[i] = st.internCity(r.city_name);
      const prev = r.cluster_id ? Number.parseInt(r.cluster_id.slice(1), 10) : 0;
      st.prevCluster[i] = Number.isFinite(prev) ? prev : 0;
      if (st.prevCluster[i]! > maxPrev) maxPrev = st.prevCluster[i]!;
      const { sig: s, shingleCount } = h.signature(adText(r));
      sigs.set(s, i * h.perms);
      textRows.push({
        ad_id: r.id,
        sig: signatureToBytes(s),
        shingles: shingleCount,
        content_sha256: r.content_sha256,
      });
      const seen = new Set<number>();
      for (const key of h.bandKeys(s, shingleCount)) {
        if (seen.has(key)) continue;
        seen.add(key);
        bandRows.push({ band_key: key, ad_id: r.id });
        bands[nb++] = (BigInt(key >>> 0) << 32n) | BigInt(i);
      }
    }
    await db.transaction().execute(async (trx) => {
      await b.bulk.insert(
        trx,
        'link_text',
        ['ad_id', 'sig', 'shingles', 'content_sha256'],
        textRows.map((r) => [r.ad_id, r.sig, r.shingles, r.content_sha256]),
      );
      await b.bulk.insert(
        trx,
        'link_text_bands',
        ['band_key', 'ad_id'],
        bandRows.map((r) => [r.band_key, r.ad_id]),
      );
    });
    after = page[page.length - 1]!.id;
    o.onProgress('signatures', k, n);
  }
  lap('signatures');

  const hub = { ...o.hub, stopList: new Set([...(o.hub.stopList ?? []), ...(await loadStoplist(db))]) };
  const maxAds = hub.maxAds ?? 400;
  const suppressed: { kind: string; value: string; reason: string; ads: number }[] = [];
  const judge = (kind: IdentifierLinkKind, value: string, members: number[]) => {
    if (!sig.hubs) return false;
    const v =
      members.length > maxAds
        ? { suppressed: true, reason: `suppressed: shared by ${members.length} ads`, ads: members.length }
        : assessHub(
            kind,
            value,
            members.map((i) => ({
              adId: i,
              at: st.time[i],
              city: st.city[i]! >= 0 ? st.cities[st.city[i]!] : null,
              contacts: st.contactsOf(i),
            })),
            hub,
          );
    if (v.suppressed) suppressed.push({ kind, value, reason: v.reason!, ads: v.ads });
    return v.suppressed;
  };
  const chain = async (kind: IdentifierLinkKind, value: string, members: number[], label: string) => {
    const via = st.internVia(`${kind}:${value}`);
    const sorted = [...new Set(members)].sort((x, y) => st.time[x]! - st.time[y]! || x - y);
    const weight = kind === 'image' ? 0.85 : kind === 'handle' ? 0.9 : 1;
    for (let j = 1; j < sorted.length; j++) {
      const extra = kind === 'image' ? st.phoneChange(sorted[j - 1]!, sorted[j]!) : '';
      await st.addLink(sorted[j - 1]!, sorted[j]!, kind, weight, true, `same ${label}${extra}`, via);
    }
  };

  // Contacts of each ad first: its first phone (for "phone changed" reasons) and a contact (phone, else
  // e-mail or handle) as persona proxy for hub checks. Streamed in primary-key order; kinds are filtered
  // here, not in SQL, where a `kind IN (…)` makes the planner pick the (kind, value) index and sort every page.
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('ad_identifiers')
      .select(['ad_id', 'kind', 'value'])
      .where('ad_id', '>', after)
      .orderBy('ad_id')
      .limit(20_000)
      .execute();
    if (rows.length === 0) break;
    let end = rows.length;
    if (rows.length === 20_000)
      while (end > 1 && rows[end - 1]!.ad_id === rows[rows.length - 1]!.ad_id) end--;
    for (let r = 0; r < end; r++) {
      const x = rows[r]!;
      const i = st.idxOf[x.ad_id] ?? -1;
      if (i < 0 || (x.kind !== 'phone' && x.kind !== 'email' && x.kind !== 'handle')) continue;
      const via = st.internVia(`${x.kind}:${x.value}`);
      if (x.kind === 'phone' && st.phone[i]! < 0) st.phone[i] = via;
      // Two contacts per ad, phones first (kinds arrive in order email, handle, phone).
      if (x.kind === 'phone' && st.contact[i]! >= 0 && !st.vias[st.contact[i]!]!.startsWith('phone:')) {
        st.contact[i] = via;
        st.contact2[i] = -1;
      } else if (st.contact[i]! < 0) st.contact[i] = via;
      else if (
        st.contact2[i]! < 0 &&
        (x.kind === 'phone' || !st.vias[st.contact[i]!]!.startsWith('phone:'))
      ) {
        st.contact2[i] = via;
      }
    }
    after = rows[end - 1]!.ad_id;
  }
  lap('phones');

  // Pass B: shared identifiers, streamed in (kind, value) order.
  const PAGE = 20_000;
  let lastKind = '';
  let lastValue = '';
  let seenIds = 0;
  for (;;) {
    const rows = await db
      .selectFrom('ad_identifiers')
      .select(['kind', 'value', 'ad_id'])
      .where(sql<boolean>`(kind > ${lastKind} OR (kind = ${lastKind} AND value > ${lastValue}))`)
      .orderBy('kind')
      .orderBy('value')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    let end = rows.length;
    if (rows.length === PAGE) {
      const last = rows[rows.length - 1]!;
      while (end > 0 && rows[end - 1]!.kind === last.kind && rows[end - 1]!.value === last.value) end--;
      if (end === 0) {
        // One identifier fills a whole page: a hub by any measure.
        suppressed.push({
          kind: last.kind,
          value: last.value,
          reason: `suppressed: shared by ${PAGE}+ ads`,
          ads: PAGE,
        });
        lastKind = last.kind;
        lastValue = last.value;
        continue;
      }
    }
    for (let s = 0; s < end; ) {
      let e = s;
      while (e < end && rows[e]!.kind === rows[s]!.kind && rows[e]!.value === rows[s]!.value) e++;
      const kind = rows[s]!.kind as IdentifierLinkKind;
      const value = rows[s]!.value;
      const members = rows
        .slice(s, e)
        .map((r) => st.idxOf[r.ad_id] ?? -1)
        .filter((i) => i >= 0);
      if (sig[kind] !== false && members.length >= 2 && !judge(kind, value, members)) {
        await chain(
          kind,
          value,
          members,
          kind === 'image' ? `image (SHA-256 ${value.slice(0, 12)}…)` : `${kind} ${value}`,
        );
      }
      s = e;
    }
    lastKind = rows[end - 1]!.kind;
    lastValue = rows[end - 1]!.value;
    seenIds += end;
    o.onProgress('identifiers', seenIds, seenIds);
  }
  lap('identifiers');

  // Pass C: images (pHash): exact groups with hub check, then near matches through band keys.
  if (sig.image) await linkImages(b, st, o, judge);
  lap('images');
  // Co-travel compares the groups that identifiers and images make, before texts join them: groups a
  // text joins are the ones whose travel together must still hold them when large components are split.
  const contactGroups = st.uf.clone();

  // Pass D: near-duplicate texts through LSH buckets.
  if (sig.text || sig.persona) {
    const sorted = bands.subarray(0, nb).sort();
    const weak: { i: number; j: number; s: number }[] = [];
    const strong: { i: number; j: number; s: number }[] = [];
    // Text-only components: a "template" shared by more personas than textMaxContacts is boilerplate.
    const tuf = new DenseUnionFind(st.n);
    const K = o.bucketCompare;
    let s = 0;
    while (s < sorted.length) {
      const key = sorted[s]! >> 32n;
      let e = s + 1;
      while (e < sorted.length && sorted[e]! >> 32n === key) e++;
      if (e - s > 2 && crowded(st, sorted, s, e, o.textMaxContacts)) {
        s = e;
        continue;
      }
      for (let q = s + 1; q < e; q++) {
        const j = Number(sorted[q]! & 0xffffffffn);
        for (let p = Math.max(s, q - K); p < q; p++) {
          const i = Number(sorted[p]! & 0xffffffffn);
          if (tuf.find(i) === tuf.find(j)) continue;
          const sim = estimateJaccard(
            sigs.subarray(i * h.perms, (i + 1) * h.perms),
            sigs.subarray(j * h.perms, (j + 1) * h.perms),
          );
          if (sim < o.textWeak) continue;
          if (sig.text && sim >= o.textStrong) {
            tuf.union(i, j);
            strong.push({ i, j, s: sim });
          } else weak.push({ i, j, s: sim });
        }
      }
      s = e;
    }
    const personas = new Map<number, Set<number>>();
    for (const p of strong) {
      for (const i of [p.i, p.j]) {
        const r = tuf.find(i);
        const set = personas.get(r) ?? new Set<number>();
        personas.set(r, set);
        if (set.size > o.textMaxContacts) continue;
        if (st.contact[i]! < 0) set.add(-1 - i);
        for (const c of [st.contact[i]!, st.contact2[i]!]) if (c >= 0) set.add(c);
      }
    }
    for (const p of strong) {
      const sim = p.s.toFixed(2);
      if (personas.get(tuf.find(p.i))!.size > o.textMaxContacts) {
        await st.addLink(
          p.i,
          p.j,
          'text',
          p.s * 0.5,
          false,
          `text ${sim} similar to ad ${st.adIdOf[p.i]} (boilerplate)`,
          -1,
        );
      } else {
        const reason = `text ${sim} similar to ad ${st.adIdOf[p.i]}${st.phoneChange(p.i, p.j)}`;
        await st.addLink(p.i, p.j, 'text', p.s, true, reason, -1);
      }
    }
    lap('text');
    await linkWeakTexts(db, st, weak, sig, o.personaMin);
    lap('persona');
  }
  if (sig.travel) await linkCoTravel(st, contactGroups);
  lap('travel');
  await st.flush();
  await createBandIndexes(db as unknown as Parameters<typeof createBandIndexes>[0]);
  await createImageBandIndexes(db as unknown as Parameters<typeof createImageBandIndexes>[0]);
  await db.schema.createIndex('links_a').ifNotExists().on('links').column('ad_a').execute();
  await db.schema.createIndex('links_b').ifNotExists().on('links').column('ad_b').execute();
  await db.schema.createIndex('links_via').ifNotExists().on('links').column('via').execute();
  lap('indexes');

  // Components, community split, stable ids.
  const groups = componentsOf(st, sig.split ? o.split : null);
  lap('clusters');
  let next = Math.max(maxPrev, await maxClusterNumber(db)) + 1;
  const { ids, events } = assignStableIds(
    groups,
    (i) => (st.prevCluster[i]! > 0 ? clusterIdOf(st.prevCluster[i]!) : null),
    () => clusterIdOf(next++),
  );
  const kept = new Set<string>(ids);
  const prevIds = new Set<number>();
  for (let i = 0; i < st.n; i++) if (st.prevCluster[i]! > 0) prevIds.add(st.prevCluster[i]!);
  for (const p of prevIds) {
    const id = clusterIdOf(p);
    if (!kept.has(id) && !events.some((e) => e.kind === 'split' && e.from === id))
      events.push({ kind: 'retired', clusterId: id });
  }
  await putSuppressed(db, suppressed, at);
  await writeAssignments(db, st, groups, ids as ClusterId[], events, at);
  // What the rebuild wrote, and the contacts incremental linking reads most: a table bulk-loaded before
  // autovacuum has looked at it has no statistics, and PostgreSQL then chose bitmap scans estimated at
  // 11,451 rows for a 32-id contacts lookup (1.5 ms a call, 0.37 ms with statistics).
  await b.refreshStatistics([
    'link_text',
    'link_text_bands',
    'link_image_bands',
    'links',
    'ads',
    'ad_identifiers',
    'clusters',
    'cluster_membership',
  ]);
  lap('write');
  const count = (k: ClusterEvent['kind']) => events.filter((e) => e.kind === k).length;
  return {
    ads: n,
    links: st.linkCount,
    clusters: groups.length,
    clusteredAds: groups.reduce((a, g) => a + g.length, 0),
    suppressed: suppressed.length,
    events: { merge: count('merge'), split: count('split'), new: count('new'), retired: count('retired') },
    timings,
  };
}

/** True when the bucket's ads carry more than `max` distinct contacts (boilerplate, not a template). */
function crowded(st: RebuildState, sorted: BigUint64Array, s: number, e: number, max: number): boolean {
  const seen = new Set<number>();
  for (let q = s; q < e; q++) {
    const i = Number(sorted[q]! & 0xffffffffn);
    // An ad without any contact counts as a persona of its own.
    if (st.contact[i]! < 0) seen.add(-1 - i);
    for (const c of [st.contact[i]!, st.contact2[i]!]) if (c >= 0) seen.add(c);
    if (seen.size > max) return true;
  }
  return false;
}

async function maxClusterNumber(db: Db): Promise<number> {
  const r = await db.selectFrom('clusters').select(sql<string | null>`max(id)`.as('m')).executeTakeFirst();
  const m = r?.m ? Number.parseInt(r.m.slice(1), 10) : 0;
  return Number.isFinite(m) ? m : 0;
}

/** Exact pHash groups (hub-checked) and near pHash matches through 16-bit bands. */
async function linkImages(
  b: Backend,
  st: RebuildState,
  o: RebuildOptions,
  judge: (kind: IdentifierLinkKind, value: string, members: number[]) => boolean,
) {
  const byHash = new Map<string, number[]>();
  for (let after = { ad: 0, ord: -1 }; ; ) {
    const rows = await b.db
      .selectFrom('ad_images')
      .select(['ad_id', 'ord', 'phash'])
      .where(sql<boolean>`(ad_id > ${after.ad} OR (ad_id = ${after.ad} AND ord > ${after.ord}))`)
      .orderBy('ad_id')
      .orderBy('ord')
      .limit(20_000)
      .execute();
    if (rows.length === 0) break;
    const bandRows: { band_key: number; ad_id: number; phash: string }[] = [];
    for (const r of rows) {
      const i = st.idxOf[r.ad_id] ?? -1;
      if (!r.phash || i < 0) continue;
      const list = byHash.get(r.phash) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      byHash.set(r.phash, list);
      for (const band_key of phashBandKeys(r.phash))
        bandRows.push({ band_key, ad_id: r.ad_id, phash: r.phash });
    }
    const uniq = [...new Map(bandRows.map((x) => [`${x.band_key}|${x.ad_id}|${x.phash}`, x])).values()];
    await b.db.transaction().execute((trx) =>
      b.bulk.insert(
        trx,
        'link_image_bands',
        ['band_key', 'ad_id', 'phash'],
        uniq.map((x) => [x.band_key, x.ad_id, x.phash]),
      ),
    );
    const last = rows[rows.length - 1]!;
    after = { ad: last.ad_id, ord: last.ord };
  }
  const hubs = new Set<string>();
  for (const [ph, members] of byHash) {
    if (members.length < 2) continue;
    if (judge('image', ph, members)) {
      hubs.add(ph);
      continue;
    }
    const via = st.internVia(`image:${ph}`);
    const sorted = [...new Set(members)].sort((x, y) => st.time[x]! - st.time[y]! || x - y);
    for (let j = 1; j < sorted.length; j++) {
      const reason = `same image (pHash)${st.phoneChange(sorted[j - 1]!, sorted[j]!)}`;
      await st.addLink(sorted[j - 1]!, sorted[j]!, 'image', 0.85, true, reason, via);
    }
  }
  const buckets = new Map<number, string[]>();
  for (const ph of byHash.keys()) {
    if (hubs.has(ph)) continue;
    for (const key of phashBandKeys(ph)) buckets.set(key, [...(buckets.get(key) ?? []), ph]);
  }
  const done = new Set<string>();
  for (const list of buckets.values()) {
    for (let q = 1; q < list.length; q++)
      for (let p = Math.max(0, q - o.bucketCompare); p < q; p++) {
        const x = list[p]!;
        const y = list[q]!;
        const pk = x < y ? `${x}|${y}` : `${y}|${x}`;
        if (done.has(pk)) continue;
        done.add(pk);
        const d = hamming(x, y);
        if (d > o.imageMaxDistance) continue;
        const i = byHash.get(x)![0]!;
        const j = byHash.get(y)![0]!;
        if (st.uf.find(i) === st.uf.find(j)) continue;
        await st.addLink(
          i,
          j,
          'image',
          0.8,
          true,
          `similar image (pHash distance ${d})${st.phoneChange(i, j)}`,
          -1,
        );
      }
  }
}

/**
 * Groups (of ads sharing identifiers or images) seen in the same cities on the same days are linked.
 * Lone ads are left out, as in incremental linking: one ad is one city and cannot co-travel, and counting
 * lone ads would make every busy city-window look crowded.
 */
async function linkCoTravel(st: RebuildState, groups: DenseUnionFind) {
  const size = new Int32Array(st.n);
  for (let i = 0; i < st.n; i++) size[groups.find(i)]!++;
  const sightings: GroupSighting[] = [];
  for (let i = 0; i < st.n; i++) {
    if (st.city[i]! < 0 || !Number.isFinite(st.time[i]) || size[groups.find(i)]! < 2) continue;
    sightings.push({
      group: groups.find(i),
      ad: i,
      city: st.cities[st.city[i]!]!,
      day: Math.floor(st.time[i]! / 86_400_000),
    });
  }
  for (const p of coTravelPairs(sightings)) {
    const via = st.internVia(`travel:${st.adIdOf[p.a]}|${st.adIdOf[p.b]}`);
    const reason = coTravelReason(p.visits);
    for (const v of p.visits) await st.addLink(v.adA, v.adB, 'travel', 0.7, true, reason, via);
  }
}

/**
 * Weak text pairs: persona evidence when the ads share a name, weak links otherwise. Names are read a
 * chunk of pairs at a time, so memory stays bounded however many pairs there are.
 */
async function linkWeakTexts(
  db: Db,
  st: RebuildState,
  weak: { i: number; j: number; s: number }[],
  sig: LinkSignals,
  personaMin: number,
) {
  const seen = new Set<number>();
  for (let c = 0; c < weak.length; c += 10_000) {
    const chunk = weak.slice(c, c + 10_000);
    const names = await namesOf(
      db,
      chunk.flatMap((w) => [st.adIdOf[w.i]!, st.adIdOf[w.j]!]),
    );
    for (const w of chunk) {
      const pk = Math.min(w.i, w.j) * st.n + Math.max(w.i, w.j);
      if (seen.has(pk)) continue;
      seen.add(pk);
      const a = st.adIdOf[w.i]!;
      const name = (names.get(a) ?? []).find((x) => (names.get(st.adIdOf[w.j]!) ?? []).includes(x));
      const sim = w.s.toFixed(2);
      if (sig.persona && name && w.s >= personaMin && st.uf.find(w.i) !== st.uf.find(w.j)) {
        const reason = `persona continuity: same name "${name}" and text ${sim} similar to ad ${a}${st.phoneChange(w.i, w.j)}`;
        await st.addLink(w.i, w.j, 'persona', w.s, true, reason, -1);
      } else if (sig.text) {
        await st.addLink(w.i, w.j, 'text', w.s * 0.5, false, `text ${sim} similar to ad ${a}`, -1);
      }
    }
  }
}

/** Groups of ≥ 2 dense indexes: strong components, large ones split by community detection. */
function componentsOf(st: RebuildState, split: LinkRunOptions['split'] | null): number[][] {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < st.n; i++) {
    const r = st.uf.find(i);
    let g = byRoot.get(r);
    if (!g) {
      g = [];
      byRoot.set(r, g);
    }
    g.push(i);
  }
  const minSplit = split?.minSplitSize ?? 12;
  const big = new Set<number>();
  for (const [r, g] of byRoot) if (split && g.length >= minSplit) big.add(r);
  const linksOf = new Map<number, EvidenceLink[]>();
  if (big.size > 0) {
    const L = st.links;
    for (let l = 0; l < L.length; l++) {
      const r = st.uf.find(L.a[l]!);
      if (!big.has(r) || st.uf.find(L.b[l]!) !== r) continue;
      const list = linksOf.get(r) ?? [];
      list.push({
        a: L.a[l]!,
        b: L.b[l]!,
        kind: L.kind(l),
        weight: L.weight[l]!,
        strong: L.strong[l] === 1,
        reason: '',
        via: L.via[l]! >= 0 ? String(L.via[l]) : undefined,
      });
      linksOf.set(r, list);
    }
  }
  const out: number[][] = [];
  for (const [r, g] of byRoot) {
    if (g.length < 2) continue;
    const parts = big.has(r) ? splitComponent(g, linksOf.get(r) ?? [], split ?? {}) : [g];
    for (const p of parts) if (p.length >= 2) out.push(p.sort((x, y) => x - y));
  }
  return out;
}
