import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { CrawlTables } from './schema-crawl.ts';
import type { LinksTables } from './schema-links.ts';
import type { ServerTables } from './schema-server.ts';
import type { FoundationTables } from './schema.ts';

/** Every table of Vigie, for Kysely's typed queries. */
export interface Schema extends FoundationTables, ServerTables, LinksTables, CrawlTables {}

export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;
export type DbOrTx = Db | Tx;

/** What differs between backends, as capabilities and small strategies, never `if (sqlite)` in callers. */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  readonly db: Db;
  /** Human-readable location (file path or URL without password). */
  readonly location: string;
  readonly caps: {
    /** `SELECT … FOR UPDATE SKIP LOCKED` works (several workers can share a jobs table). */
    skipLocked: boolean;
    /** Several processes may write at once. */
    concurrentWriters: boolean;
  };
  readonly ddl: {
    /** Column type for an auto-incremented integer primary key. */
    idType: 'integer' | 'bigserial';
    /** Column type for binary data. */
    blobType: 'blob' | 'bytea';
    /** Whether `autoIncrement()` must be added to the id column. */
    autoIncrement: boolean;
  };
  readonly fts: FullText;
  /** Multi-row inserts for the import's hot path, sent as prepared SQL without building a query tree. */
  readonly bulk: BulkInsert;
  /** The schema new tables go to, when the engine has schemas (the migrator must look only there). */
  currentSchema(): Promise<string | undefined>;
  /**
   * Refresh the planner's statistics of tables just bulk-loaded (outside any transaction), so lookups
   * right after a rebuild get index plans: ANALYZE on SQLite, VACUUM (ANALYZE) on PostgreSQL (which
   * also makes index-only scans possible).
   */
  refreshStatistics(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Full-text index over `ads.search_text` (folded title + body). */
export interface FullText {
  /** Creates the index (called by the foundation migration). */
  create(db: Kysely<unknown>): Promise<void>;
  /**
   * Keeps the index in step after ads rows were inserted or their search_text changed. `fresh`: every row is
   * a newly inserted ad (never indexed before), so nothing needs removing first.
   */
  upsert(trx: DbOrTx, rows: { id: number; text: string }[], opts?: { fresh?: boolean }): Promise<void>;
  /** Removes ads from the index. */
  remove(trx: DbOrTx, ids: number[]): Promise<void>;
  /** A boolean SQL condition on `ads.id` matching all the (already folded) terms, as prefixes. */
  match(terms: string[]): RawBuilder<boolean>;
}

/** Column values of one row, in the order of the `columns` given with it. */
export type BulkRow = readonly unknown[];

export interface BulkInsert {
  /**
   * Inserts `rows` into `table` inside `trx` (chunked under the engine's bound-parameter limit).
   * `ignoreConflicts`: the unique key whose repeats are skipped (ON CONFLICT … DO NOTHING).
   * `returning`: columns to return for each inserted row (rows skipped on conflict return nothing).
   */
  insert(
    trx: Tx,
    table: string,
    columns: readonly string[],
    rows: readonly BulkRow[],
    opts?: { ignoreConflicts?: readonly string[]; returning?: readonly string[] },
  ): Promise<Record<string, unknown>[]>;
}
