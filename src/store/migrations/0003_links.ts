import type { Kysely } from 'kysely';
import type { MigrationBackend, VigieMigration } from './context.ts';

/** Indexes of `link_text_bands` (also used by the rebuild, which drops them while bulk-loading). */
export async function createBandIndexes(db: Kysely<unknown>) {
  await db.schema
    .createIndex('link_text_bands_key')
    .ifNotExists()
    .on('link_text_bands')
    .columns(['band_key', 'ad_id'])
    .execute();
  await db.schema
    .createIndex('link_text_bands_ad')
    .ifNotExists()
    .on('link_text_bands')
    .column('ad_id')
    .execute();
}

/** Indexes of `link_image_bands`. */
export async function createImageBandIndexes(db: Kysely<unknown>) {
  await db.schema
    .createIndex('link_image_bands_key')
    .ifNotExists()
    .on('link_image_bands')
    .column('band_key')
    .execute();
  await db.schema
    .createIndex('link_image_bands_ad')
    .ifNotExists()
    .on('link_image_bands')
    .column('ad_id')
    .execute();
}

/** Names of the band indexes, to drop them before a bulk load. */
export const BAND_INDEXES = [
  'link_text_bands_key',
  'link_text_bands_ad',
  'link_image_bands_key',
  'link_image_bands_ad',
];

/** Tables of the links stage (see schema-links.ts). Band keys are signed 32-bit integers on both backends. */
export const links: VigieMigration = {
  async up(db: Kysely<unknown>, b: MigrationBackend) {
    const s = db.schema;
    await s
      .createTable('link_text')
      .addColumn('ad_id', 'integer', (c) => c.primaryKey().references('ads.id').onDelete('cascade'))
      .addColumn('sig', b.ddl.blobType, (c) => c.notNull())
      .addColumn('shingles', 'integer', (c) => c.notNull())
      .addColumn('content_sha256', 'text', (c) => c.notNull())
      .execute();

    await s
      .createTable('link_text_bands')
      .addColumn('band_key', 'integer', (c) => c.notNull())
      .addColumn('ad_id', 'integer', (c) => c.notNull())
      .execute();
    // Plain indexes, not a primary key: `vigie link --rebuild` drops them, bulk-loads, then recreates them.
    await createBandIndexes(db);

    await s
      .createTable('link_image_bands')
      .addColumn('band_key', 'integer', (c) => c.notNull())
      .addColumn('ad_id', 'integer', (c) => c.notNull())
      .addColumn('phash', 'text', (c) => c.notNull())
      .execute();
    await createImageBandIndexes(db);

    await s
      .createTable('links')
      .addColumn('ad_a', 'integer', (c) => c.notNull())
      .addColumn('ad_b', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull())
      .addColumn('strong', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('via', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('links_a').on('links').column('ad_a').execute();
    await s.createIndex('links_b').on('links').column('ad_b').execute();
    await s.createIndex('links_via').on('links').column('via').execute();

    await s
      .createTable('clusters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('template', 'text')
      .addColumn('movement', 'text')
      .addColumn('scores', 'text')
      .addColumn('summary', 'text')
      .execute();
    await s.createIndex('clusters_status').on('clusters').columns(['status', 'id']).execute();

    await s
      .createTable('cluster_membership')
      .addColumn('ad_id', 'integer', (c) => c.notNull())
      .addColumn('cluster_id', 'text', (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addColumn('left_at', 'text')
      .execute();
    await s
      .createIndex('cluster_membership_ad')
      .on('cluster_membership')
      .columns(['ad_id', 'left_at'])
      .execute();
    await s.createIndex('cluster_membership_cluster').on('cluster_membership').column('cluster_id').execute();

    await s
      .createTable('cluster_events')
      .addColumn('seq', b.ddl.idType, (c) => {
        const pk = c.primaryKey();
        return b.ddl.autoIncrement ? pk.autoIncrement() : pk;
      })
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('cluster_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('cluster_events_cluster').on('cluster_events').column('cluster_id').execute();

    await s
      .createTable('link_suppressed')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('ads', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('link_suppressed_pk', ['kind', 'value'])
      .execute();

    // Scratch table of `vigie link --rebuild`: new assignments, applied with one UPDATE … FROM.
    await s
      .createTable('link_assign')
      .addColumn('ad_id', 'integer', (c) => c.primaryKey())
      .addColumn('cluster_id', 'text')
      .execute();

    await s
      .createTable('link_stoplist')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('link_stoplist_pk', ['kind', 'value'])
      .execute();
  },
};
