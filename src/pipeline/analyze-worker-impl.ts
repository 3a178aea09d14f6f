import { parentPort } from 'node:worker_threads';
import type { AdContent } from '../core/types.ts';
import { loadAnalyzeFn } from './analyze-fn.ts';
import { threadCpuMs } from './thread-cpu.ts';

const analyze = await loadAnalyzeFn();
parentPort?.on('message', (msg: { id: number; contents?: AdContent[]; cpu?: boolean }) => {
  if (msg.cpu) {
    parentPort?.postMessage({ id: msg.id, cpuMs: threadCpuMs() });
    return;
  }
  try {
    parentPort?.postMessage({ id: msg.id, analyses: (msg.contents ?? []).map((c) => analyze(c)) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});
parentPort?.postMessage({ ready: true });
