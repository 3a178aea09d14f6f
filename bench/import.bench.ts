/**
 * Import throughput and peak memory: 100k generated ads (no images) imported into a fresh SQLite file and a
 * fresh PostgreSQL schema, with the real analysis on worker threads. Prints JSON.
 * BENCH_ADS overrides the count; BENCH_BACKENDS=sqlite (or postgres) runs one backend only.
 * CPU figures are per OS thread (Linux /proc), so they stay meaningful when the machine is loaded:
 * `main_cpu_us_per_ad` is the import's main thread, `workers_cpu_us_per_ad` the analysis threads together.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoCorpus } from '../src/demo/generate.ts';
import { importFiles } from '../src/import/import-runner.ts';
import { createAnalyzer } from '../src/pipeline/analyzer-pool.ts';
import { threadCpuMs } from '../src/pipeline/thread-cpu.ts';
import { openStore } from '../src/store/open.ts';
import { inScratchPgSchema } from '../src/store/test-backends.ts';

const ads = Number(process.env.BENCH_ADS ?? 100_000);
const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');
const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
const t0 = performance.now();
const corpus = await writeDemoCorpus(join(dir, 'corpus'), { ads, seed: 7, images: false });
const generateSeconds = (performance.now() - t0) / 1000;

const sum = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);

async function run(url: string) {
  const b = await openStore(url);
  const analyzer = await createAnalyzer();
  const rssBefore = process.memoryUsage().rss;
  const workersBefore = sum((await analyzer.threadCpuMs?.()) ?? []);
  const mainBefore = threadCpuMs() ?? 0;
  const processBefore = process.cpuUsage();
  const start = performance.now();
  const s = await importFiles([corpus.adsFile], { backend: b, analyzer, batchSize: 1000 });
  const seconds = (performance.now() - start) / 1000;
  const mainMs = (threadCpuMs() ?? 0) - mainBefore;
  const processCpu = process.cpuUsage(processBefore);
  const workersMs = sum((await analyzer.threadCpuMs?.()) ?? []) - workersBefore;
  await analyzer.close?.();
  await b.close();
  const perAd = (ms: number) => Math.round((ms * 1000) / Math.max(1, s.new));
  return {
    ads: s.new,
    seconds: Number(seconds.toFixed(2)),
    ads_per_s: Math.round(s.new / seconds),
    main_cpu_us_per_ad: perAd(mainMs),
    workers_cpu_us_per_ad: perAd(workersMs),
    process_cpu_us_per_ad: perAd((processCpu.user + processCpu.system) / 1000),
    loadavg_1m: Number(loadavg()[0].toFixed(1)),
    rss_before_mb: Math.round(rssBefore / 2 ** 20),
    peak_rss_mb_so_far: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const result: Record<string, unknown> = { ads, generate_seconds: Number(generateSeconds.toFixed(2)) };
if (backends.includes('sqlite')) result.sqlite = await run(join(dir, 'bench.db'));
if (backends.includes('postgres')) result.postgres = await inScratchPgSchema('bench', run);
result.note =
  'peak RSS is of the whole bench process (main thread + analysis workers), after each backend; CPU µs/ad per OS thread';
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
