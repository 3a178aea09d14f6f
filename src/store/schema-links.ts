/**
 * Tables owned by the links stage (created by migrations/0003_links.ts): text signatures and LSH band
 * keys, image band keys, evidence links with their reasons, clusters (networks) with their derived
 * summaries, membership history, merge/split events, suppressed identifiers and the stop-list.
 */
import type { Generated } from 'kysely';

/** MinHash signature of each ad's text (latest version). */
export interface LinkTextTable {
  ad_id: number;
  /** Signature as little-endian uint32 values. */
  sig: Uint8Array;
  shingles: number;
  content_sha256: string;
}

/** LSH band keys of ad texts: candidate lookup is `WHERE band_key IN (…)`. */
export interface LinkTextBandsTable {
  band_key: number;
  ad_id: number;
}

/** pHash band keys (band << 16 | 16-bit value) of ad images. */
export interface LinkImageBandsTable {
  band_key: number;
  ad_id: number;
  phash: string;
}

/** One piece of evidence between two ads, with its human-readable reason. */
export interface LinksTable {
  ad_a: number;
  ad_b: number;
  kind: string;
  weight: number;
  /** 1 when the link merges on its own, 0 for weak evidence used only to split communities. */
  strong: number;
  reason: string;
  /** The shared identifier (`kind:value`) for identifier links. */
  via: string | null;
  created_at: string;
}

/** A network. Summaries are JSON text, recomputed when `dirty` is 1. */
export interface ClustersTable {
  id: string;
  created_at: string;
  updated_at: string;
  size: number;
  /** 'active', or 'retired' once its ads went elsewhere (merge/split). */
  status: string;
  dirty: number;
  template: string | null;
  movement: string | null;
  scores: string | null;
  summary: string | null;
}

/** Membership history: when each ad joined and left each cluster. */
export interface ClusterMembershipTable {
  ad_id: number;
  cluster_id: string;
  joined_at: string;
  left_at: string | null;
}

/** Merges, splits and new clusters, in order. */
export interface ClusterEventsTable {
  seq: Generated<number>;
  at: string;
  kind: string;
  cluster_id: string;
  data: string;
}

/** Identifiers not used for merging, with why (hub pattern or stop-list). */
export interface LinkSuppressedTable {
  kind: string;
  value: string;
  reason: string;
  ads: number;
  updated_at: string;
}

/** Configured shared identifiers never used for merging (helplines, agencies, platform numbers). */
export interface LinkStoplistTable {
  kind: string;
  value: string;
  note: string | null;
}

/** Scratch table of the rebuild: the new cluster of each ad whose cluster changed. */
export interface LinkAssignTable {
  ad_id: number;
  cluster_id: string | null;
}

export interface LinksTables {
  link_assign: LinkAssignTable;
  link_text: LinkTextTable;
  link_text_bands: LinkTextBandsTable;
  link_image_bands: LinkImageBandsTable;
  links: LinksTable;
  clusters: ClustersTable;
  cluster_membership: ClusterMembershipTable;
  cluster_events: ClusterEventsTable;
  link_suppressed: LinkSuppressedTable;
  link_stoplist: LinkStoplistTable;
}
