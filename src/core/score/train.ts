/**
 * Re-fits the scoring model from analysts' labels: one logistic regression per category by plain
 * full-batch gradient descent over binary indicator features, with an L2 penalty that pulls each weight
 * towards its evidence prior (the current model) rather than towards zero, so that a few hundred labels
 * refine the published evidence instead of erasing it. k-fold cross-validated ROC AUC is reported for
 * each category before the final fit on all examples.
 */
import { VigieError } from '../errors.ts';
import { DEFAULT_MODEL, SCORE_CATEGORIES, type ScoreCategory, type ScoringModel, sigmoid } from './model.ts';
import { mulberry32 } from '../prng.ts';

export interface TrainingExample {
  /** Indicator codes present in the ad (binary features). */
  features: Iterable<string>;
  /** Known labels; a missing category means "not labelled" for that category. */
  labels: Partial<Record<ScoreCategory, boolean>>;
}

export interface TrainOptions {
  /** Strength of the pull towards the prior weights (default 1). */
  l2?: number;
  learningRate?: number;
  epochs?: number;
  /** Folds for cross-validation (default 5; 0 or 1 = no CV). */
  folds?: number;
  seed?: number;
  /** Version string of the new model. */
  version?: string;
  /** Priors and starting point (default: the shipped model). */
  base?: ScoringModel;
  /** A code seen in fewer examples than this keeps its prior weight (default 3). */
  minCount?: number;
  /**
   * Codes whose weight stays at its prior in every category ("movement.*" ends with * for a prefix): for
   * evidence that labels from one source should not overturn, e.g. NIJ 2024's movement words.
   */
  fixed?: Iterable<string>;
  source?: string;
  /** Creation date to record (ISO), given by the caller: core reads no clock. */
  created?: string;
}

export interface TrainResult {
  model: ScoringModel;
  /** Cross-validated ROC AUC per category, null when a category lacks positives or negatives. */
  cvAuc: Record<ScoreCategory, number | null>;
  counts: Record<ScoreCategory, { examples: number; positives: number }>;
}

/** ROC AUC by the rank-sum formula (ties get half credit). Null without both classes. */
export function rocAuc(scores: number[], labels: boolean[]): number | null {
  const idx = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j < idx.length && idx[j]![0] === idx[i]![0]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (idx[k]![1]) {
        pos++;
        rankSum += avgRank;
      } else neg++;
    }
    i = j;
  }
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

interface Fit {
  bias: number;
  w: Float64Array;
}

/** True when `code` is listed in `fixed` (exactly, or by a "prefix*" entry). */
export function isFixed(code: string, fixed: readonly string[]): boolean {
  return fixed.some((f) => (f.endsWith('*') ? code.startsWith(f.slice(0, -1)) : code === f));
}

/** Gradient descent on mean log-loss + (l2 / n) · Σ (w - prior)²; weights flagged in `frozen` stay put. */
function fit(
  rows: Int32Array[],
  y: Uint8Array,
  prior: Float64Array,
  priorBias: number,
  opts: Required<Pick<TrainOptions, 'l2' | 'learningRate' | 'epochs'>>,
  frozen: Uint8Array = new Uint8Array(prior.length),
): Fit {
  const n = rows.length;
  const w = Float64Array.from(prior);
  let bias = priorBias;
  const grad = new Float64Array(w.length);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    grad.fill(0);
    let gb = 0;
    for (let r = 0; r < n; r++) {
      const row = rows[r]!;
      let z = bias;
      for (let k = 0; k < row.length; k++) z += w[row[k]!]!;
      const err = sigmoid(z) - y[r]!;
      gb += err;
      for (let k = 0; k < row.length; k++) grad[row[k]!]! += err;
    }
    bias -= (opts.learningRate * gb) / n;
    for (let j = 0; j < w.length; j++) {
      if (frozen[j]) continue;
      const g = grad[j]! / n + (2 * opts.l2 * (w[j]! - prior[j]!)) / n;
      w[j] = w[j]! - opts.learningRate * g;
    }
  }
  return { bias, w };
}

/** Trains a new model from labelled examples; see the module comment for the method. */
export function trainModel(examples: TrainingExample[], opts: TrainOptions = {}): TrainResult {
  if (examples.length === 0) throw new VigieError('invalid_input', 'no labelled examples to train on');
  const base = opts.base ?? DEFAULT_MODEL;
  const o = { l2: opts.l2 ?? 1, learningRate: opts.learningRate ?? 0.5, epochs: opts.epochs ?? 400 };
  const folds = opts.folds ?? 5;
  const minCount = opts.minCount ?? 3;
  const fixed = [...(opts.fixed ?? [])];
  const feats = examples.map((e) => [...new Set(e.features)]);
  const freq = new Map<string, number>();
  for (const f of feats) for (const c of f) freq.set(c, (freq.get(c) ?? 0) + 1);

  const model: ScoringModel = {
    version: opts.version ?? `${base.version}-trained`,
    created: opts.created,
    description: `Re-fitted from ${examples.length} labelled ads by vigie train (logistic regression, L2 towards the priors of ${base.version}).`,
    trainedOn: null,
    categories: structuredClone(base.categories),
  };
  const cvAuc = {} as Record<ScoreCategory, number | null>;
  const counts = {} as TrainResult['counts'];
  const rand = mulberry32(opts.seed ?? 1);

  for (const cat of SCORE_CATEGORIES) {
    const baseCat = base.categories[cat];
    const codes = [...new Set([...Object.keys(baseCat.weights), ...freq.keys()])].filter(
      (c) => (freq.get(c) ?? 0) >= minCount,
    );
    const col = new Map(codes.map((c, i) => [c, i]));
    const prior = Float64Array.from(codes.map((c) => baseCat.weights[c] ?? 0));
    const frozen = Uint8Array.from(codes.map((c) => (isFixed(c, fixed) ? 1 : 0)));
    const rows: Int32Array[] = [];
    const ys: number[] = [];
    examples.forEach((e, i) => {
      const l = e.labels[cat];
      if (l === undefined) return;
      rows.push(Int32Array.from(feats[i]!.filter((c) => col.has(c)).map((c) => col.get(c)!)));
      ys.push(l ? 1 : 0);
    });
    const y = Uint8Array.from(ys);
    const positives = ys.filter((v) => v === 1).length;
    counts[cat] = { examples: rows.length, positives };
    if (positives === 0 || positives === rows.length) {
      cvAuc[cat] = null;
      continue;
    }
    // Cross-validation: out-of-fold predictions pooled into one AUC.
    if (folds >= 2 && rows.length >= folds) {
      const order = rows.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const foldOf = new Int32Array(rows.length);
      order.forEach((r, k) => {
        foldOf[r] = k % folds;
      });
      const pred = new Array<number>(rows.length).fill(0);
      for (let f = 0; f < folds; f++) {
        const trainIdx = order.filter((r) => foldOf[r] !== f);
        const m = fit(
          trainIdx.map((r) => rows[r]!),
          Uint8Array.from(trainIdx.map((r) => y[r]!)),
          prior,
          baseCat.bias,
          o,
          frozen,
        );
        for (const r of order) {
          if (foldOf[r] !== f) continue;
          let z = m.bias;
          for (const k of rows[r]!) z += m.w[k]!;
          pred[r] = sigmoid(z);
        }
      }
      cvAuc[cat] = rocAuc(
        pred,
        [...y].map((v) => v === 1),
      );
    } else cvAuc[cat] = null;
    const final = fit(rows, y, prior, baseCat.bias, o, frozen);
    const weights: Record<string, number> = { ...baseCat.weights };
    codes.forEach((c, i) => {
      weights[c] = Math.round(final.w[i]! * 1000) / 1000;
    });
    model.categories[cat] = { bias: Math.round(final.bias * 1000) / 1000, weights };
  }
  model.trainedOn = {
    examples: examples.length,
    positives: Object.fromEntries(SCORE_CATEGORIES.map((c) => [c, counts[c].positives])),
    cvAuc: Object.fromEntries(
      SCORE_CATEGORIES.map((c) => [c, cvAuc[c] === null ? null : Math.round(cvAuc[c]! * 10000) / 10000]),
    ),
    folds,
    l2: o.l2,
    source: opts.source,
  };
  return { model, cvAuc, counts };
}
