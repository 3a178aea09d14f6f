import { sql } from 'kysely';
import type { Backend } from '../store/database.ts';

const known = new WeakMap<Backend, Map<string, boolean>>();

/**
 * Whether a table exists in the backend's current schema. Tables of later stages (links, crawl) may not
 * exist yet; readers check here first. Probed once per backend with a query that reads no row.
 */
export async function tableExists(b: Backend, table: string): Promise<boolean> {
  let m = known.get(b);
  if (!m) {
    m = new Map();
    known.set(b, m);
  }
  const hit = m.get(table);
  if (hit !== undefined) return hit;
  let ok = true;
  try {
    await sql`SELECT 1 FROM ${sql.table(table)} WHERE 1 = 0`.execute(b.db);
  } catch {
    ok = false;
  }
  m.set(table, ok);
  return ok;
}
