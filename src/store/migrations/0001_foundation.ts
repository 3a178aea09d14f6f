import type { Kysely } from 'kysely';
import { type MigrationBackend, type VigieMigration, idColumn } from './context.ts';

/** Captures (evidence), ads with their versions, identifiers and images, and the full-text index. */
export const foundation: VigieMigration = {
  async up(db: Kysely<unknown>, b: MigrationBackend) {
    await db.schema
      .createTable('captures')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('raw', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addUniqueConstraint('captures_source_sha', ['source', 'source_id', 'sha256'])
      .execute();

    await db.schema
      .createTable('ads')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content_sha256', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('posted_at', 'text')
      .addColumn('captured_at', 'text')
      .addColumn('first_seen', 'text', (c) => c.notNull())
      .addColumn('last_seen', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('city_raw', 'text')
      .addColumn('phone_raw', 'text')
      .addColumn('age_raw', 'integer')
      .addColumn('category', 'text')
      .addColumn('extra', 'text')
      .addColumn('images', 'text')
      .addColumn('analysis', 'text')
      .addColumn('model_version', 'text')
      .addColumn('score_minor', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('score_control', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('score_recruitment', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('city_name', 'text')
      .addColumn('city_insee', 'text')
      .addColumn('departement', 'text')
      .addColumn('lang', 'text')
      .addColumn('cluster_id', 'text')
      .addColumn('reviewed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addUniqueConstraint('ads_source_key', ['source', 'source_id'])
      .execute();
    for (const col of ['posted_at', 'first_seen', 'score_minor', 'cluster_id', 'city_insee', 'departement']) {
      await db.schema.createIndex(`ads_${col}`).on('ads').column(col).execute();
    }

    await db.schema
      .createTable('ad_versions')
      .addColumn('id', b.ddl.idType, idColumn(b))
      .addColumn('ad_id', 'integer', (c) => c.notNull().references('ads.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('capture_id', 'integer', (c) => c.notNull().references('captures.id'))
      .addColumn('content_sha256', 'text', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('ad_versions_key', ['ad_id', 'version'])
      .execute();

    await db.schema
      .createTable('ad_identifiers')
      .addColumn('ad_id', 'integer', (c) => c.notNull().references('ads.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ad_identifiers_pk', ['ad_id', 'kind', 'value'])
      .execute();
    await db.schema
      .createIndex('ad_identifiers_value')
      .on('ad_identifiers')
      .columns(['kind', 'value'])
      .execute();

    await db.schema
      .createTable('ad_images')
      .addColumn('ad_id', 'integer', (c) => c.notNull().references('ads.id').onDelete('cascade'))
      .addColumn('ord', 'integer', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text')
      .addColumn('phash', 'text')
      .addColumn('thumb', b.ddl.blobType)
      .addColumn('status', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ad_images_pk', ['ad_id', 'ord'])
      .execute();
    await db.schema.createIndex('ad_images_sha').on('ad_images').column('sha256').execute();

    await b.fts.create(db);
  },
};
