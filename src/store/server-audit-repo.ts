import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Backend, DbOrTx } from './database.ts';
import type { AuditLogTable } from './schema-server.ts';

/** Hash that precedes the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** What one audit entry records: who, what, on which target, from where, with optional details. */
export interface AuditEvent {
  actorId: number | null;
  /** Username, `apikey:<name>`, `cli:<os user>` or `anonymous`. */
  actor: string;
  role: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

export type AuditRow = Selectable<AuditLogTable>;

/** The hash of an entry: SHA-256 over the previous hash and every field, in a fixed order. */
export function auditHash(r: Omit<AuditRow, 'hash'>): string {
  const body = JSON.stringify([
    r.seq,
    r.at,
    r.actor_id,
    r.actor,
    r.role,
    r.action,
    r.target_type,
    r.target_id,
    r.ip,
    r.details,
  ]);
  return createHash('sha256').update(`${r.prev_hash}\n${body}`).digest('hex');
}

/**
 * Appends one entry. The head row is updated first inside the transaction, which serialises writers on
 * both backends (row lock on PostgreSQL, the single writer on SQLite), so the chain never forks.
 */
export async function appendAudit(b: Backend, e: AuditEvent, now = new Date()): Promise<AuditRow> {
  return b.db.transaction().execute(async (trx) => {
    await ensureHead(trx);
    const head = await trx
      .updateTable('audit_head')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['last_seq', 'last_hash'])
      .executeTakeFirstOrThrow();
    const base = {
      seq: Number(head.last_seq),
      at: now.toISOString(),
      actor_id: e.actorId,
      actor: e.actor,
      role: e.role,
      action: e.action,
      target_type: e.targetType ?? null,
      target_id: e.targetId === undefined || e.targetId === null ? null : String(e.targetId),
      ip: e.ip ?? null,
      details: e.details ? JSON.stringify(e.details) : null,
      prev_hash: head.last_hash,
    };
    const row = { ...base, hash: auditHash(base) };
    await trx.insertInto('audit_log').values(row).execute();
    await trx.updateTable('audit_head').set({ last_hash: row.hash }).where('id', '=', 1).execute();
    return row;
  });
}

async function ensureHead(db: DbOrTx): Promise<void> {
  await db
    .insertInto('audit_head')
    .values({ id: 1, last_seq: 0, last_hash: AUDIT_GENESIS })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Result of walking the chain: ok, or the first entry that does not verify and why. */
export interface AuditVerdict {
  ok: boolean;
  entries: number;
  firstBroken: { seq: number; reason: string } | null;
}

/**
 * Recomputes every hash in order. Detects an edited entry (hash mismatch), a deleted or inserted one
 * (sequence gap or broken `prev_hash` link) and a truncated tail (the head names a later entry).
 */
export async function verifyAudit(b: Backend, pageSize = 2000): Promise<AuditVerdict> {
  let prev = AUDIT_GENESIS;
  let expected = 1;
  let after = 0;
  const broken = (seq: number, reason: string, n: number): AuditVerdict => ({
    ok: false,
    entries: n,
    firstBroken: { seq, reason },
  });
  for (;;) {
    const rows = await b.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return broken(expected, `entry ${expected} is missing (next is ${seq})`, seq - 1);
      if (r.prev_hash !== prev) return broken(seq, 'prev_hash does not match the previous entry', seq - 1);
      if (auditHash({ ...r, seq }) !== r.hash) return broken(seq, 'content does not match its hash', seq - 1);
      prev = r.hash;
      expected++;
    }
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1].seq);
  }
  const n = expected - 1;
  const head = await b.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && Number(head.last_seq) !== n) {
    return broken(n + 1, `the log ends at ${n} but the head records ${head.last_seq} entries`, n);
  }
  if (head && n > 0 && head.last_hash !== prev) return broken(n, 'last hash differs from the head', n);
  return { ok: true, entries: n, firstBroken: null };
}

/** Filters for listing and exporting the audit log. */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  afterSeq?: number;
  beforeSeq?: number;
  limit?: number;
  order?: 'asc' | 'desc';
}

/** Audit entries matching a filter, newest first by default. */
export async function listAudit(db: DbOrTx, f: AuditFilter): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.afterSeq !== undefined) q = q.where('seq', '>', f.afterSeq);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  const rows = await q
    .orderBy('seq', f.order ?? 'desc')
    .limit(f.limit ?? 100)
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
