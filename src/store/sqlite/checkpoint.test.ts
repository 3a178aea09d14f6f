import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { WAL_LIMIT_BYTES, connectSqlite } from './backend.ts';

describe('SQLite WAL checkpoints', () => {
  it('are done by a background thread, not inside commits', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-ckpt-')), 'c.db');
    const b = connectSqlite(path);
    try {
      const auto = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(b.db);
      expect(auto.rows[0]?.wal_autocheckpoint).toBe(WAL_LIMIT_BYTES / 4096);
      await sql`CREATE TABLE t (x TEXT)`.execute(b.db);
      const before = statSync(path).size;
      for (let i = 0; i < 20; i++)
        await sql`INSERT INTO t SELECT hex(randomblob(500)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n)`.execute(
          b.db,
        );
      // Nothing checkpoints inside the commits: the pages wait in the WAL until the thread copies them.
      let grown = false;
      for (let k = 0; k < 40 && !grown; k++) {
        await new Promise((r) => setTimeout(r, 100));
        grown = statSync(path).size > before + 1_000_000;
      }
      expect(grown).toBe(true);
    } finally {
      await b.close();
    }
  });
});

describe('SQLite WAL size under a writer that never pauses', () => {
  it('stays near the limit: past it, the writer checkpoints after its commit', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-ckpt-')), 'w.db');
    const limit = 2 << 20;
    const b = connectSqlite(path, { walLimitBytes: limit });
    const wal = () => {
      try {
        return statSync(`${path}-wal`).size;
      } catch {
        return 0;
      }
    };
    try {
      await sql`CREATE TABLE t (x TEXT)`.execute(b.db);
      // 48 MB in back-to-back transactions of 200 kB: no pause for the thread's PASSIVE checkpoints to
      // catch up, so without the bound the WAL would hold most of it.
      let largest = 0;
      for (let i = 0; i < 240; i++) {
        await b.db.transaction().execute(async (trx) => {
          await sql`INSERT INTO t SELECT hex(randomblob(250)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) SELECT i FROM n)`.execute(
            trx,
          );
        });
        largest = Math.max(largest, wal());
      }
      expect(largest).toBeLessThan(8 * limit);
    } finally {
      await b.close();
    }
  });
});
