/**
 * Linking benchmark: a SQLite store is filled with N generated ads (demo generator, no images; rows and
 * identifiers written directly, since extraction is measured by the import bench), then, each phase in
 * its own process so peak RSS is per phase:
 *  - rebuild: `rebuildLinks` over all N ads (time, peak RSS, links, clusters);
 *  - incremental: 300 more ads stored and linked one at a time with `linkNewAds` (p50/p95/max ms per ad).
 * BENCH_LINK_ADS overrides N (default 100,000). Prints JSON.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type GeneratedAd, generateCorpus } from '../src/demo/generate.ts';
import { linkNewAds } from '../src/link/incremental.ts';
import { rebuildLinks } from '../src/link/rebuild.ts';
import { openStore } from '../src/store/open.ts';

const EXTRA = 300;
const SEED = 11;
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function insertAds(db: Database.Database, ads: GeneratedAd[]): number[] {
  const ad = db.prepare(
    `INSERT INTO ads (source, source_id, version, content_sha256, title, body, url, posted_at, captured_at, first_seen,
      last_seen, city_name, category, search_text) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
  );
  const ident = db.prepare('INSERT OR IGNORE INTO ad_identifiers (ad_id, kind, value) VALUES (?, ?, ?)');
  const ids: number[] = [];
  db.transaction(() => {
    for (const g of ads) {
      const r = g.record;
      const seen = r.posted_at ?? '2026-03-01T00:00:00Z';
      const sha = createHash('sha256').update(`${r.source}|${r.id}|${r.body}`).digest('hex');
      const res = ad.run(
        r.source,
        r.id,
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
      );
      const id = Number(res.lastInsertRowid);
      ids.push(id);
      for (const p of g.truth.phones) ident.run(id, 'phone', p);
      for (const e of g.truth.emails) ident.run(id, 'email', e.toLowerCase());
      for (const h of g.truth.handles) ident.run(id, 'handle', `${h.platform}:${h.handle.toLowerCase()}`);
    }
  })();
  return ids;
}

async function populate(path: string, n: number) {
  const b = await openStore(path);
  await b.close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const t0 = performance.now();
  let batch: GeneratedAd[] = [];
  let count = 0;
  for (const g of generateCorpus({ ads: n + EXTRA, seed: SEED, images: false })) {
    if (count++ >= n) break;
    batch.push(g);
    if (batch.length === 5000) {
      insertAds(db, batch);
      batch = [];
    }
  }
  insertAds(db, batch);
  db.close();
  return { seconds: Number(((performance.now() - t0) / 1000).toFixed(1)) };
}

async function rebuild(path: string) {
  const b = await openStore(path);
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
  };
}

async function incremental(path: string, n: number) {
  const extra: GeneratedAd[] = [];
  let count = 0;
  for (const g of generateCorpus({ ads: n + EXTRA, seed: SEED, images: false })) {
    if (count++ >= n) extra.push(g);
  }
  const b = await openStore(path);
  const raw = new Database(path);
  const times: number[] = [];
  let linked = 0;
  for (const g of extra) {
    const [id] = insertAds(raw, [g]);
    const t0 = performance.now();
    const r = await linkNewAds(b, [id!]);
    times.push(performance.now() - t0);
    if (r.events.length > 0) linked++;
  }
  raw.close();
  await b.close();
  times.sort((x, y) => x - y);
  const q = (p: number) =>
    Number(times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1));
  return {
    ads: extra.length,
    linked_to_a_network: linked,
    p50_ms: q(0.5),
    p95_ms: q(0.95),
    max_ms: q(1),
    peak_rss_mb: peakMb(),
  };
}

const phase = args.get('phase');
if (phase) {
  const path = args.get('db')!;
  const n = Number(args.get('n'));
  const out =
    phase === 'populate'
      ? await populate(path, n)
      : phase === 'rebuild'
        ? await rebuild(path)
        : await incremental(path, n);
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  const n = Number(process.env.BENCH_LINK_ADS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-link-bench-'));
  const db = join(dir, 'link.db');
  const self = fileURLToPath(import.meta.url);
  const runner = join(dirname(self), '..', 'bin', 'run-ts.mjs');
  const run = (p: string) => {
    const r = spawnSync(process.execPath, [runner, self, '--phase', p, '--db', db, '--n', String(n)], {
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
  const result = {
    backend: 'sqlite',
    ads: n,
    populate: run('populate'),
    rebuild: run('rebuild'),
    incremental: run('incremental'),
    note: 'ads written directly (no extraction, no images); incremental = one ad per linkNewAds call after the rebuild',
  };
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
