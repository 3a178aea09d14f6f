/**
 * Linking benchmark, on SQLite and PostgreSQL: a fresh store is filled with N generated ads (demo
 * generator, no images; rows and identifiers written through the backend's bulk insert, since extraction
 * is measured by the import bench), then, each phase in its own process so peak RSS is per phase:
 *  - rebuild: `rebuildLinks` over all N ads (time, peak RSS, links, clusters, time per stage);
 *  - incremental: 300 more ads stored and linked one at a time with `linkNewAds` (p50/p95/max ms per ad),
 *    twice: `cold` (the first 300 calls of a fresh process on the store the rebuild just wrote: V8 has
 *    not optimised the code yet, SQLite's page cache is empty, the OS cache is as it happens to be), then
 *    `steady` (300 further ads in the same process, after the SQLite file has been read once so it sits
 *    in the OS page cache: a server that has been running; PostgreSQL keeps its own buffers).
 * BENCH_LINK_ADS overrides N (default 100,000); BENCH_BACKENDS=sqlite (or postgres) runs one backend.
 * Prints JSON.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GeneratedAd, generateCorpus } from '../src/demo/generate.ts';
import { linkNewAds } from '../src/link/incremental.ts';
import { rebuildLinks } from '../src/link/rebuild.ts';
import type { Backend } from '../src/store/database.ts';
import { openStore } from '../src/store/open.ts';
import { inScratchPgSchema } from '../src/store/test-backends.ts';

/** Ads linked one at a time, per incremental measurement. */
const EXTRA = 300;
const RUNS = ['cold', 'steady'] as const;
const SEED = 11;
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const AD_COLUMNS = [
  'source',
  'source_id',
  'version',
  'content_sha256',
  'title',
  'body',
  'url',
  'posted_at',
  'captured_at',
  'first_seen',
  'last_seen',
  'city_name',
  'category',
  'search_text',
];

/** Stores the generated ads and their true identifiers; returns their ids in order. */
async function insertAds(b: Backend, ads: GeneratedAd[]): Promise<number[]> {
  return b.db.transaction().execute(async (trx) => {
    const rows = ads.map((g) => {
      const r = g.record;
      const seen = r.posted_at ?? '2026-03-01T00:00:00Z';
      const sha = createHash('sha256').update(`${r.source}|${r.id}|${r.body}`).digest('hex');
      return [
        r.source,
        String(r.id),
        1,
        sha,
        r.title ?? null,
        r.body,
        r.url ?? null,
        seen,
        r.captured_at ?? null,
        seen,
        seen,
        g.truth.city,
        r.category ?? null,
        '',
      ];
    });
    const created = await b.bulk.insert(trx, 'ads', AD_COLUMNS, rows, {
      returning: ['id', 'source', 'source_id'],
    });
    const idOf = new Map(created.map((r) => [`${r.source}|${r.source_id}`, Number(r.id)]));
    const ids = ads.map((g) => idOf.get(`${g.record.source}|${g.record.id}`)!);
    const ident: unknown[][] = [];
    ads.forEach((g, k) => {
      const values = new Set([
        ...g.truth.phones.map((p) => `phone\u0000${p}`),
        ...g.truth.emails.map((e) => `email\u0000${e.toLowerCase()}`),
        ...g.truth.handles.map((h) => `handle\u0000${h.platform}:${h.handle.toLowerCase()}`),
      ]);
      for (const v of values) ident.push([ids[k], ...v.split('\u0000')]);
    });
    await b.bulk.insert(trx, 'ad_identifiers', ['ad_id', 'kind', 'value'], ident);
    return ids;
  });
}

async function populate(url: string, n: number) {
  const b = await openStore(url);
  const t0 = performance.now();
  let batch: GeneratedAd[] = [];
  let count = 0;
  for (const g of generateCorpus({ ads: n + EXTRA * RUNS.length, seed: SEED, images: false })) {
    if (count++ >= n) break;
    batch.push(g);
    if (batch.length === 5000) {
      await insertAds(b, batch);
      batch = [];
    }
  }
  await insertAds(b, batch);
  await b.close();
  return { seconds: Number(((performance.now() - t0) / 1000).toFixed(1)) };
}

async function rebuild(url: string) {
  const b = await openStore(url);
  const t0 = performance.now();
  const r = await rebuildLinks(b);
  const seconds = (performance.now() - t0) / 1000;
  await b.close();
  return {
    seconds: Number(seconds.toFixed(1)),
    peak_rss_mb: peakMb(),
    links: r.links,
    clusters: r.clusters,
    clustered_ads: r.clusteredAds,
    suppressed: r.suppressed,
    stage_ms: r.timings,
    loadavg_1m: Number(loadavg()[0].toFixed(1)),
  };
}

/** Reads a file once, so the OS keeps it in its page cache (what a running server's store looks like). */
function warmFile(path: string) {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(4 << 20);
  try {
    while (readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

async function linkOneByOne(b: Backend, ads: GeneratedAd[]) {
  const times: number[] = [];
  const stages: Record<string, number> = {};
  let linked = 0;
  for (const g of ads) {
    const [id] = await insertAds(b, [g]);
    const t0 = performance.now();
    const r = await linkNewAds(b, [id!]);
    times.push(performance.now() - t0);
    for (const [k, ms] of Object.entries(r.timings)) stages[k] = (stages[k] ?? 0) + ms;
    if (r.events.length > 0) linked++;
  }
  times.sort((x, y) => x - y);
  const q = (p: number) =>
    Number(times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1));
  return {
    ads: ads.length,
    linked_to_a_network: linked,
    p50_ms: q(0.5),
    p95_ms: q(0.95),
    max_ms: q(1),
    mean_stage_ms: Object.fromEntries(
      Object.entries(stages).map(([k, ms]) => [k, Number((ms / ads.length).toFixed(2))]),
    ),
  };
}

async function incremental(url: string, n: number) {
  const extra: GeneratedAd[] = [];
  let count = 0;
  for (const g of generateCorpus({ ads: n + EXTRA * RUNS.length, seed: SEED, images: false })) {
    if (count++ >= n) extra.push(g);
  }
  const b = await openStore(url);
  const out: Record<string, unknown> = {};
  for (const [k, run] of RUNS.entries()) {
    if (run === 'steady' && b.name === 'sqlite') warmFile(url);
    out[run] = await linkOneByOne(b, extra.slice(k * EXTRA, (k + 1) * EXTRA));
  }
  await b.close();
  return { ...out, peak_rss_mb: peakMb(), loadavg_1m: Number(loadavg()[0].toFixed(1)) };
}

const phase = args.get('phase');
if (phase) {
  const url = args.get('url')!;
  const n = Number(args.get('n'));
  const out =
    phase === 'populate'
      ? await populate(url, n)
      : phase === 'rebuild'
        ? await rebuild(url)
        : await incremental(url, n);
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  const n = Number(process.env.BENCH_LINK_ADS ?? 100_000);
  const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');
  const self = fileURLToPath(import.meta.url);
  const runner = join(dirname(self), '..', 'bin', 'run-ts.mjs');
  const run = (p: string, url: string) => {
    const r = spawnSync(process.execPath, [runner, self, '--phase', p, '--url', url, '--n', String(n)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = r.stdout.trim().split('\n');
    try {
      return JSON.parse(lines[lines.length - 1]!);
    } catch {
      return { error: `exit ${r.status}`, output: r.stdout.slice(-1000) };
    }
  };
  const phases = (url: string) => ({
    populate: run('populate', url),
    rebuild: run('rebuild', url),
    incremental: run('incremental', url),
  });
  const result: Record<string, unknown> = { ads: n };
  if (backends.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-link-bench-'));
    result.sqlite = phases(join(dir, 'link.db'));
    rmSync(dir, { recursive: true, force: true });
  }
  if (backends.includes('postgres')) result.postgres = await inScratchPgSchema('bench_link', phases);
  result.note =
    'ads written directly (no extraction, no images); incremental = one ad per linkNewAds call after the rebuild';
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
