import type { Kysely } from 'kysely';
import type { MigrationBackend, VigieMigration } from './context.ts';

/**
 * The cluster index made covering for what linking reads of a network's ads (city and dates): co-travel
 * and re-clustering then never fetch whole `ads` rows (with their text) to learn where a network was.
 * It replaces the plain `ads_cluster_id` index, whose lookups it serves as well.
 */
export const clusterSightings: VigieMigration = {
  async up(db: Kysely<unknown>, _b: MigrationBackend) {
    await db.schema
      .createIndex('ads_cluster_sightings')
      .on('ads')
      .columns(['cluster_id', 'city_name', 'posted_at', 'captured_at', 'first_seen'])
      .execute();
    await db.schema.dropIndex('ads_cluster_id').ifExists().execute();
  },
};
