import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Backend } from './database.ts';
import { openStore } from './open.ts';

/** PostgreSQL server used by tests (trust auth on this machine kind). */
export const TEST_PG_URL = process.env.VIGIE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One backend kind a contract suite runs against. */
export interface BackendUnderTest {
  name: 'sqlite' | 'postgres';
  /** Opens a fresh, empty, migrated store (a new SQLite file, or a new PostgreSQL schema). */
  open(): Promise<Backend>;
}

let pgReachable: Promise<boolean> | undefined;

async function probePg(): Promise<boolean> {
  const c = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch (e) {
    if (process.env.CI === 'true') {
      throw new Error(
        `PostgreSQL test server unreachable at ${TEST_PG_URL} under CI=true: ${(e as Error).message}`,
      );
    }
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/** Creates an empty schema for one test store and returns a URL whose search_path points at it. */
async function freshPgUrl(): Promise<string> {
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  return schemaUrl(schema);
}

/** TEST_PG_URL with its search_path set to `schema`. */
function schemaUrl(schema: string): string {
  const u = new URL(TEST_PG_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * Runs `fn` on the URL of a scratch schema (`<prefix>_<time>`) that is dropped afterwards, for the
 * benchmarks. A server that cannot be reached, or a failed run, comes back as `{ error }`.
 */
export async function inScratchPgSchema<T>(
  prefix: string,
  fn: (url: string) => T | Promise<T>,
): Promise<T | { error: string }> {
  const schema = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const out = await fn(schemaUrl(schema));
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    return out;
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    await admin.end().catch(() => {});
  }
}

/** Drops test schemas older than an hour, left behind by killed runs. */
export async function dropStalePgSchemas(): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    const r = await c.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'",
    );
    const cutoff = Date.now() - 3600_000;
    for (const { nspname } of r.rows) {
      const ts = Number.parseInt(nspname.split('_')[2] ?? '', 36);
      if (Number.isFinite(ts) && ts < cutoff) await c.query(`DROP SCHEMA IF EXISTS ${nspname} CASCADE`);
    }
  } finally {
    await c.end();
  }
}

/**
 * The backends to run a contract suite against: SQLite always; PostgreSQL when reachable, and always under
 * CI=true (where an unreachable server fails the run instead of skipping).
 */
export async function backendsUnderTest(): Promise<BackendUnderTest[]> {
  pgReachable ??= probePg();
  const out: BackendUnderTest[] = [
    {
      name: 'sqlite',
      open: async () => openStore(join(mkdtempSync(join(tmpdir(), 'vigie-test-')), 'vigie.db')),
    },
  ];
  if (await pgReachable) out.push({ name: 'postgres', open: async () => openStore(await freshPgUrl()) });
  return out;
}
