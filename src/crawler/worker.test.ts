import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../store/database.ts';
import { claimJob, enqueueJob, jobCounts } from '../store/jobs-repo.ts';
import { connect } from '../store/open.ts';
import { backendsUnderTest } from '../store/test-backends.ts';
import { sleep } from './limiter.ts';
import { runWorker } from './worker.ts';

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(50);
  }
}

function child(url: string, id: string, log: string) {
  return spawn(process.execPath, ['bin/run-ts.mjs', 'src/crawler/fixtures/worker-child.ts', url, id, log], {
    stdio: 'inherit',
  });
}

for (const kind of await backendsUnderTest()) {
  describe(`jobs and workers (${kind.name})`, () => {
    let b: Backend;
    let b2: Backend;
    beforeAll(async () => {
      b = await kind.open();
      // A second, separate connection pool to the same store: another worker process as far as the DB knows.
      b2 = connect(b.location);
    });
    afterAll(async () => {
      await b2?.close();
      await b?.close();
    });

    it('deduplicates queued jobs by key', async () => {
      expect(await enqueueJob(b.db, { kind: 'x', dedupeKey: 'crawl:site' })).not.toBeNull();
      expect(await enqueueJob(b.db, { kind: 'x', dedupeKey: 'crawl:site' })).toBeNull();
      await b.db.deleteFrom('jobs').execute();
    });

    it('two workers never take the same job, and every job is done once', async () => {
      for (let i = 0; i < 40; i++) await enqueueJob(b.db, { kind: 'work', payload: { n: i } });
      const taken: { job: number; worker: string }[] = [];
      const handler = (worker: string) => async (job: { id: number }) => {
        taken.push({ job: job.id, worker });
        await sleep(5);
      };
      const [s1, s2] = await Promise.all([
        runWorker({ backend: b, id: 'w1', drain: true, handlers: { work: handler('w1') } }),
        runWorker({ backend: b2, id: 'w2', drain: true, handlers: { work: handler('w2') } }),
      ]);
      expect(s1.done + s2.done).toBe(40);
      expect(new Set(taken.map((t) => t.job)).size).toBe(40);
      expect(taken.length).toBe(40);
      if (b.caps.concurrentWriters) {
        expect(s1.done).toBeGreaterThan(0);
        expect(s2.done).toBeGreaterThan(0);
      }
      const rows = await b.db.selectFrom('jobs').select(['status', 'attempts']).execute();
      expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    });

    it('concurrent claims of one job: exactly one winner', async () => {
      await b.db.deleteFrom('jobs').execute();
      await enqueueJob(b.db, { kind: 'one' });
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claimJob(i % 2 ? b : b2, `c${i}`, 60_000)),
      );
      expect(claims.filter((c) => c !== null).length).toBe(1);
    });

    it('retries a failing job with exponential backoff, then marks it failed', async () => {
      await b.db.deleteFrom('jobs').execute();
      const id = (await enqueueJob(b.db, { kind: 'bad', maxAttempts: 3 })) ?? 0;
      const handlers = {
        bad: async () => {
          throw new Error('boom');
        },
      };
      const t0 = Date.now();
      const first = await runWorker({ backend: b, id: 'w', drain: true, backoffMs: 60_000, handlers });
      expect(first).toMatchObject({ requeued: 1, failed: 0 });
      const row1 = await b.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(Date.parse(row1.run_at) - t0).toBeGreaterThanOrEqual(60_000);
      await b.db
        .updateTable('jobs')
        .set({ run_at: new Date(0).toISOString() })
        .execute();
      const rest = await runWorker({ backend: b, id: 'w', drain: true, backoffMs: 0, handlers });
      expect(rest).toMatchObject({ requeued: 1, failed: 1 });
      const row = await b.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(3);
      expect(row.last_error).toBe('boom');
    });

    it('a killed worker’s job is retried after its lease expires, and done exactly once', async () => {
      await b.db.deleteFrom('jobs').execute();
      const log = join(mkdtempSync(join(tmpdir(), 'vigie-worker-')), 'log.txt');
      const id = await enqueueJob(b.db, { kind: 'hold' });
      const p = child(b.location, 'victim', log);
      await waitFor(() => existsSync(log) && readFileSync(log, 'utf8').includes(`victim start ${id}`));
      p.kill('SIGKILL');
      await new Promise((r) => p.once('exit', r));
      const done: string[] = [];
      const handlers = {
        hold: async (job: { id: number; attempts: number }, ctx: { workerId: string }) => {
          done.push(`${ctx.workerId}:${job.id}:${job.attempts}`);
        },
      };
      // While the dead worker's lease runs, nobody may take the job.
      const early = await runWorker({ backend: b, id: 'rescuer', drain: true, handlers });
      expect(early.done).toBe(0);
      await waitFor(async () => {
        const r = await b.db
          .selectFrom('jobs')
          .select('locked_until')
          .where('id', '=', id ?? 0)
          .executeTakeFirst();
        return (r?.locked_until ?? '') < new Date().toISOString();
      });
      const s = await runWorker({ backend: b, id: 'rescuer', drain: true, handlers });
      expect(s.done).toBe(1);
      expect(done).toEqual([`rescuer:${id}:2`]);
      const row = await b.db
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', id ?? 0)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('done');
      expect(row.attempts).toBe(2);
    });

    it('stops gracefully on SIGTERM, putting its job back in the queue', async () => {
      await b.db.deleteFrom('jobs').execute();
      const log = join(mkdtempSync(join(tmpdir(), 'vigie-worker-')), 'log.txt');
      const id = await enqueueJob(b.db, { kind: 'hold' });
      const p = child(b.location, 'polite', log);
      await waitFor(() => existsSync(log) && readFileSync(log, 'utf8').includes(`polite start ${id}`));
      p.kill('SIGTERM');
      const code = await new Promise((r) => p.once('exit', r));
      expect(code).toBe(0);
      expect(readFileSync(log, 'utf8')).toContain('polite exited');
      const row = await b.db
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', id ?? 0)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('queued');
      expect(row.attempts).toBe(0);
      expect(row.locked_by).toBeNull();
      expect(await jobCounts(b.db)).toEqual({ queued: 1 });
    });
  });
}
