import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AdContent, Analysis } from '../core/types.ts';
import type { Analyzer } from '../import/import-runner.ts';
import { loadAnalyzeFn } from './analyze-fn.ts';

type Reply = { id: number; analyses?: Analysis[]; error?: string; ready?: boolean; cpuMs?: number | null };

/**
 * An analyzer that spreads each batch over worker threads (one per core by default). With `threads: 0` it
 * analyses on the calling thread (tests, tiny imports).
 */
export async function createAnalyzer(opts: { threads?: number } = {}): Promise<Analyzer> {
  const threads = opts.threads ?? Math.max(1, Math.min(availableParallelism(), 4));
  if (threads === 0) {
    const fn = await loadAnalyzeFn();
    return { analyse: async (contents) => contents.map((c) => fn(c)) };
  }
  const workers = await Promise.all(
    Array.from({ length: threads }, async () => {
      const w = new Worker(new URL('./analyze-worker.mjs', import.meta.url));
      await new Promise<void>((res, rej) => {
        const onMsg = (m: Reply) => {
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
  const call = (w: Worker, contents: AdContent[]) =>
    new Promise<Analysis[]>((res, rej) => {
      const id = next++;
      const onMsg = (m: Reply) => {
        if (m.id !== id) return;
        w.off('message', onMsg);
        w.off('error', rej);
        if (m.error) rej(new Error(`analysis failed in worker: ${m.error}`));
        else res(m.analyses ?? []);
      };
      w.on('message', onMsg);
      w.once('error', rej);
      w.postMessage({ id, contents });
    });
  return {
    async analyse(contents) {
      if (contents.length === 0) return [];
      const per = Math.ceil(contents.length / workers.length);
      const parts = await Promise.all(
        workers.map((w, i) => {
          const slice = contents.slice(i * per, (i + 1) * per);
          return slice.length > 0 ? call(w, slice) : Promise.resolve([]);
        }),
      );
      return parts.flat();
    },
    threadCpuMs() {
      return Promise.all(
        workers.map(
          (w) =>
            new Promise<number | null>((res, rej) => {
              const id = next++;
              const onMsg = (m: Reply) => {
                if (m.id !== id) return;
                w.off('message', onMsg);
                res(m.cpuMs ?? null);
              };
              w.on('message', onMsg);
              w.once('error', rej);
              w.postMessage({ id, cpu: true });
            }),
        ),
      );
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
