/**
 * The evidence graph: every reason two ads may belong to one network is a `Link` with a kind, a weight,
 * whether it is strong enough to merge on its own, and a sentence an analyst can read.
 * Identifiers shared by implausibly many cities at once, or listed as known shared numbers (helplines,
 * agencies, platforms), are "hubs": they are reported, never used to merge.
 */

export type LinkKind = 'phone' | 'email' | 'handle' | 'image' | 'text' | 'persona' | 'travel';
export type IdentifierLinkKind = 'phone' | 'email' | 'handle' | 'image';

/** One piece of evidence between two ads. `a < b` is not required. */
export interface Link {
  a: number;
  b: number;
  kind: LinkKind;
  /** 0..1, how much this evidence alone says the ads belong together. */
  weight: number;
  /** Strong links merge clusters on their own (union-find); weak ones only inform community detection. */
  strong: boolean;
  /** Human-readable reason, e.g. "same phone +33639980012", "text 0.82 similar". */
  reason: string;
}

/** One use of an identifier by an ad. */
export interface Occurrence {
  adId: number;
  /** Canonical city, if known. */
  city?: string | null;
  /** Time seen (epoch ms), if known. */
  at?: number | null;
  /**
   * Contacts of the ad (phones, else e-mails/handles): a persona proxy. An identifier used next to many
   * different contacts is shared (stock photo, helpline); a network's phone or a persona's photos are not.
   */
  contacts?: readonly string[];
}

export interface HubOptions {
  /** Sliding window used to count distinct cities "at once". Default 7 days. */
  windowDays: number;
  /** More distinct cities than this within one window makes the identifier a hub. Default 6. */
  maxCitiesInWindow: number;
  /** More distinct ads than this makes the identifier a hub whatever the cities. Default 400. */
  maxAds: number;
  /**
   * More distinct contacts than this among the ads using the identifier (the identifier itself excluded)
   * makes it a hub: a stock photo or a helpline appears next to many personas' contacts, a network's
   * phone or a persona's photos next to a few.
   */
  maxContacts: Record<IdentifierLinkKind, number>;
  /** Known shared identifiers (`kind:value` or bare value): helplines, agencies, platform numbers. */
  stopList: ReadonlySet<string>;
}

export const DEFAULT_HUB_OPTIONS: HubOptions = {
  windowDays: 7,
  maxCitiesInWindow: 6,
  maxAds: 400,
  maxContacts: { phone: 8, email: 6, handle: 6, image: 4 },
  stopList: new Set(),
};

export interface HubVerdict {
  suppressed: boolean;
  /** Why it was suppressed, e.g. "suppressed: shared by 57 ads in 12 cities within 7 days". */
  reason?: string;
  ads: number;
  cities: number;
}

const DAY = 86_400_000;

/** Max number of distinct cities seen within any window of `windowMs` (undated uses count as one window). */
export function maxCitiesInWindow(occ: readonly Occurrence[], windowMs: number): number {
  const dated = occ.filter((o) => o.city && o.at != null).sort((x, y) => x.at! - y.at!);
  const undated = new Set(occ.filter((o) => o.city && o.at == null).map((o) => o.city!));
  const counts = new Map<string, number>();
  let best = undated.size;
  let lo = 0;
  for (let hi = 0; hi < dated.length; hi++) {
    const c = dated[hi]!.city!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    while (dated[hi]!.at! - dated[lo]!.at! > windowMs) {
      const old = dated[lo]!.city!;
      const n = counts.get(old)! - 1;
      if (n === 0) counts.delete(old);
      else counts.set(old, n);
      lo++;
    }
    let extra = 0;
    for (const u of undated) if (!counts.has(u)) extra++;
    best = Math.max(best, counts.size + extra);
  }
  return best;
}

/** Decide whether an identifier is a hub that must not merge ads. */
export function assessHub(
  kind: IdentifierLinkKind,
  value: string,
  occ: readonly Occurrence[],
  options: Partial<HubOptions> = {},
): HubVerdict {
  const o = { ...DEFAULT_HUB_OPTIONS, ...options };
  const ads = new Set(occ.map((x) => x.adId)).size;
  const cities = new Set(occ.filter((x) => x.city).map((x) => x.city)).size;
  if (o.stopList.has(`${kind}:${value}`) || o.stopList.has(value)) {
    return {
      suppressed: true,
      reason: `suppressed: ${kind} on the stop-list (shared by ${ads} ads)`,
      ads,
      cities,
    };
  }
  if (ads > o.maxAds) {
    return { suppressed: true, reason: `suppressed: shared by ${ads} ads in ${cities} cities`, ads, cities };
  }
  const contacts = new Set<string>();
  for (const x of occ) for (const p of x.contacts ?? []) if (p !== value) contacts.add(p);
  const maxContacts = { ...DEFAULT_HUB_OPTIONS.maxContacts, ...o.maxContacts }[kind];
  if (contacts.size > maxContacts) {
    return {
      suppressed: true,
      reason: `suppressed: shared by ${ads} ads with ${contacts.size} different contacts`,
      ads,
      cities,
    };
  }
  const inWindow = maxCitiesInWindow(occ, o.windowDays * DAY);
  if (inWindow > o.maxCitiesInWindow) {
    return {
      suppressed: true,
      reason: `suppressed: shared by ${ads} ads in ${inWindow} cities within ${o.windowDays} days`,
      ads,
      cities,
    };
  }
  return { suppressed: false, ads, cities };
}

const KIND_WEIGHT: Record<IdentifierLinkKind, number> = { phone: 1, email: 1, handle: 0.9, image: 0.85 };

/** Human-readable reason for a shared identifier. */
export function identifierReason(kind: IdentifierLinkKind, value: string): string {
  if (kind === 'image') return `same image (SHA-256 ${value.slice(0, 12)}…)`;
  return `same ${kind} ${value}`;
}

/**
 * Links for one shared identifier: a chain through its ads in time order (k-1 links instead of k²,
 * enough for union-find and for explaining any pair by a path).
 */
export function identifierLinks(kind: IdentifierLinkKind, value: string, occ: readonly Occurrence[]): Link[] {
  const ads = [...new Map(occ.map((o) => [o.adId, o.at ?? Number.MAX_SAFE_INTEGER])).entries()].sort(
    (x, y) => x[1] - y[1] || x[0] - y[0],
  );
  const reason = identifierReason(kind, value);
  const links: Link[] = [];
  for (let i = 1; i < ads.length; i++) {
    links.push({ a: ads[i - 1]![0], b: ads[i]![0], kind, weight: KIND_WEIGHT[kind], strong: true, reason });
  }
  return links;
}

/** Shortest chain of links explaining why `from` and `to` are connected (empty when they are not). */
export function explainPath(links: readonly Link[], from: number, to: number): Link[] {
  if (from === to) return [];
  const adj = new Map<number, Link[]>();
  for (const l of links) {
    if (!adj.has(l.a)) adj.set(l.a, []);
    if (!adj.has(l.b)) adj.set(l.b, []);
    adj.get(l.a)!.push(l);
    adj.get(l.b)!.push(l);
  }
  const prev = new Map<number, Link>();
  const seen = new Set([from]);
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    const cur = queue[q]!;
    for (const l of adj.get(cur) ?? []) {
      const nxt = l.a === cur ? l.b : l.a;
      if (seen.has(nxt)) continue;
      seen.add(nxt);
      prev.set(nxt, l);
      if (nxt === to) {
        const path: Link[] = [];
        let at = to;
        while (at !== from) {
          const step = prev.get(at)!;
          path.unshift(step);
          at = step.a === at ? step.b : step.a;
        }
        return path;
      }
      queue.push(nxt);
    }
  }
  return [];
}
