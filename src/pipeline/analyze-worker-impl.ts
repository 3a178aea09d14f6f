import { parentPort } from 'node:worker_threads';
import type { WorkerRequest } from './analyzer-pool.ts';
import { loadAnalyzeFn } from './analyze-fn.ts';
import { storedAnalysis } from './stored-analysis.ts';
import { threadCpuMs } from './thread-cpu.ts';

const analyze = await loadAnalyzeFn();
parentPort?.on('message', (msg: WorkerRequest) => {
  try {
    let result: unknown;
    if (msg.op === 'cpu') result = threadCpuMs();
    else if (msg.op === 'store') result = msg.contents.map((c) => storedAnalysis(analyze(c)));
    else result = msg.contents.map((c) => analyze(c));
    parentPort?.postMessage({ id: msg.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});
parentPort?.postMessage({ ready: true });
