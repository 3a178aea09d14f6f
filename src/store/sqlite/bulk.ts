import type SQLite from 'better-sqlite3';
import type { BulkInsert, BulkRow } from '../database.ts';

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Prepared statements by SQL text, on the one connection Kysely also uses (Kysely's own driver would
 * prepare every query anew: 10–50 µs each, dozens per linked ad). better-sqlite3 is synchronous, so a
 * statement run from inside a Kysely transaction callback runs in that transaction. The least recently
 * used statement goes first when the cache is full; a statement still being iterated (a streamed query)
 * is never handed out twice: a fresh one is prepared instead.
 */
export class StatementCache {
  private readonly stmts = new Map<string, SQLite.Statement>();
  constructor(
    private readonly raw: SQLite.Database,
    private readonly max = 500,
  ) {}

  get(text: string): SQLite.Statement {
    const s = this.stmts.get(text);
    if (s) {
      // Most recently used last in the Map's order.
      this.stmts.delete(text);
      if (!s.busy) {
        this.stmts.set(text, s);
        return s;
      }
    }
    const fresh = this.raw.prepare(text);
    if (this.stmts.size >= this.max) this.stmts.delete(this.stmts.keys().next().value!);
    this.stmts.set(text, fresh);
    return fresh;
  }
}

/** Rows per statement: under SQLite's default limit of 32,766 bound parameters, at most 500 rows. */
const rowsPer = (columns: number) => Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, columns))));

/** Multi-row INSERT text with `?` placeholders. */
export function insertSql(
  table: string,
  columns: readonly string[],
  rows: number,
  opts: { ignoreConflicts?: readonly string[]; returning?: readonly string[] },
): string {
  const one = `(${columns.map(() => '?').join(',')})`;
  let text = `INSERT INTO ${q(table)} (${columns.map(q).join(',')}) VALUES ${Array.from({ length: rows }, () => one).join(',')}`;
  if (opts.ignoreConflicts) text += ` ON CONFLICT (${opts.ignoreConflicts.map(q).join(',')}) DO NOTHING`;
  if (opts.returning) text += ` RETURNING ${opts.returning.map(q).join(',')}`;
  return text;
}

export function sqliteBulk(stmts: StatementCache): BulkInsert {
  return {
    async insert(_trx, table, columns, rows: readonly BulkRow[], opts = {}) {
      const out: Record<string, unknown>[] = [];
      const per = rowsPer(columns.length);
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const s = stmts.get(insertSql(table, columns, chunk.length, opts));
        const params = chunk.flat();
        if (opts.returning) {
          for (const r of s.all(params) as Record<string, unknown>[]) out.push(r);
        } else s.run(params);
      }
      return out;
    },
  };
}
