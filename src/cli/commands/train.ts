/**
 * `vigie train --labels FILE --ads FILE.jsonl`: re-fits the scoring model from analysts' labels, prints
 * the cross-validated ROC AUC per category, then saves the new version under data/model/history/
 * (and as the active data/model/model.json with --activate).
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { analyzeAd } from '../../core/analyze.ts';
import { VigieError } from '../../core/errors.ts';
import { featuresOf } from '../../core/score/model.ts';
import { type TrainingExample, trainModel } from '../../core/score/train.ts';
import type { AdContent, Analysis } from '../../core/types.ts';
import type { Backend } from '../../store/database.ts';
import { dbOption, withStore } from '../context.ts';

const MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/model');

interface TrainCliOptions {
  db?: string;
  labels: string;
  ads?: string;
  folds: string;
  l2: string;
  epochs: string;
  modelVersion?: string;
  fixed?: string;
  out?: string;
  activate?: boolean;
  json?: boolean;
}

async function* jsonLines(path: string): AsyncGenerator<{ line: number; value: Record<string, unknown> }> {
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of rl) {
    line++;
    if (raw.trim() === '') continue;
    try {
      const v = JSON.parse(raw) as unknown;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      yield { line, value: v as Record<string, unknown> };
    } catch (e) {
      throw new VigieError('invalid_input', `${path}:${line}: ${(e as Error).message}`);
    }
  }
}

const key = (v: Record<string, unknown>) => `${String(v.source)}\u0000${String(v.id)}`;
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** Reads labels and ads, joins them on (source, id) and builds training examples. */
export async function loadExamples(
  labelsPath: string,
  adsPath: string,
): Promise<{ examples: TrainingExample[]; missing: number }> {
  const labels = new Map<string, Record<string, unknown>>();
  for await (const { line, value } of jsonLines(labelsPath)) {
    if (typeof value.source !== 'string' || typeof value.id !== 'string') {
      throw new VigieError('invalid_input', `${labelsPath}:${line}: "source" and "id" must be strings`);
    }
    labels.set(key(value), value);
  }
  const examples: TrainingExample[] = [];
  const seen = new Set<string>();
  for await (const { line, value } of jsonLines(adsPath)) {
    const l = labels.get(key(value));
    if (!l) continue;
    if (typeof value.body !== 'string')
      throw new VigieError('invalid_input', `${adsPath}:${line}: "body" must be a string`);
    const content: AdContent = { body: value.body };
    if (typeof value.title === 'string') content.title = value.title;
    if (typeof value.city === 'string') content.city = value.city;
    if (typeof value.phone === 'string') content.phone = value.phone;
    if (typeof value.age === 'number') content.age = value.age;
    seen.add(key(value));
    examples.push({ features: featuresOf(analyzeAd(content).indicators), labels: labelsOf(l) });
  }
  return { examples, missing: labels.size - seen.size };
}

/** Reads labels and joins them to the ads stored in the database (their stored analyses' indicators). */
export async function loadExamplesFromStore(
  b: Backend,
  labelsPath: string,
): Promise<{ examples: TrainingExample[]; missing: number }> {
  const labels: Record<string, unknown>[] = [];
  for await (const { line, value } of jsonLines(labelsPath)) {
    if (typeof value.source !== 'string' || typeof value.id !== 'string') {
      throw new VigieError('invalid_input', `${labelsPath}:${line}: "source" and "id" must be strings`);
    }
    labels.push(value);
  }
  const examples: TrainingExample[] = [];
  let missing = 0;
  for (let i = 0; i < labels.length; i += 500) {
    const chunk = labels.slice(i, i + 500);
    const found = new Map<string, string | null>();
    for (const source of new Set(chunk.map((l) => String(l.source)))) {
      const rows = await b.db
        .selectFrom('ads')
        .select(['source', 'source_id', 'analysis'])
        .where('source', '=', source)
        .where(
          'source_id',
          'in',
          chunk.filter((l) => l.source === source).map((l) => String(l.id)),
        )
        .execute();
      for (const r of rows) found.set(`${r.source}\u0000${r.source_id}`, r.analysis);
    }
    for (const l of chunk) {
      const analysis = found.get(key(l));
      if (!analysis) {
        missing++;
        continue;
      }
      examples.push({
        features: featuresOf((JSON.parse(analysis) as Analysis).indicators),
        labels: labelsOf(l),
      });
    }
  }
  return { examples, missing };
}

function labelsOf(l: Record<string, unknown>): TrainingExample['labels'] {
  const out: TrainingExample['labels'] = {};
  const minor = bool(l.minor);
  const control = bool(l.controlled ?? l.control);
  const recruitment = bool(l.recruitment);
  if (minor !== undefined) out.minor = minor;
  if (control !== undefined) out.control = control;
  if (recruitment !== undefined) out.recruitment = recruitment;
  return out;
}

/** Registers `vigie train`. */
export function register(program: Command): void {
  dbOption(
    program
      .command('train')
      .description(
        're-fit the scoring model from labels; reports cross-validated AUC, then saves a new model version',
      )
      .requiredOption('--labels <file>', 'labels JSONL: {"source","id","minor","controlled","recruitment"}')
      .option(
        '--ads <file>',
        'ad records JSONL (import format) to join the labels to (default: the database)',
      )
      .option('--folds <k>', 'cross-validation folds', '5')
      .option('--l2 <lambda>', 'pull towards the prior weights', '1')
      .option('--epochs <n>', 'gradient descent epochs', '400')
      .option('--model-version <v>', 'version of the new model (default: trained-<timestamp>)')
      .option(
        '--fixed <codes>',
        'indicator codes kept at their prior weight, comma-separated; "movement.*" for a family',
        'movement.*',
      )
      .option('--out <file>', 'where to save (default data/model/history/model-<version>.json)')
      .option('--activate', 'also make it the active model (data/model/model.json)')
      .option('--json', 'print the result as JSON'),
  ).action(async (opts: TrainCliOptions) => {
    const ads = opts.ads;
    const { examples, missing } = ads
      ? await loadExamples(opts.labels, ads)
      : await withStore(opts, (b) => loadExamplesFromStore(b, opts.labels));
    if (examples.length === 0)
      throw new VigieError('invalid_input', 'no label matched an ad on (source, id)');
    const now = new Date();
    const version = opts.modelVersion ?? `trained-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
    const r = trainModel(examples, {
      folds: Number(opts.folds),
      l2: Number(opts.l2),
      epochs: Number(opts.epochs),
      version,
      fixed: (opts.fixed ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      created: now.toISOString().slice(0, 10),
      source: opts.labels,
    });
    const out = opts.out ?? join(MODEL_DIR, 'history', `model-${version}.json`);
    mkdirSync(dirname(out), { recursive: true });
    const text = `${JSON.stringify(r.model, null, 2)}\n`;
    writeFileSync(out, text);
    if (opts.activate) writeFileSync(join(MODEL_DIR, 'model.json'), text);
    if (opts.json) {
      process.stdout.write(
        `${JSON.stringify({ version, examples: examples.length, unmatchedLabels: missing, cvAuc: r.cvAuc, counts: r.counts, saved: out, active: Boolean(opts.activate) })}\n`,
      );
      return;
    }
    process.stdout.write(`trained on ${examples.length} labelled ads (${missing} labels without an ad)\n`);
    for (const [cat, auc] of Object.entries(r.cvAuc)) {
      const c = r.counts[cat as keyof typeof r.counts];
      process.stdout.write(
        `  ${cat.padEnd(12)} CV AUC ${auc === null ? 'n/a (one class only)' : auc.toFixed(4)}  (${c.positives}/${c.examples} positive)\n`,
      );
    }
    process.stdout.write(
      `saved model ${version} to ${out}${opts.activate ? ' and activated it' : ' (not active: use --activate)'}\n`,
    );
  });
}
