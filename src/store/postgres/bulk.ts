import { CompiledQuery } from 'kysely';
import type { BulkInsert, BulkRow } from '../database.ts';

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows per statement: under PostgreSQL's limit of 65,535 bound parameters, at most 1,000 rows. */
const rowsPer = (columns: number) => Math.max(1, Math.min(1000, Math.floor(60_000 / Math.max(1, columns))));

/** Multi-row INSERT text with `$n` placeholders. */
export function insertSql(
  table: string,
  columns: readonly string[],
  rows: number,
  opts: { ignoreConflicts?: readonly string[]; returning?: readonly string[] },
): string {
  const parts: string[] = [];
  let n = 1;
  for (let r = 0; r < rows; r++) {
    const one: string[] = [];
    for (let c = 0; c < columns.length; c++) one.push(`$${n++}`);
    parts.push(`(${one.join(',')})`);
  }
  let text = `INSERT INTO ${q(table)} (${columns.map(q).join(',')}) VALUES ${parts.join(',')}`;
  if (opts.ignoreConflicts) text += ` ON CONFLICT (${opts.ignoreConflicts.map(q).join(',')}) DO NOTHING`;
  if (opts.returning) text += ` RETURNING ${opts.returning.map(q).join(',')}`;
  return text;
}

/** One round trip per chunk, with the SQL text written directly (no query tree to build and compile). */
export function postgresBulk(): BulkInsert {
  return {
    async insert(trx, table, columns, rows: readonly BulkRow[], opts = {}) {
      const out: Record<string, unknown>[] = [];
      const per = rowsPer(columns.length);
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const res = await trx.executeQuery<Record<string, unknown>>(
          CompiledQuery.raw(insertSql(table, columns, chunk.length, opts), chunk.flat()),
        );
        for (const r of res.rows) out.push(r);
      }
      return out;
    },
  };
}
