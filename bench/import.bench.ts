/**
 * Import throughput and peak memory: 100k generated ads (no images) imported into a fresh SQLite file and a
 * fresh PostgreSQL schema, with the real analysis on worker threads. Prints JSON.
 * BENCH_ADS overrides the count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeDemoCorpus } from '../src/demo/generate.ts';
import { importFiles } from '../src/import/import-runner.ts';
import { createAnalyzer } from '../src/pipeline/analyzer-pool.ts';
import { openStore } from '../src/store/open.ts';
import { TEST_PG_URL } from '../src/store/test-backends.ts';

const ads = Number(process.env.BENCH_ADS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
const t0 = performance.now();
const corpus = await writeDemoCorpus(join(dir, 'corpus'), { ads, seed: 7, images: false });
const generateSeconds = (performance.now() - t0) / 1000;

async function run(url: string) {
  const b = await openStore(url);
  const analyzer = await createAnalyzer();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const s = await importFiles([corpus.adsFile], { backend: b, analyzer, batchSize: 1000 });
  const seconds = (performance.now() - start) / 1000;
  await analyzer.close?.();
  await b.close();
  return {
    ads: s.new,
    seconds: Number(seconds.toFixed(2)),
    ads_per_s: Math.round(s.new / seconds),
    rss_before_mb: Math.round(rssBefore / 2 ** 20),
    peak_rss_mb_so_far: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const result: Record<string, unknown> = { ads, generate_seconds: Number(generateSeconds.toFixed(2)) };
result.sqlite = await run(join(dir, 'bench.db'));
const schema = `bench_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: TEST_PG_URL });
try {
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(TEST_PG_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  result.postgres = await run(u.toString());
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
} catch (e) {
  result.postgres = { error: (e as Error).message };
} finally {
  await admin.end().catch(() => {});
}
result.note = 'peak RSS is of the whole bench process (main thread + analysis workers), after each backend';
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
