import { type ExpressionBuilder, sql } from 'kysely';
import type { Backend, DbOrTx, Schema } from './database.ts';

/** A job as handed to a worker. */
export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: string;
}

export interface EnqueueOptions {
  kind: string;
  payload?: unknown;
  /** When the job becomes due (default now). */
  runAt?: Date;
  /** At most one queued job per key; enqueueing again returns null. */
  dedupeKey?: string;
  maxAttempts?: number;
  now?: Date;
}

/** Adds a job; returns its id, or null when a queued job with the same dedupe key exists. */
export async function enqueueJob(db: DbOrTx, o: EnqueueOptions): Promise<number | null> {
  const now = (o.now ?? new Date()).toISOString();
  const row = await db
    .insertInto('jobs')
    .values({
      kind: o.kind,
      payload: JSON.stringify(o.payload ?? {}),
      run_at: (o.runAt ?? o.now ?? new Date()).toISOString(),
      status: 'queued',
      attempts: 0,
      max_attempts: o.maxAttempts ?? 5,
      dedupe_key: o.dedupeKey ?? null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').where(sql<boolean>`status = 'queued'`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

type Row = {
  id: number;
  kind: string;
  payload: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
};
const toJob = (r: Row): Job => ({
  id: r.id,
  kind: r.kind,
  payload: JSON.parse(r.payload),
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAt: r.run_at,
});

/**
 * Claims the next due job (queued and due, or running with an expired lease) for `workerId`, with a lease
 * until now + leaseMs, counting one attempt. On PostgreSQL the candidate is locked with FOR UPDATE SKIP LOCKED
 * so concurrent workers pass over each other; everywhere the claim itself is a compare-and-set UPDATE, so two
 * workers can never both own a job. Jobs whose lease expired with no attempts left are marked failed.
 */
export async function claimJob(
  b: Backend,
  workerId: string,
  leaseMs: number,
  now: Date = new Date(),
): Promise<Job | null> {
  const nowIso = now.toISOString();
  await b.db
    .updateTable('jobs')
    .set({
      status: 'failed',
      finished_at: nowIso,
      locked_by: null,
      last_error: sql`coalesce(last_error, 'lease expired')`,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', nowIso)
    .whereRef('attempts', '>=', 'max_attempts')
    .execute();
  const lease = new Date(now.getTime() + leaseMs).toISOString();
  const claim = { status: 'running', locked_by: workerId, locked_until: lease };
  const returning = ['id', 'kind', 'payload', 'attempts', 'max_attempts', 'run_at'] as const;
  if (!b.caps.skipLocked) {
    // One statement: SQLite runs it under its write lock, so the pick and the claim cannot be split.
    const row = await b.db
      .updateTable('jobs')
      .set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', (eb) =>
        eb.selectFrom('jobs').select('id').where(due(nowIso)).orderBy('run_at').orderBy('id').limit(1),
      )
      .where(due(nowIso))
      .returning(returning)
      .executeTakeFirst();
    return row ? toJob(row) : null;
  }
  return b.db.transaction().execute(async (trx) => {
    const cand = await trx
      .selectFrom('jobs')
      .select('id')
      .where(due(nowIso))
      .orderBy('run_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!cand) return null;
    const row = await trx
      .updateTable('jobs')
      .set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', cand.id)
      .where(due(nowIso))
      .returning(returning)
      .executeTakeFirst();
    return row ? toJob(row) : null;
  });
}

/** Due: queued with run_at passed, or running with an expired lease. */
function due(nowIso: string) {
  return (eb: ExpressionBuilder<Schema, 'jobs'>) =>
    eb.or([
      eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
      eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
    ]);
}

/** Extends the lease of a job this worker still owns; false when the lease was lost. */
export async function renewLease(
  db: DbOrTx,
  id: number,
  workerId: string,
  leaseMs: number,
  now = new Date(),
) {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a job done, only if this worker still owns it; false otherwise (another worker took it over). */
export async function completeJob(
  db: DbOrTx,
  id: number,
  workerId: string,
  now = new Date(),
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now.toISOString(), locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Records a failure: the job goes back to the queue after an exponential backoff, or is marked failed when
 * no attempt is left. `release` (graceful stop) requeues it at once and gives the attempt back.
 */
export async function failJob(
  db: DbOrTx,
  job: Pick<Job, 'id' | 'attempts' | 'maxAttempts'>,
  workerId: string,
  error: string,
  opts: { now?: Date; release?: boolean; backoffMs?: number } = {},
): Promise<'requeued' | 'failed' | 'lost'> {
  const now = opts.now ?? new Date();
  const last = !opts.release && job.attempts >= job.maxAttempts;
  const delay = opts.release ? 0 : (opts.backoffMs ?? 5000) * 2 ** Math.max(0, job.attempts - 1);
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: last ? 'failed' : 'queued',
      run_at: new Date(now.getTime() + delay).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
      finished_at: last ? now.toISOString() : null,
      attempts: opts.release ? eb('attempts', '-', 1) : eb.ref('attempts'),
    }))
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return 'lost';
  return last ? 'failed' : 'requeued';
}

/** Counts jobs by status (for `crawl status` and tests). */
export async function jobCounts(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
