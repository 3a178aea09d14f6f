import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Backend } from '../database.ts';

/** What a migration may know of its backend: DDL types and the full-text strategy. */
export type MigrationBackend = Pick<Backend, 'name' | 'ddl' | 'fts'>;

/** A migration of the single history shared by SQLite and PostgreSQL. */
export interface VigieMigration {
  up(db: Kysely<unknown>, b: MigrationBackend): Promise<void>;
}

/** Applies the backend's auto-increment primary key to an `id` column. */
export function idColumn(b: MigrationBackend) {
  return (c: ColumnDefinitionBuilder) => {
    const pk = c.primaryKey();
    return b.ddl.autoIncrement ? pk.autoIncrement() : pk;
  };
}
