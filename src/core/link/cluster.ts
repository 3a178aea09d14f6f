/**
 * Clustering ads into networks: union-find over strong links, then community detection (Louvain) on
 * large components to split groups glued together by a few links, then stable ids across re-clustering.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { ClusterId } from '../types.ts';
import type { Link } from './graph.ts';
import { mulberry32 } from '../prng.ts';

// The package is CommonJS with an ESM-style `export default` in its typings: normalise both shapes.
type Louvain = typeof louvainModule.default;
const louvain = ((louvainModule as unknown as { default?: Louvain }).default ?? louvainModule) as Louvain;

/** Union-find over arbitrary integer ids (path halving + union by size). */
export class UnionFind {
  private parent = new Map<number, number>();
  private size = new Map<number, number>();

  find(x: number): number {
    if (!this.parent.has(x)) {
      this.parent.set(x, x);
      this.size.set(x, 1);
      return x;
    }
    let p = this.parent.get(x)!;
    while (p !== x) {
      const gp = this.parent.get(p)!;
      this.parent.set(x, gp);
      x = p;
      p = gp;
    }
    return x;
  }

  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size.get(ra)! < this.size.get(rb)!) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, this.size.get(ra)! + this.size.get(rb)!);
    return true;
  }

  /** Groups of the given ids (every id appears once; unseen ids are singletons). */
  groups(ids: Iterable<number>): number[][] {
    const by = new Map<number, number[]>();
    for (const id of ids) {
      const r = this.find(id);
      if (!by.has(r)) by.set(r, []);
      by.get(r)!.push(id);
    }
    return [...by.values()];
  }
}

export interface SplitOptions {
  /** Components smaller than this are never split. Default 12. */
  minSplitSize: number;
  /** Two communities are merged back when at least this many ads on each side have strong evidence into the other. */
  minBridgeAds: number;
  /** Louvain resolution. Default 1. */
  resolution: number;
  /** Communities with fewer ads are absorbed by their most-tied neighbour. Default 3. */
  minPart: number;
}

export const DEFAULT_SPLIT_OPTIONS: SplitOptions = {
  minSplitSize: 12,
  minBridgeAds: 2,
  resolution: 1,
  minPart: 3,
};

type WGraph = UndirectedGraph<Record<string, never>, { weight: number }>;

/**
 * Louvain output made usable for ads: ads of communities with fewer than `minPart` ads join the
 * neighbouring community they are most tied to (through direct links or shared identifiers), then each
 * identifier node takes the weighted-majority community of its ads.
 */
function settleCommunities(
  g: WGraph,
  members: readonly number[],
  raw: Record<string, number>,
  minPart: number,
): Map<string, number> {
  const comm = new Map<string, number>();
  const sizes = new Map<number, number>();
  for (const m of members) {
    const c = raw[`a${m}`]!;
    comm.set(`a${m}`, c);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  const big = (c: number) => (sizes.get(c) ?? 0) >= minPart;
  const adNeighbours = (node: string, visit: (ad: string, w: number) => void) => {
    g.forEachNeighbor(node, (nb) => {
      const w = g.getEdgeAttribute(node, nb, 'weight');
      if (nb.startsWith('a')) visit(nb, w);
      else g.forEachNeighbor(nb, (ad) => ad !== node && visit(ad, w * g.getEdgeAttribute(nb, ad, 'weight')));
    });
  };
  if ([...sizes.keys()].some(big)) {
    for (const m of members) {
      const node = `a${m}`;
      if (big(comm.get(node)!)) continue;
      const score = new Map<number, number>();
      adNeighbours(node, (ad, w) => {
        const c = raw[ad]!;
        if (big(c)) score.set(c, (score.get(c) ?? 0) + w);
      });
      let best = -1;
      let bw = 0;
      for (const [c, w] of score) if (w > bw || (w === bw && c < best)) [best, bw] = [c, w];
      if (best >= 0) comm.set(node, best);
    }
  }
  g.forEachNode((node) => {
    if (node.startsWith('a')) return;
    const score = new Map<number, number>();
    g.forEachNeighbor(node, (ad) => {
      const c = comm.get(ad)!;
      score.set(c, (score.get(c) ?? 0) + g.getEdgeAttribute(node, ad, 'weight'));
    });
    let best = -1;
    let bw = -1;
    for (const [c, w] of score) if (w > bw || (w === bw && c < best)) [best, bw] = [c, w];
    comm.set(node, best);
  });
  return comm;
}

/**
 * Split one connected component with Louvain. Links with a `via` key (a shared identifier) attach both
 * ads to an identifier node, so a phone shared by k ads weighs like a star, not a fragile chain.
 * Returns the component's ads grouped by community (one group when it should not be split).
 */
export function splitComponent(
  members: readonly number[],
  links: readonly (Link & { via?: string })[],
  options: Partial<SplitOptions> = {},
): number[][] {
  const o = { ...DEFAULT_SPLIT_OPTIONS, ...options };
  if (members.length < o.minSplitSize) return [members.slice()];
  const g: WGraph = new UndirectedGraph();
  const inComp = new Set(members);
  for (const m of members) g.addNode(`a${m}`);
  const addW = (x: string, y: string, w: number) => {
    if (x === y) return;
    if (!g.hasNode(x)) g.addNode(x);
    if (!g.hasNode(y)) g.addNode(y);
    if (g.hasEdge(x, y)) g.updateEdgeAttribute(x, y, 'weight', (v) => (v ?? 0) + w);
    else g.addEdge(x, y, { weight: w });
  };
  for (const l of links) {
    if (!inComp.has(l.a) || !inComp.has(l.b)) continue;
    if (l.via) {
      addW(`a${l.a}`, `i${l.via}`, l.weight);
      addW(`a${l.b}`, `i${l.via}`, l.weight);
    } else addW(`a${l.a}`, `a${l.b}`, l.weight);
  }
  if (g.size === 0) return [members.slice()];
  const raw = louvain(g, { getEdgeWeight: 'weight', resolution: o.resolution, rng: mulberry32(42) });
  const comm = settleCommunities(g, members, raw, o.minPart);
  // Merge back communities tied by strong evidence from several ads on both sides: one ad bridging two
  // groups (a shared helpline, a mistaken extraction) is glue; a phone used across both groups is not.
  const commOf = (ad: number) => comm.get(`a${ad}`)!;
  const bridging = new Map<string, Set<number>>();
  const mark = (ad: number, towards: number) => {
    const k = `${commOf(ad)}>${towards}`;
    if (!bridging.has(k)) bridging.set(k, new Set());
    bridging.get(k)!.add(ad);
  };
  const viaAds = new Map<string, number[]>();
  for (const l of links) {
    if (!l.strong || !inComp.has(l.a) || !inComp.has(l.b)) continue;
    if (l.via) {
      if (!viaAds.has(l.via)) viaAds.set(l.via, []);
      viaAds.get(l.via)!.push(l.a, l.b);
    } else if (commOf(l.a) !== commOf(l.b)) {
      mark(l.a, commOf(l.b));
      mark(l.b, commOf(l.a));
    }
  }
  for (const ads of viaAds.values()) {
    const comms = new Set(ads.map(commOf));
    if (comms.size < 2) continue;
    for (const ad of ads) for (const c of comms) if (c !== commOf(ad)) mark(ad, c);
  }
  const uf = new UnionFind();
  for (const [k, set] of bridging) {
    const [x, y] = k.split('>').map(Number) as [number, number];
    if (x < y && set.size >= o.minBridgeAds && (bridging.get(`${y}>${x}`)?.size ?? 0) >= o.minBridgeAds)
      uf.union(x, y);
  }
  const by = new Map<number, number[]>();
  for (const m of members) {
    const c = uf.find(comm.get(`a${m}`)!);
    if (!by.has(c)) by.set(c, []);
    by.get(c)!.push(m);
  }
  return [...by.values()];
}

/**
 * Cluster ads: components of strong links, each large one split by community detection over all its
 * links (strong and weak). Returns groups of ad ids, singletons included, members sorted.
 */
export function clusterLinks(
  adIds: Iterable<number>,
  links: readonly (Link & { via?: string })[],
  options: Partial<SplitOptions> = {},
): number[][] {
  const uf = new UnionFind();
  for (const l of links) if (l.strong) uf.union(l.a, l.b);
  const comps = uf.groups(adIds);
  const byRoot = new Map<number, (Link & { via?: string })[]>();
  for (const l of links) {
    const r = uf.find(l.a);
    if (r !== uf.find(l.b)) continue;
    if (!byRoot.has(r)) byRoot.set(r, []);
    byRoot.get(r)!.push(l);
  }
  const out: number[][] = [];
  for (const c of comps) {
    const parts =
      c.length >= (options.minSplitSize ?? DEFAULT_SPLIT_OPTIONS.minSplitSize)
        ? splitComponent(c, byRoot.get(uf.find(c[0]!)) ?? [], options)
        : [c];
    for (const p of parts) out.push(p.sort((x, y) => x - y));
  }
  return out;
}

/** What happened to cluster identities when re-clustering. */
export type ClusterEvent =
  | { kind: 'new'; clusterId: ClusterId }
  | { kind: 'merge'; clusterId: ClusterId; from: ClusterId[] }
  | { kind: 'split'; from: ClusterId; into: ClusterId[] }
  /** A previous cluster none of whose ads are in a network any more (recorded by the runners). */
  | { kind: 'retired'; clusterId: ClusterId };

/**
 * Give each new cluster the id of the previous cluster it overlaps most (each previous id used once,
 * largest overlaps first); others get a fresh id from `mint`. Records merges and splits.
 */
export function assignStableIds(
  clusters: readonly (readonly number[])[],
  previousOf: (adId: number) => ClusterId | null | undefined,
  mint: () => ClusterId,
): { ids: ClusterId[]; events: ClusterEvent[] } {
  const overlaps: { i: number; prev: ClusterId; n: number }[] = [];
  const prevSets: ClusterId[][] = [];
  clusters.forEach((members, i) => {
    const counts = new Map<ClusterId, number>();
    for (const m of members) {
      const p = previousOf(m);
      if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    prevSets.push([...counts.keys()].sort());
    for (const [prev, n] of counts) overlaps.push({ i, prev, n });
  });
  overlaps.sort((x, y) => y.n - x.n || (x.prev < y.prev ? -1 : x.prev > y.prev ? 1 : 0) || x.i - y.i);
  const ids: (ClusterId | undefined)[] = Array.from({ length: clusters.length }, () => undefined);
  const used = new Set<ClusterId>();
  for (const { i, prev } of overlaps) {
    if (ids[i] || used.has(prev)) continue;
    ids[i] = prev;
    used.add(prev);
  }
  const events: ClusterEvent[] = [];
  const final = ids.map((id) => {
    if (id) return id;
    const fresh = mint();
    return fresh;
  });
  final.forEach((id, i) => {
    const from = prevSets[i]!;
    if (from.length >= 2) events.push({ kind: 'merge', clusterId: id, from });
    else if (from.length === 0) events.push({ kind: 'new', clusterId: id });
  });
  const into = new Map<ClusterId, ClusterId[]>();
  prevSets.forEach((from, i) => {
    for (const p of from) {
      if (!into.has(p)) into.set(p, []);
      into.get(p)!.push(final[i]!);
    }
  });
  for (const [p, list] of into)
    if (list.length >= 2) events.push({ kind: 'split', from: p, into: list.sort() });
  return { ids: final, events };
}

/** Both directions of every strong link: [this end, other end, link]. */
export function* strongEnds<L extends Link>(links: readonly L[]): Generator<[number, number, L]> {
  for (const l of links) {
    if (!l.strong) continue;
    yield [l.a, l.b, l];
    yield [l.b, l.a, l];
  }
}

/**
 * The common incremental case, decided without re-clustering. New ads are grouped by the strong links
 * among them; a group whose strong links reach exactly one existing cluster, and no ad outside any
 * cluster, joins that cluster. A group with no strong link at all stays out of networks. Every other
 * group (reaching several clusters, or unclustered ads, or holding an ad that was already in a cluster)
 * is returned in `rest`, to be re-clustered with its neighbourhood.
 */
export function planJoins(
  newAds: readonly number[],
  links: readonly Link[],
  clusterOf: (adId: number) => string | null | undefined,
): { joins: { adId: number; clusterId: string }[]; rest: number[] } {
  const fresh = new Set(newAds);
  const uf = new UnionFind();
  for (const l of links) if (l.strong && fresh.has(l.a) && fresh.has(l.b)) uf.union(l.a, l.b);
  const reach = new Map<number, { clusters: Set<string>; complex: boolean; linked: boolean }>();
  const stateOf = (ad: number) => {
    const r = uf.find(ad);
    let s = reach.get(r);
    if (!s) {
      s = { clusters: new Set(), complex: false, linked: false };
      reach.set(r, s);
    }
    return s;
  };
  for (const ad of fresh) if (clusterOf(ad)) stateOf(ad).complex = true;
  for (const [x, y] of strongEnds(links)) {
    if (!fresh.has(x)) continue;
    const s = stateOf(x);
    s.linked = true;
    if (fresh.has(y)) continue;
    const c = clusterOf(y);
    if (c) s.clusters.add(c);
    else s.complex = true;
  }
  const joins: { adId: number; clusterId: string }[] = [];
  const rest: number[] = [];
  for (const ad of fresh) {
    const s = stateOf(ad);
    if (s.complex || s.clusters.size > 1) rest.push(ad);
    else if (s.clusters.size === 1) joins.push({ adId: ad, clusterId: [...s.clusters][0]! });
    else if (s.linked) rest.push(ad);
  }
  return { joins, rest };
}
