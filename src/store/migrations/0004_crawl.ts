import { type Kysely, sql } from 'kysely';
import { type MigrationBackend, type VigieMigration, idColumn } from './context.ts';

/** Page captures, crawl runs, site health, the jobs table, reposts and deletions (see schema-crawl.ts). */
export const crawl: VigieMigration = {
  async up(db: Kysely<unknown>, b: MigrationBackend) {
    await db.schema
      .createTable('page_captures')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('requested_url', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text')
      .addColumn('body', b.ddl.blobType)
      .addColumn('body_bytes', 'integer', (c) => c.notNull())
      .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('source_id', 'text')
      .addColumn('run_id', 'integer')
      .execute();
    await db.schema
      .createIndex('page_captures_ad')
      .on('page_captures')
      .columns(['source', 'source_id'])
      .execute();
    await db.schema.createIndex('page_captures_sha').on('page_captures').column('sha256').execute();
    await db.schema.createIndex('page_captures_run').on('page_captures').column('run_id').execute();

    await db.schema
      .createTable('crawl_runs')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('adapter', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .$call((t) => {
        let tb = t;
        for (const col of [
          'pages',
          'errors',
          'refused',
          'ads_new',
          'ads_updated',
          'ads_unchanged',
          'ads_deleted',
          'reposts',
        ]) {
          tb = tb.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0));
        }
        return tb;
      })
      .execute();
    await db.schema
      .createIndex('crawl_runs_source')
      .on('crawl_runs')
      .columns(['source', 'started_at'])
      .execute();

    await db.schema
      .createTable('site_health')
      .addColumn('source', 'text', (c) => c.primaryKey())
      .addColumn('last_run_id', 'integer')
      .addColumn('last_run_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('last_error_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('pages_per_minute', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('pages_total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('errors_total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('dedupe_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'run_at']).execute();
    // One queued job per key: scheduling the same site twice is a no-op.
    await sql`CREATE UNIQUE INDEX jobs_dedupe ON jobs (dedupe_key) WHERE status = 'queued'`.execute(db);

    await db.schema
      .createTable('reposts')
      .addColumn('ad_id', 'integer', (c) => c.notNull().references('ads.id').onDelete('cascade'))
      .addColumn('original_ad_id', 'integer', (c) => c.notNull().references('ads.id').onDelete('cascade'))
      .addColumn('detected_at', 'text', (c) => c.notNull())
      .addColumn('text_sha256', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reposts_pk', ['ad_id', 'original_ad_id'])
      .execute();
    await db.schema.createIndex('reposts_original').on('reposts').column('original_ad_id').execute();

    await db.schema
      .createTable('ad_deletions')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('ad_id', 'integer', (c) => c.notNull().references('ads.id').onDelete('cascade'))
      .addColumn('detected_at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('run_id', 'integer')
      .execute();
    await db.schema.createIndex('ad_deletions_ad').on('ad_deletions').column('ad_id').execute();

    await db.schema
      .createTable('ad_text_hashes')
      .addColumn('ad_id', 'integer', (c) => c.primaryKey().references('ads.id').onDelete('cascade'))
      .addColumn('text_sha256', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ad_text_hashes_sha').on('ad_text_hashes').column('text_sha256').execute();
  },
};
