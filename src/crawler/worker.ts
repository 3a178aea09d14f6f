import type { Backend } from '../store/database.ts';
import { type Job, claimJob, completeJob, failJob, renewLease } from '../store/jobs-repo.ts';
import { sleep } from './limiter.ts';

/** What a job handler gets besides its job. */
export interface JobContext {
  backend: Backend;
  workerId: string;
  /** Aborted on graceful stop or when the lease was lost: stop soon, the job will be retried. */
  signal: AbortSignal;
  log: (msg: string) => void;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export interface WorkerOptions {
  backend: Backend;
  id: string;
  handlers: Record<string, JobHandler>;
  /** Lease length; renewed every third of it while the job runs. A killed worker's job is retried after it. */
  leaseMs?: number;
  pollMs?: number;
  /** Stop when no job is due instead of waiting for more. */
  drain?: boolean;
  /** Graceful stop: no new job is claimed, the running one is asked to stop and put back in the queue. */
  signal?: AbortSignal;
  backoffMs?: number;
  log?: (msg: string) => void;
}

export interface WorkerStats {
  done: number;
  failed: number;
  requeued: number;
  lost: number;
}

/**
 * Runs jobs from the jobs table until stopped. Each job is claimed with a lease (see claimJob); the lease is
 * renewed while the handler runs; success marks it done only if this worker still owns it, so a job is never
 * recorded done twice, and a worker killed mid-job leaves a lease that expires and makes the job due again.
 */
export async function runWorker(o: WorkerOptions): Promise<WorkerStats> {
  const leaseMs = o.leaseMs ?? 60_000;
  const log = o.log ?? (() => {});
  const stats: WorkerStats = { done: 0, failed: 0, requeued: 0, lost: 0 };
  while (!o.signal?.aborted) {
    const job = await claimJob(o.backend, o.id, leaseMs);
    if (!job) {
      if (o.drain) break;
      await sleep(o.pollMs ?? 1000, o.signal);
      continue;
    }
    const handler = o.handlers[job.kind];
    const ctl = new AbortController();
    const onStop = () => ctl.abort();
    o.signal?.addEventListener('abort', onStop, { once: true });
    let lost = false;
    const beat = setInterval(() => {
      renewLease(o.backend.db, job.id, o.id, leaseMs)
        .then((ok) => {
          if (!ok && !lost) {
            lost = true;
            ctl.abort();
          }
        })
        .catch(() => {});
    }, leaseMs / 3);
    log(`job ${job.id} (${job.kind}) attempt ${job.attempts}/${job.maxAttempts}`);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job, { backend: o.backend, workerId: o.id, signal: ctl.signal, log });
      if (o.signal?.aborted) throw new Error('stopped');
      if (await completeJob(o.backend.db, job.id, o.id)) stats.done++;
      else {
        stats.lost++;
        log(`job ${job.id}: lease lost before completion, another worker owns it`);
      }
    } catch (e) {
      const stopping = o.signal?.aborted === true;
      const r = await failJob(o.backend.db, job, o.id, (e as Error).message, {
        release: stopping,
        backoffMs: o.backoffMs,
      });
      if (r === 'failed') stats.failed++;
      else if (r === 'requeued') stats.requeued++;
      else stats.lost++;
      log(`job ${job.id}: ${stopping ? 'released on stop' : `${r}: ${(e as Error).message}`}`);
    } finally {
      clearInterval(beat);
      o.signal?.removeEventListener('abort', onStop);
    }
  }
  return stats;
}
