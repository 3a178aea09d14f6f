import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { VigieError, isVigieError } from '../core/errors.ts';
import { canonicalContent, parseAdRecord } from '../core/record.ts';
import { foldForSearch as fold } from '../core/normalize/normalize.ts';
import type { AdContent, Analysis } from '../core/types.ts';
import {
  type AnalysedAd,
  type IncomingAd,
  type StoredImage,
  classify,
  findExisting,
  writeBatch,
} from '../store/ad-writer.ts';
import type { Backend } from '../store/database.ts';
import { HashCache, type ImageHasher, readImages } from './images.ts';
import { type StoredAnalysis, storedAnalysis } from '../pipeline/stored-analysis.ts';
import { type RawLine, expandInputs, readRecords } from './read-records.ts';

/** Turns ad contents into analyses; may run on worker threads. */
export interface Analyzer {
  analyse(contents: AdContent[]): Promise<Analysis[]>;
  /** Same analyses, already in the form the store keeps (JSON text + derived columns); optional. */
  analyseForStore?(contents: AdContent[]): Promise<StoredAnalysis[]>;
  close?(): Promise<void>;
  /** CPU time used so far by each analysis thread, in ms (null where unknown); for benchmarks. */
  threadCpuMs?(): Promise<(number | null)[]>;
}

export interface ImportProgress {
  read: number;
  stored: number;
  rejected: number;
  file: string;
  /** Bytes or records known in total, when known (for an ETA); null otherwise. */
  total: number | null;
}

export interface ImportOptions {
  backend: Backend;
  analyzer: Analyzer;
  imageHasher?: ImageHasher;
  /** Stop at the first rejected record. */
  strict?: boolean;
  batchSize?: number;
  /** Where rejected records are written (JSONL), created only when something is rejected. */
  rejectsPath?: string;
  kind?: 'import' | 'crawl';
  onProgress?: (p: ImportProgress) => void;
  onWarning?: (msg: string) => void;
  /** Called after each committed batch with the ads created or changed (linking, alerts). */
  afterBatch?: (changedAdIds: number[]) => Promise<void>;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface ImportSummary {
  files: number;
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
  rejectsPath: string | null;
  /** The first rejects, for display (at most 20). */
  firstRejects: string[];
}

/** A rejected record: where, which field, why. */
export interface Reject {
  file: string;
  line: number;
  field: string;
  reason: string;
}

/** `file:line: field: reason` — the one way a rejected record is described. */
export function describeReject(r: Reject): string {
  return `${r.file}:${r.line}: ${r.field}: ${r.reason}`;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Reads files, folders and `-` (stdin), gzip or not, JSONL or CSV, and stores every valid record. */
export async function importFiles(inputs: string[], opts: ImportOptions): Promise<ImportSummary> {
  const files = await expandInputs(inputs);
  const runner = new ImportRun(opts);
  runner.totalBytes = await plainSize(files);
  await runToEnd(runner, async () => {
    for (const f of files) await runner.consume(readRecords(f), f);
  });
  return runner.summary(files.length);
}

/**
 * Total size of the inputs when every one is a plain (not gzip, not stdin) file, for an ETA; else null.
 * Gzip is detected from content, so a `.gz` name or a gzip magic number means "unknown".
 */
async function plainSize(files: string[]): Promise<number | null> {
  let total = 0;
  for (const f of files) {
    if (f === '-' || f.endsWith('.gz')) return null;
    total += (await stat(f)).size;
  }
  return total;
}

/** Stores records that do not come from files (crawler, demo): same validation, same evidence. */
export async function importLines(lines: AsyncIterable<RawLine> | Iterable<RawLine>, opts: ImportOptions) {
  const runner = new ImportRun(opts);
  await runToEnd(runner, () => runner.consume(lines, ''));
  return runner.summary(1);
}

/**
 * Feeds a run, then commits what is left. On failure (or --strict), batches already handed over are still
 * committed before the error propagates; the batch being filled is not.
 */
async function runToEnd(runner: ImportRun, feed: () => Promise<void>): Promise<void> {
  try {
    await feed();
    await runner.flush();
    await runner.drain();
  } catch (e) {
    await runner.drain().catch(() => {});
    throw e;
  } finally {
    await runner.closeRejects();
  }
}

type Pending = IncomingAd & { baseDir: string };

class ImportRun {
  private readonly counts = { read: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 };
  private readonly firstRejects: string[] = [];
  private batch: Pending[] = [];
  private rejects: WriteStream | null = null;
  private currentFile = '';
  private inflight: Promise<void> | null = null;
  private readonly hashCache = new HashCache();
  /** Size of all inputs in bytes when known; with the bytes read so far it gives the ETA. */
  totalBytes: number | null = null;
  private bytesRead = 0;

  constructor(private readonly opts: ImportOptions) {}

  async consume(lines: AsyncIterable<RawLine> | Iterable<RawLine>, file: string) {
    this.currentFile = file;
    for await (const l of lines) {
      this.counts.read++;
      this.bytesRead += Buffer.byteLength(l.raw) + 1;
      const parsed = l.parseError ? null : parseAdRecord(l.value);
      if (parsed === null || !parsed.ok) {
        const field = parsed ? parsed.problem.field : '(line)';
        const reason = parsed ? parsed.problem.reason : (l.parseError ?? 'unreadable');
        this.reject({ file: l.file, line: l.line, field, reason }, l.raw);
        continue;
      }
      const record = parsed.record;
      this.batch.push({
        record,
        raw: l.raw,
        rawSha256: sha256(l.raw),
        contentSha256: sha256(canonicalContent(record)),
        origin: l.line > 0 ? `${l.file}:${l.line}` : l.file,
        kind: this.opts.kind ?? 'import',
        receivedAt: '',
        searchText: fold(`${record.title ?? ''}\n${record.body}`),
        baseDir: l.baseDir,
      });
      if (this.batch.length >= (this.opts.batchSize ?? 500)) await this.flush();
    }
  }

  private reject(r: Reject, raw: string) {
    this.counts.rejected++;
    const msg = describeReject(r);
    if (this.firstRejects.length < 20) this.firstRejects.push(msg);
    if (this.opts.rejectsPath) {
      if (!this.rejects) {
        mkdirSync(dirname(this.opts.rejectsPath), { recursive: true });
        this.rejects = createWriteStream(this.opts.rejectsPath, { flags: 'a' });
      }
      this.rejects.write(`${JSON.stringify({ ...r, raw })}\n`);
    }
    if (this.opts.strict) {
      throw new VigieError('invalid_record', msg, { details: { ...r } });
    }
  }

  /**
   * Hands the current batch to the pipeline: it is classified and analysed (worker threads, image decoding)
   * while the previous batch is being written, then committed in one transaction after it. Returns once
   * the previous batch is committed, so at most two batches are in memory.
   */
  async flush() {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    const now = (this.opts.now?.() ?? new Date()).toISOString();
    for (const it of batch) it.receivedAt = now;
    const prepared = this.prepare(batch, false);
    const previous = this.inflight;
    const current = (async () => {
      const analysed = await prepared;
      if (previous) await previous;
      await this.commit(batch, analysed);
    })();
    // Awaited later (next flush or drain); this only keeps Node from calling it unhandled meanwhile.
    prepared.catch(() => {});
    current.catch(() => {});
    this.inflight = current;
    if (previous) await previous;
  }

  /** Waits until every handed-over batch is committed (or throws the first failure). */
  async drain() {
    const last = this.inflight;
    this.inflight = null;
    if (last) await last;
  }

  /** Classifies a batch against the store and analyses what looks new or changed (everything if `all`). */
  private async prepare(batch: Pending[], all: boolean): Promise<Map<Pending, AnalysedAd>> {
    const existing = await findExisting(
      this.opts.backend.db,
      batch.map((i) => ({ source: i.record.source, id: i.record.id })),
    );
    const outcomes = classify(batch, existing);
    return this.analyse(batch.filter((_, i) => all || outcomes[i] !== 'unchanged'));
  }

  /** Commits a batch; a concurrent writer (or the batch before) changing an ad means analysing all again. */
  private async commit(batch: Pending[], analysedFirst: Map<Pending, AnalysedAd>) {
    let analysed = analysedFirst;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await writeBatch(
          this.opts.backend,
          batch.map((it) => analysed.get(it) ?? it),
        );
        for (const o of res.outcomes) this.counts[o]++;
        this.opts.onProgress?.({
          read: this.counts.read,
          stored: this.counts.new + this.counts.updated + this.counts.unchanged,
          rejected: this.counts.rejected,
          file: this.currentFile,
          // Records expected in all, from the bytes still to read at the average record size so far.
          total:
            this.totalBytes && this.bytesRead > 0
              ? Math.max(this.counts.read, Math.round((this.counts.read * this.totalBytes) / this.bytesRead))
              : null,
        });
        if (this.opts.afterBatch && res.changedAdIds.length > 0) await this.opts.afterBatch(res.changedAdIds);
        return;
      } catch (e) {
        if (!isVigieError(e, 'conflict') || attempt >= 3) throw e;
        analysed = await this.prepare(batch, true);
      }
    }
  }

  private async analyse(items: Pending[]): Promise<Map<Pending, AnalysedAd>> {
    const out = new Map<Pending, AnalysedAd>();
    if (items.length === 0) return out;
    // Text analysis runs on worker threads while images are decoded on libuv's pool, a few at a time.
    const images: StoredImage[][] = new Array(items.length);
    let next = 0;
    const readSome = async () => {
      while (next < items.length) {
        const i = next++;
        const it = items[i];
        images[i] = await readImages(
          it.record.images,
          it.baseDir,
          this.opts.imageHasher,
          (msg) => {
            this.counts.warnings++;
            this.opts.onWarning?.(`${it.origin}: ${msg}`);
          },
          this.hashCache,
        );
      }
    };
    const contents = items.map((i) => contentOf(i));
    const an = this.opts.analyzer;
    const [analyses] = await Promise.all([
      an.analyseForStore
        ? an.analyseForStore(contents)
        : an.analyse(contents).then((list) => list.map(storedAnalysis)),
      ...Array.from({ length: 4 }, readSome),
    ]);
    for (let i = 0; i < items.length; i++)
      out.set(items[i], { ...items[i], analysis: analyses[i], images: images[i] });
    return out;
  }

  async closeRejects(): Promise<void> {
    const r = this.rejects;
    if (r) await new Promise<void>((res) => r.end(res));
  }

  summary(files: number): ImportSummary {
    return {
      files,
      ...this.counts,
      rejectsPath: this.rejects ? (this.opts.rejectsPath ?? null) : null,
      firstRejects: this.firstRejects,
    };
  }
}

/** The fields extraction reads, from a record. */
export function contentOf(it: { record: IncomingAd['record'] }): AdContent {
  const r = it.record;
  return { title: r.title, body: r.body, phone: r.phone, city: r.city, age: r.age, category: r.category };
}
