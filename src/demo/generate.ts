import { once } from 'node:events';
import { type WriteStream, createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdRecord } from '../core/types.ts';
import { planIndependent, planNetwork } from './actors.ts';
import { planNoise, planRecruiter } from './other-actors.ts';
import { FICTION_CAPACITY } from './phone-pool.ts';
import { Rng } from './prng.ts';
import { SOURCES } from './sources.ts';
import type { DemoKind, DemoTruthLine, PlannedAd } from './types.ts';
import { World, newPersona } from './world.ts';

export interface GenerateOptions {
  /** Number of ads to generate. */
  ads: number;
  seed: number;
  /** First day of the ~6-month posting window (ISO date). Default 2026-03-01. */
  startDate?: string;
  /** Generate PNG images (default true). Off for large benchmarks. */
  images?: boolean;
  /** Testing aid: pretend fewer fiction numbers exist, to exercise the large-corpus scaling. */
  phoneLimit?: number;
}

export interface GeneratedAd {
  record: AdRecord;
  truth: DemoTruthLine;
  /** PNG files this ad references that were not yielded before (write them once, under `images/`). */
  images: { name: string; png: Uint8Array }[];
}

/** Target share of ads per kind: escort ads ≈ 76 % (60 % of them independent), recruitment 4 %, noise 20 %. */
export const KIND_SHARES: Record<DemoKind, number> = {
  independent: 0.456,
  controlled: 0.304,
  recruitment: 0.04,
  noise: 0.2,
};
const KINDS = Object.keys(KIND_SHARES) as DemoKind[];
const BLOCK_ADS = 1500;
/** Distinct phone numbers consumed per ad at scale 1 (measured on 100k-ad corpora, with a margin). */
const PHONES_PER_AD = 0.25;

/**
 * How much more each actor posts so that the corpus needs at most ~90 % of the fiction numbers:
 * 1 up to ~220k ads; at 1M ads about 4.6 (personas repost more instead of borrowing real-looking numbers).
 */
export function activityScale(ads: number, capacity = FICTION_CAPACITY): number {
  return Math.max(1, (ads * PHONES_PER_AD) / (capacity * 0.9));
}

/**
 * Streams a deterministic synthetic corpus with its ground truth. Actors (independents, networks,
 * recruiters, other sellers) are generated in blocks of ~1,500 ads, so memory stays flat at any size.
 */
export function* generateCorpus(opts: GenerateOptions): Generator<GeneratedAd> {
  const capacity = opts.phoneLimit ?? FICTION_CAPACITY;
  const w = new World(
    opts.seed,
    opts.startDate ?? '2026-03-01T00:00:00Z',
    opts.images !== false,
    activityScale(opts.ads, capacity),
    opts.phoneLimit,
  );
  const produced: Record<DemoKind, number> = { independent: 0, controlled: 0, recruitment: 0, noise: 0 };
  const ids = SOURCES.map(() => 0);
  let total = 0;
  let emitted = 0;
  const written = new Set<string>();
  for (let block = 0; emitted < opts.ads; block++) {
    const rng = Rng.derive(opts.seed, block);
    const planned: PlannedAd[] = [];
    const persona = (lang: string) => newPersona(w, rng, lang, { email: 0.12, handle: 0.25, images: [1, 4] });
    while (planned.length < BLOCK_ADS) {
      // The kind furthest below its target share goes next: proportions stay tight at any size.
      let kind: DemoKind = 'independent';
      let best = Number.NEGATIVE_INFINITY;
      for (const k of KINDS) {
        const deficit = KIND_SHARES[k] * (total + 1) - produced[k];
        if (deficit > best) {
          best = deficit;
          kind = k;
        }
      }
      const ads =
        kind === 'independent'
          ? planIndependent(w, rng, persona)
          : kind === 'controlled'
            ? planNetwork(w, rng, persona)
            : kind === 'recruitment'
              ? planRecruiter(w, rng)
              : planNoise(w, rng);
      produced[kind] += ads.length;
      total += ads.length;
      for (const a of ads) planned.push(a);
    }
    planned.sort((a, b) => a.t - b.t);
    const blockWritten = new Set<string>();
    for (const ad of planned) {
      if (emitted >= opts.ads) return;
      emitted++;
      yield emit(ad, ids, rng, blockWritten, written);
    }
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function emit(
  ad: PlannedAd,
  ids: number[],
  rng: Rng,
  blockWritten: Set<string>,
  stockWritten: Set<string>,
): GeneratedAd {
  const src = SOURCES[ad.sourceIdx]!;
  const id = src.id(++ids[ad.sourceIdx]!);
  const record: AdRecord = {
    source: src.name,
    id,
    url: src.url(id),
    title: ad.title,
    body: ad.body,
    posted_at: iso(ad.t),
    captured_at: iso(ad.t + rng.int(10, 48 * 60) * 60_000),
    category: ad.category,
  };
  if (ad.cityField !== undefined) record.city = ad.cityField;
  if (ad.phoneField !== undefined) record.phone = ad.phoneField;
  if (ad.ageField !== undefined) record.age = ad.ageField;
  const images: GeneratedAd['images'] = [];
  if (ad.images.length > 0) {
    record.images = ad.images.map((i) => `images/${i.name}`);
    for (const ref of ad.images) {
      // Persona images belong to one block; stock images are shared by all blocks.
      const seen = ref.name.startsWith('stock-') ? stockWritten : blockWritten;
      if (seen.has(ref.name)) continue;
      seen.add(ref.name);
      images.push({ name: ref.name, png: ref.make() });
    }
  }
  record.extra = src.extra(rng);
  return { record, truth: { source: src.name, id, ...ad.truth }, images };
}

export interface WrittenCorpus {
  adsFile: string;
  truthFile: string;
  count: number;
  images: number;
}

/** A record as a line of the import contract: fields outside the contract sit at the top level. */
export function recordLine(r: AdRecord): string {
  const { extra, ...known } = r;
  return JSON.stringify({ ...known, ...extra });
}

async function writeChunk(s: WriteStream, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  if (!s.write(`${lines.join('\n')}\n`)) await once(s, 'drain');
}

async function close(s: WriteStream): Promise<void> {
  s.end();
  await once(s, 'finish');
}

/**
 * Writes `ads.jsonl` (import contract, images as `images/<name>.png` relative to the file),
 * `truth.jsonl` (one line per ad, same order) and `images/` into `outDir`, streaming.
 */
export async function writeDemoCorpus(outDir: string, opts: GenerateOptions): Promise<WrittenCorpus> {
  await mkdir(outDir, { recursive: true });
  const imagesDir = join(outDir, 'images');
  if (opts.images !== false) await mkdir(imagesDir, { recursive: true });
  const adsFile = join(outDir, 'ads.jsonl');
  const truthFile = join(outDir, 'truth.jsonl');
  const ads = createWriteStream(adsFile);
  const truth = createWriteStream(truthFile);
  let count = 0;
  let images = 0;
  // Lines are written in batches: one write call per line dominated the cost of large corpora.
  let adLines: string[] = [];
  let truthLines: string[] = [];
  const flush = async () => {
    await Promise.all([writeChunk(ads, adLines), writeChunk(truth, truthLines)]);
    adLines = [];
    truthLines = [];
  };
  try {
    for (const g of generateCorpus(opts)) {
      for (const img of g.images) {
        await writeFile(join(imagesDir, img.name), img.png);
        images++;
      }
      adLines.push(recordLine(g.record));
      truthLines.push(JSON.stringify(g.truth));
      count++;
      if (adLines.length >= 1000) await flush();
    }
    await flush();
  } finally {
    await Promise.all([close(ads), close(truth)]);
  }
  return { adsFile, truthFile, count, images };
}
