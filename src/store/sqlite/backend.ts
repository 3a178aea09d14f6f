import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Backend, DbOrTx, Schema } from '../database.ts';
import { StatementCache, insertSql, sqliteBulk } from './bulk.ts';

/** Opens (creating if needed) a SQLite database file in WAL mode; `:memory:` for tests. */
export function connectSqlite(path: string, opts: { walLimitBytes?: number } = {}): Backend {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('cache_size = -65536');
  const checkpointer = path === ':memory:' ? null : startCheckpointer(raw, path, opts.walLimitBytes);
  const stmts = new StatementCache(raw);
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({
      database: { prepare: (text) => stmts.get(text), close: () => raw.close() },
    }),
  });
  const bulk = sqliteBulk(stmts);
  return {
    name: 'sqlite',
    db,
    location: path,
    caps: { skipLocked: false, concurrentWriters: false },
    ddl: { idType: 'integer', blobType: 'blob', autoIncrement: true },
    bulk,
    fts: {
      async create(d) {
        await sql`CREATE VIRTUAL TABLE ads_fts USING fts5(search_text, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2")`.execute(
          d,
        );
      },
      async upsert(trx: DbOrTx, rows, opts = {}) {
        if (rows.length === 0) return;
        // Ads ids are AUTOINCREMENT (never reused): a fresh ad has nothing in the index to remove.
        if (!opts.fresh) {
          await this.remove(
            trx,
            rows.map((r) => r.id),
          );
        }
        for (let i = 0; i < rows.length; i += 500) {
          const chunk = rows.slice(i, i + 500);
          const params: unknown[] = [];
          for (const r of chunk) params.push(r.id, r.text);
          stmts.get(insertSql('ads_fts', ['rowid', 'search_text'], chunk.length, {})).run(params);
        }
      },
      async remove(trx: DbOrTx, ids) {
        for (let i = 0; i < ids.length; i += 500) {
          await sql`DELETE FROM ads_fts WHERE rowid IN (${sql.join(ids.slice(i, i + 500))})`.execute(trx);
        }
      },
      match(terms) {
        const q = terms.map((t) => `"${t}"*`).join(' ');
        return sql<boolean>`ads.id IN (SELECT rowid FROM ads_fts WHERE ads_fts MATCH ${q})`;
      },
    },
    async currentSchema() {
      return undefined;
    },
    async refreshStatistics(tables) {
      // Sampled: a bounded number of rows per index, so it stays quick at millions of rows.
      await sql`PRAGMA analysis_limit = 1000`.execute(db);
      for (const t of tables) await sql`ANALYZE ${sql.table(t)}`.execute(db);
    },
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** How often the background thread checkpoints the WAL. */
const CHECKPOINT_MS = 250;
/**
 * Past this size the writer checkpoints the WAL itself after a commit. A writer that never pauses (a bulk
 * import) keeps the thread's PASSIVE checkpoints from ever copying the whole WAL, and SQLite only starts the
 * WAL afresh once they have: left to the thread alone it grew to 10 GB beside a 0.5 GB database.
 */
export const WAL_LIMIT_BYTES = 256 << 20;

/**
 * Moves WAL checkpoints to a worker thread (PASSIVE, every 250 ms); the automatic ones that would run
 * inside a commit only come in past `walLimitBytes` (a bulk write the thread cannot keep up with). If the
 * thread cannot start, automatic checkpoints at SQLite's default come back. Closing the
 * store stops the thread; the last connection to close then checkpoints what is left.
 */
function startCheckpointer(raw: SQLite.Database, path: string, walLimitBytes = WAL_LIMIT_BYTES) {
  const pages = Math.max(
    1,
    Math.floor(walLimitBytes / (raw.pragma('page_size', { simple: true }) as number)),
  );
  raw.pragma(`wal_autocheckpoint = ${pages}`);
  raw.pragma(`journal_size_limit = ${walLimitBytes}`);
  const w = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { path, intervalMs: CHECKPOINT_MS },
  });
  w.unref();
  const exited = new Promise<void>((res) => w.once('exit', () => res()));
  w.once('error', () => {
    if (raw.open) raw.pragma('wal_autocheckpoint = 1000');
  });
  return {
    async stop() {
      // Keep the event loop alive until the thread has closed its connection.
      w.ref();
      w.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((res) => {
        timer = setTimeout(res, 2000);
      });
      await Promise.race([exited, timeout]);
      clearTimeout(timer);
      await w.terminate().catch(() => {});
    },
  };
}
