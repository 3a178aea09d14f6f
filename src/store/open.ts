import { resolve } from 'node:path';
import { Migrator } from 'kysely';
import { VigieError } from '../core/errors.ts';
import type { Backend } from './database.ts';
import { migrationsFor } from './migrations/index.ts';
import { connectPostgres } from './postgres/backend.ts';
import { connectSqlite } from './sqlite/backend.ts';

/** Default SQLite file, relative to the working directory. */
export const DEFAULT_DB = './data/vigie.db';

/**
 * Where the database is: `--db` wins, then DATABASE_URL (postgres://…), then VIGIE_DB, then ./data/vigie.db.
 * A value starting with postgres:// or postgresql:// selects PostgreSQL; anything else is a SQLite path.
 */
export function resolveDbUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.DATABASE_URL ?? env.VIGIE_DB ?? DEFAULT_DB;
}

/** Opens the backend for a URL or path, without migrating. */
export function connect(url: string): Backend {
  if (/^postgres(ql)?:\/\//.test(url)) return connectPostgres(url);
  return connectSqlite(url === ':memory:' ? url : resolve(url));
}

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrate(b: Backend): Promise<string[]> {
  const migrator = new Migrator({
    db: b.db,
    migrationTableSchema: await b.currentSchema(),
    provider: { getMigrations: async () => migrationsFor(b) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new VigieError('storage_error', `migration failed on ${b.location}: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Opens and migrates: what every entry point does first. */
export async function openStore(url: string): Promise<Backend> {
  const b = connect(url);
  try {
    await migrate(b);
  } catch (e) {
    await b.close();
    throw e;
  }
  return b;
}
