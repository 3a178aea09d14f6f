import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AdContent, Analysis } from '../core/types.ts';
import type { Analyzer } from '../import/import-runner.ts';
import { loadAnalyzeFn } from './analyze-fn.ts';
import { type StoredAnalysis, storedAnalysis } from './stored-analysis.ts';

/** A request to a worker: analyse contents (as analyses, or in stored form), or report its CPU time. */
export type WorkerRequest = { id: number } & (
  | { op: 'analyse'; contents: AdContent[] }
  | { op: 'store'; contents: AdContent[] }
  | { op: 'cpu' }
);
export type WorkerReply = { id: number; result?: unknown; error?: string; ready?: boolean };

/**
 * An analyzer that spreads each batch over worker threads (one per core by default). With `threads: 0` it
 * analyses on the calling thread (tests, tiny imports).
 */
export async function createAnalyzer(opts: { threads?: number } = {}): Promise<Analyzer> {
  const threads = opts.threads ?? Math.max(1, Math.min(availableParallelism(), 4));
  if (threads === 0) {
    const fn = await loadAnalyzeFn();
    return {
      analyse: async (contents) => contents.map((c) => fn(c)),
      analyseForStore: async (contents) => contents.map((c) => storedAnalysis(fn(c))),
    };
  }
  const workers = await Promise.all(
    Array.from({ length: threads }, async () => {
      const w = new Worker(new URL('./analyze-worker.mjs', import.meta.url));
      await new Promise<void>((res, rej) => {
        const onMsg = (m: WorkerReply) => {
          if (m.ready) {
            w.off('message', onMsg);
            res();
          }
        };
        w.on('message', onMsg);
        w.once('error', rej);
      });
      return w;
    }),
  );
  let next = 0;
  const call = <T>(w: Worker, req: WorkerRequest) =>
    new Promise<T>((res, rej) => {
      const onMsg = (m: WorkerReply) => {
        if (m.id !== req.id) return;
        w.off('message', onMsg);
        w.off('error', rej);
        if (m.error) rej(new Error(`analysis failed in worker: ${m.error}`));
        else res(m.result as T);
      };
      w.on('message', onMsg);
      w.once('error', rej);
      w.postMessage(req);
    });
  const spread = async <T>(op: 'analyse' | 'store', contents: AdContent[]): Promise<T[]> => {
    if (contents.length === 0) return [];
    const per = Math.ceil(contents.length / workers.length);
    const parts = await Promise.all(
      workers.map((w, i) => {
        const slice = contents.slice(i * per, (i + 1) * per);
        return slice.length > 0 ? call<T[]>(w, { id: next++, op, contents: slice }) : Promise.resolve([]);
      }),
    );
    return parts.flat();
  };
  return {
    analyse: (contents) => spread<Analysis>('analyse', contents),
    analyseForStore: (contents) => spread<StoredAnalysis>('store', contents),
    threadCpuMs: () => Promise.all(workers.map((w) => call<number | null>(w, { id: next++, op: 'cpu' }))),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
