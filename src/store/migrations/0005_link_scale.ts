import type { Kysely } from 'kysely';
import type { MigrationBackend, VigieMigration } from './context.ts';

/**
 * Indexes for incremental linking at scale: co-travel looks up the networks seen in one city within a
 * few days of a new ad, an index range scan on (city, posted_at) that also yields the cluster id.
 */
export const linkScale: VigieMigration = {
  async up(db: Kysely<unknown>, _b: MigrationBackend) {
    await db.schema
      .createIndex('ads_city_posted_cluster')
      .on('ads')
      .columns(['city_name', 'posted_at', 'cluster_id'])
      .execute();
  },
};
