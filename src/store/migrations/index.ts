import type { Kysely, Migration } from 'kysely';
import type { MigrationBackend, VigieMigration } from './context.ts';
import { foundation } from './0001_foundation.ts';
import { server } from './0002_server.ts';
import { links } from './0003_links.ts';
import { crawl } from './0004_crawl.ts';
import { linkScale } from './0005_link_scale.ts';
import { clusterSightings } from './0006_cluster_sightings.ts';

/** The one migration history, in order. Never edit a migration that has shipped: add a new one. */
const ALL: Record<string, VigieMigration> = {
  '0001_foundation': foundation,
  '0002_server': server,
  '0003_links': links,
  '0004_crawl': crawl,
  '0005_link_scale': linkScale,
  '0006_cluster_sightings': clusterSightings,
};

/** The migrations bound to a backend, in the shape Kysely's Migrator wants. */
export function migrationsFor(b: MigrationBackend): Record<string, Migration> {
  const out: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(ALL)) {
    out[name] = { up: (db: Kysely<unknown>) => m.up(db, b) };
  }
  return out;
}
