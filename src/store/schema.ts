import type { Generated } from 'kysely';

/**
 * Table shapes shared by both backends. Conventions: ids are integers (autoincrement on SQLite,
 * bigserial on PostgreSQL), times are ISO-8601 UTC strings, JSON is stored as text, booleans as 0/1.
 */

/** Every received record or fetched page, verbatim and never modified: the evidence. */
export interface CapturesTable {
  id: Generated<number>;
  source: string;
  source_id: string;
  /** SHA-256 (hex) of `raw` as UTF-8 bytes. */
  sha256: string;
  raw: string;
  received_at: string;
  /** Where it came from: `file.jsonl:12`, a URL, `stdin:3`. */
  origin: string;
  kind: string;
}

/** One row per (source, source_id): the latest version, plus derived fields for search and triage. */
export interface AdsTable {
  id: Generated<number>;
  source: string;
  source_id: string;
  version: number;
  content_sha256: string;
  title: string | null;
  body: string;
  url: string | null;
  posted_at: string | null;
  captured_at: string | null;
  first_seen: string;
  last_seen: string;
  deleted_at: string | null;
  city_raw: string | null;
  phone_raw: string | null;
  age_raw: number | null;
  category: string | null;
  extra: string | null;
  images: string | null;
  analysis: string | null;
  model_version: string | null;
  score_minor: number;
  score_control: number;
  score_recruitment: number;
  city_name: string | null;
  city_insee: string | null;
  departement: string | null;
  lang: string | null;
  cluster_id: string | null;
  reviewed: Generated<number>;
  /** Folded (lower-case, no accents) title + body, indexed for full-text search. */
  search_text: string;
}

/** Each distinct content of an ad, in order; version 1 is the first seen. */
export interface AdVersionsTable {
  id: Generated<number>;
  ad_id: number;
  version: number;
  capture_id: number;
  content_sha256: string;
  record: string;
  created_at: string;
}

/** Identifiers extracted from the latest version of each ad, for lookups and linking. */
export interface AdIdentifiersTable {
  ad_id: number;
  kind: string;
  value: string;
}

/** Images referenced by an ad: hashes and a blurred thumbnail, never the original unless configured. */
export interface AdImagesTable {
  ad_id: number;
  ord: number;
  ref: string;
  sha256: string | null;
  phash: string | null;
  thumb: Uint8Array | null;
  status: string;
}

export interface FoundationTables {
  captures: CapturesTable;
  ads: AdsTable;
  ad_versions: AdVersionsTable;
  ad_identifiers: AdIdentifiersTable;
  ad_images: AdImagesTable;
}
