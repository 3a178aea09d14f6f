/**
 * A readable view of a network's evidence graph. Analysts ignored big hairball graphs, so the default view
 * shows only identifiers (phones, e-mails, handles, images), grouped by type in sectors, joined when ads
 * share them; ads appear only around the node the analyst expands. Pure and deterministic (no physics).
 */

export type IdKind = 'phone' | 'email' | 'handle' | 'image' | 'persona' | string;

/** Bipartite input: which identifiers each ad uses. */
export interface AdIdentifiers {
  adId: number;
  label: string;
  identifiers: { kind: IdKind; value: string }[];
}

export interface ViewNode {
  key: string;
  kind: IdKind | 'ad';
  label: string;
  x: number;
  y: number;
  size: number;
  /** Number of ads using this identifier (for ad nodes: 1). */
  ads: number;
  adId?: number;
}

export interface ViewEdge {
  key: string;
  source: string;
  target: string;
  /** Ads shared by the two identifiers (ad–identifier edges: 1). */
  weight: number;
}

export interface GraphView {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Identifier kinds present, in sector order, with counts (legend). */
  legend: { kind: string; count: number }[];
}

export const KIND_ORDER: readonly string[] = ['phone', 'email', 'handle', 'image', 'persona'];

const idKey = (kind: string, value: string) => `${kind}:${value}`;

/** Builds the view; `expanded` identifier keys show their ads around them (at most `maxAdsPerNode`). */
export function buildGraphView(
  ads: readonly AdIdentifiers[],
  expanded: ReadonlySet<string> = new Set(),
  maxAdsPerNode = 40,
): GraphView {
  const usage = new Map<string, { kind: string; value: string; ads: AdIdentifiers[] }>();
  for (const ad of ads)
    for (const id of ad.identifiers) {
      const k = idKey(id.kind, id.value);
      const u = usage.get(k) ?? { kind: id.kind, value: id.value, ads: [] };
      usage.set(k, u);
      if (!u.ads.includes(ad)) u.ads.push(ad);
    }
  const kinds = [...new Set([...usage.values()].map((u) => u.kind))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const nodes: ViewNode[] = [];
  const maxAds = Math.max(1, ...[...usage.values()].map((u) => u.ads.length));
  kinds.forEach((kind, ki) => {
    const members = [...usage.entries()]
      .filter(([, u]) => u.kind === kind)
      .sort((a, b) => b[1].ads.length - a[1].ads.length || a[0].localeCompare(b[0]));
    // Each kind gets a sector of the circle; nodes spread along it, most used nearest the centre line.
    const sector = (2 * Math.PI) / kinds.length;
    members.forEach(([key, u], i) => {
      const angle = ki * sector + ((i + 0.5) / members.length) * sector * 0.8 + sector * 0.1;
      const radius = 10 + (i % 3) * 2.5;
      nodes.push({
        key,
        kind,
        label: u.value,
        x: Math.cos(angle) * radius,
        y: Math.sin(angle) * radius,
        size: 6 + 12 * Math.sqrt(u.ads.length / maxAds),
        ads: u.ads.length,
      });
    });
  });
  const edges: ViewEdge[] = [];
  const shared = new Map<string, number>();
  for (const ad of ads) {
    const keys = [...new Set(ad.identifiers.map((i) => idKey(i.kind, i.value)))].sort();
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        const k = `${keys[i]}|${keys[j]}`;
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
  }
  for (const [k, w] of shared) {
    const [source, target] = k.split('|') as [string, string];
    edges.push({ key: k, source, target, weight: w });
  }
  const placedAds = new Set<string>();
  for (const key of expanded) {
    const centre = nodes.find((n) => n.key === key);
    const u = usage.get(key);
    if (!centre || !u) continue;
    const shown = u.ads.slice(0, maxAdsPerNode);
    shown.forEach((ad, i) => {
      const ak = `ad:${ad.adId}`;
      if (!placedAds.has(ak)) {
        placedAds.add(ak);
        const a = (i / shown.length) * 2 * Math.PI;
        const r = 2.5 + (shown.length > 12 ? (i % 2) * 1.2 : 0);
        nodes.push({
          key: ak,
          kind: 'ad',
          label: ad.label,
          x: centre.x + Math.cos(a) * r,
          y: centre.y + Math.sin(a) * r,
          size: 4,
          ads: 1,
          adId: ad.adId,
        });
      }
      edges.push({ key: `${ak}|${key}`, source: ak, target: key, weight: 1 });
    });
  }
  return {
    nodes,
    edges,
    legend: kinds.map((kind) => ({ kind, count: nodes.filter((n) => n.kind === kind).length })),
  };
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** Keys of a node and its direct neighbours (for focus: everything else is dimmed). */
export function neighbourhood(view: GraphView, key: string): Set<string> {
  const out = new Set([key]);
  for (const e of view.edges) {
    if (e.source === key) out.add(e.target);
    if (e.target === key) out.add(e.source);
  }
  return out;
}

/**
 * Converts the server's graph (ads and identifiers as nodes, ad–identifier edges) to the bipartite input.
 * Edges between two ads (text similarity) are not identifiers and are left to the "why linked" list.
 */
export function fromServerGraph(graph: {
  nodes: { id: string; kind: string; label: string; adId?: number }[];
  edges: { source: string; target: string }[];
}): AdIdentifiers[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const ads = new Map<string, AdIdentifiers>();
  for (const n of graph.nodes)
    if (n.kind === 'ad')
      ads.set(n.id, { adId: n.adId ?? Number(n.id.replace(/\D/g, '')), label: n.label, identifiers: [] });
  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const [ad, id] = s.kind === 'ad' ? [s, t] : [t, s];
    if (ad.kind !== 'ad' || id.kind === 'ad') continue;
    ads.get(ad.id)?.identifiers.push({ kind: id.kind, value: id.label });
  }
  return [...ads.values()];
}

/** Display label of an identifier: image hashes are shortened, handles keep their platform. */
export function shortLabel(kind: string, value: string): string {
  if (kind === 'image' && value.length > 14) return `${value.slice(0, 10)}…`;
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}
