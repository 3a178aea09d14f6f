import type { Generated } from 'kysely';

/** Every fetched page or image, as evidence: raw body gzip-compressed, SHA-256 of the raw (uncompressed) bytes. */
export interface PageCapturesTable {
  id: Generated<number>;
  url: string;
  /** The URL asked for, when redirects led elsewhere. */
  requested_url: string;
  fetched_at: string;
  status: number;
  /** Response headers as a JSON object. */
  headers: string;
  content_type: string | null;
  /** gzip of the raw body; null when the body was deliberately not kept (image originals by default). */
  body: Uint8Array | null;
  /** Size of the raw body received (before compression). */
  body_bytes: number;
  /** 1 when the body was cut at the size limit. */
  truncated: number;
  /** SHA-256 (hex) of the raw body bytes as received. */
  sha256: string;
  /** `list`, `detail`, `image`, `robots`, `capture`, `gate`. */
  kind: string;
  /** Site (adapter name) and ad id within it, once known. */
  source: string | null;
  source_id: string | null;
  run_id: number | null;
}

/** One crawl of one site. */
export interface CrawlRunsTable {
  id: Generated<number>;
  source: string;
  adapter: string;
  started_at: string;
  finished_at: string | null;
  /** `running`, `ok`, `partial` (finished with errors), `failed`, `stopped`. */
  status: string;
  pages: Generated<number>;
  errors: Generated<number>;
  refused: Generated<number>;
  ads_new: Generated<number>;
  ads_updated: Generated<number>;
  ads_unchanged: Generated<number>;
  ads_deleted: Generated<number>;
  reposts: Generated<number>;
  last_error: string | null;
}

/** Per-site health, updated at the end of each run (the CLI and the API read it). */
export interface SiteHealthTable {
  source: string;
  last_run_id: number | null;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  pages_per_minute: number;
  pages_total: number;
  errors_total: number;
  updated_at: string;
}

/** Background work: scheduled crawls and pipeline jobs, claimed with a lease. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  run_at: string;
  /** `queued`, `running`, `done`, `failed`. */
  status: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  /** At most one queued job per key (scheduled crawls of one site). */
  dedupe_key: string | null;
  created_at: string;
  finished_at: string | null;
}

/** An ad found again under a new id with the same text. */
export interface RepostsTable {
  ad_id: number;
  original_ad_id: number;
  detected_at: string;
  text_sha256: string;
}

/** Why and when an ad was marked deleted (ads.deleted_at holds the time; content is kept). */
export interface AdDeletionsTable {
  id: Generated<number>;
  ad_id: number;
  detected_at: string;
  /** `http_404`, `http_410`, `gone_page`, `unlisted`. */
  reason: string;
  run_id: number | null;
}

/** SHA-256 of each crawled ad's folded body, to find reposts. */
export interface AdTextHashesTable {
  ad_id: number;
  text_sha256: string;
}

export interface CrawlTables {
  page_captures: PageCapturesTable;
  crawl_runs: CrawlRunsTable;
  site_health: SiteHealthTable;
  jobs: JobsTable;
  reposts: RepostsTable;
  ad_deletions: AdDeletionsTable;
  ad_text_hashes: AdTextHashesTable;
}
