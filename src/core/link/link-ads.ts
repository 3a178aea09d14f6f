/**
 * In-memory linking of a set of ads: identifiers (with hub suppression), images (exact and near pHash),
 * near-duplicate text (LSH buckets verified by MinHash similarity), persona continuity, then clustering.
 * The store runner uses the same pieces with SQL candidate lookups; tests and evaluation use this directly.
 */
import { type SplitOptions, clusterLinks } from './cluster.ts';
import {
  type HubOptions,
  type HubVerdict,
  type IdentifierLinkKind,
  type Link,
  type Occurrence,
  assessHub,
  identifierLinks,
} from './graph.ts';
import { DEFAULT_IMAGE_MAX_DISTANCE, hamming, phashBandKeys } from './image-match.ts';
import { estimateJaccard } from './minhash.ts';

/** What linking needs to know about one ad. */
export interface LinkAdInput {
  id: number;
  /** When the ad was seen (epoch ms). */
  at?: number | null;
  city?: string | null;
  phones?: string[];
  emails?: string[];
  /** `platform:handle`. */
  handles?: string[];
  names?: string[];
  /** pHashes (16 hex digits). */
  images?: string[];
  /** MinHash signature and LSH band keys of the ad text. */
  text?: { sig: Uint32Array; bands: number[] };
}

/** Which evidence to use (all on by default; switched off one by one for the quality table). */
export interface LinkSignals {
  phone: boolean;
  email: boolean;
  handle: boolean;
  image: boolean;
  text: boolean;
  persona: boolean;
  /** Co-travel between groups (same cities on the same days); used by the store runner. */
  travel: boolean;
  split: boolean;
  hubs: boolean;
}

export interface LinkOptions {
  signals: Partial<LinkSignals>;
  hub: Partial<HubOptions>;
  split: Partial<SplitOptions>;
  /** Text similarity (estimated Jaccard of masked word 3-grams) that links on its own. Default 0.6. */
  textStrong: number;
  /** Text similarity kept as weak evidence (and as persona evidence with a shared name). Default 0.4. */
  textWeak: number;
  /**
   * An LSH bucket whose ads carry more distinct contacts than this is boilerplate (a site's format for car
   * or flat ads, a common phrase), not a network's template: it links nothing. Default 12.
   */
  textMaxContacts: number;
  /** Minimum text similarity for persona evidence (same name). Default 0.55. */
  personaMin: number;
  imageMaxDistance: number;
  /** In a crowded LSH/image bucket, compare each ad with at most this many earlier ones. Default 25. */
  bucketCompare: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  signals: {},
  hub: {},
  split: {},
  textStrong: 0.6,
  textWeak: 0.4,
  textMaxContacts: 12,
  personaMin: 0.55,
  imageMaxDistance: DEFAULT_IMAGE_MAX_DISTANCE,
  bucketCompare: 25,
};

export type EvidenceLink = Link & { via?: string };

export interface SuppressedIdentifier {
  kind: IdentifierLinkKind;
  value: string;
  reason: string;
  ads: number;
}

export interface LinkResult {
  /** Groups of ad ids (singletons included). */
  clusters: number[][];
  links: EvidenceLink[];
  suppressed: SuppressedIdentifier[];
}

/** Every linking signal switched on: the default, which `--without` switches off one by one. */
export const ALL_ON: LinkSignals = {
  phone: true,
  email: true,
  handle: true,
  image: true,
  text: true,
  persona: true,
  travel: true,
  split: true,
  hubs: true,
};

function phoneChange(a: LinkAdInput | undefined, b: LinkAdInput | undefined): string {
  const pa = a?.phones ?? [];
  const pb = b?.phones ?? [];
  if (pa.length === 0 || pb.length === 0 || pa.some((p) => pb.includes(p))) return '';
  return ` — persona continuity: phone changed ${pa[0]} → ${pb[0]}`;
}

function contactsOf(a: LinkAdInput): string[] {
  if (a.phones?.length) return a.phones;
  return [...(a.emails ?? []), ...(a.handles ?? [])];
}

/** Pairs (i < j positions) to compare inside one bucket: each member against up to `k` earlier ones. */
function bucketPairs(members: number[], k: number, visit: (a: number, b: number) => void): void {
  for (let j = 1; j < members.length; j++) {
    for (let i = Math.max(0, j - k); i < j; i++) visit(members[i]!, members[j]!);
  }
}

/** Link ads and cluster them. Deterministic for a given input order. */
export function linkAds(ads: readonly LinkAdInput[], options: Partial<LinkOptions> = {}): LinkResult {
  const o = { ...DEFAULT_LINK_OPTIONS, ...options };
  const sig: LinkSignals = { ...ALL_ON, ...o.signals };
  const byId = new Map(ads.map((a) => [a.id, a]));
  const links: EvidenceLink[] = [];
  const suppressed: SuppressedIdentifier[] = [];

  // 1. Shared identifiers.
  const occ = new Map<string, Occurrence[]>();
  const add = (kind: IdentifierLinkKind, value: string, a: LinkAdInput) => {
    const key = `${kind}:${value}`;
    if (!occ.has(key)) occ.set(key, []);
    occ.get(key)!.push({ adId: a.id, city: a.city, at: a.at, contacts: contactsOf(a) });
  };
  for (const a of ads) {
    if (sig.phone) for (const v of new Set(a.phones)) add('phone', v, a);
    if (sig.email) for (const v of new Set(a.emails)) add('email', v, a);
    if (sig.handle) for (const v of new Set(a.handles)) add('handle', v, a);
    if (sig.image) for (const v of new Set(a.images)) add('image', v, a);
  }
  const hubImages = new Set<string>();
  for (const [key, list] of occ) {
    if (list.length < 2) continue;
    const cut = key.indexOf(':');
    const kind = key.slice(0, cut) as IdentifierLinkKind;
    const value = key.slice(cut + 1);
    const verdict: HubVerdict = sig.hubs
      ? assessHub(kind, value, list, o.hub)
      : { suppressed: false, ads: list.length, cities: 0 };
    if (verdict.suppressed) {
      suppressed.push({ kind, value, reason: verdict.reason!, ads: verdict.ads });
      if (kind === 'image') hubImages.add(value);
      continue;
    }
    for (const l of identifierLinks(kind, value, list)) {
      if (kind === 'image') l.reason += phoneChange(byId.get(l.a), byId.get(l.b));
      links.push({ ...l, via: key });
    }
  }

  // 2. Near-identical images (different pHash within the threshold).
  if (sig.image) {
    const buckets = new Map<number, { ad: number; h: string }[]>();
    for (const a of ads)
      for (const h of new Set(a.images)) {
        if (hubImages.has(h)) continue;
        for (const k of phashBandKeys(h)) {
          if (!buckets.has(k)) buckets.set(k, []);
          buckets.get(k)!.push({ ad: a.id, h });
        }
      }
    const seen = new Set<string>();
    for (const list of buckets.values()) {
      for (let j = 1; j < list.length; j++)
        for (let i = Math.max(0, j - o.bucketCompare); i < j; i++) {
          const x = list[i]!;
          const y = list[j]!;
          if (x.ad === y.ad || x.h === y.h) continue;
          const pk = x.h < y.h ? `${x.h}|${y.h}|${x.ad}|${y.ad}` : `${y.h}|${x.h}|${y.ad}|${x.ad}`;
          if (seen.has(pk)) continue;
          seen.add(pk);
          const d = hamming(x.h, y.h);
          if (d > o.imageMaxDistance) continue;
          const reason = `similar image (pHash distance ${d})${phoneChange(byId.get(x.ad), byId.get(y.ad))}`;
          links.push({ a: x.ad, b: y.ad, kind: 'image', weight: 0.8, strong: true, reason });
        }
    }
  }

  // 3. Near-duplicate text, and persona continuity (similar text + same name).
  if (sig.text || sig.persona) {
    const buckets = new Map<number, number[]>();
    for (const a of ads)
      for (const k of a.text?.bands ?? []) {
        if (!buckets.has(k)) buckets.set(k, []);
        buckets.get(k)!.push(a.id);
      }
    const done = new Set<string>();
    for (const members of buckets.values()) {
      if (members.length < 2) continue;
      // An ad without any contact counts as a persona of its own.
      const contacts = new Set(
        members.flatMap((m) => (contactsOf(byId.get(m)!).length ? contactsOf(byId.get(m)!) : [`ad:${m}`])),
      );
      if (contacts.size > o.textMaxContacts) continue;
      bucketPairs(members, o.bucketCompare, (x, y) => {
        if (x === y) return;
        const pk = x < y ? `${x}|${y}` : `${y}|${x}`;
        if (done.has(pk)) return;
        done.add(pk);
        const ax = byId.get(x)!;
        const ay = byId.get(y)!;
        const s = estimateJaccard(ax.text!.sig, ay.text!.sig);
        if (s < o.textWeak) return;
        const sim = s.toFixed(2);
        const name = (ax.names ?? []).find((n) => (ay.names ?? []).includes(n));
        if (sig.text && s >= o.textStrong) {
          const reason = `text ${sim} similar to ad ${x}${phoneChange(ax, ay)}`;
          links.push({ a: x, b: y, kind: 'text', weight: s, strong: true, reason });
        } else if (sig.persona && name && s >= o.personaMin) {
          const reason = `persona continuity: same name "${name}" and text ${sim} similar${phoneChange(ax, ay)}`;
          links.push({ a: x, b: y, kind: 'persona', weight: s, strong: true, reason });
        } else if (sig.text) {
          links.push({
            a: x,
            b: y,
            kind: 'text',
            weight: s * 0.5,
            strong: false,
            reason: `text ${sim} similar`,
          });
        }
      });
    }
  }

  const clusters = clusterLinks(
    ads.map((a) => a.id),
    links,
    sig.split ? o.split : { ...o.split, minSplitSize: Number.POSITIVE_INFINITY },
  );
  return { clusters, links, suppressed };
}
