/**
 * Evaluation metrics (pure): set precision/recall, pairwise clustering scores and the adjusted Rand
 * index from a contingency table (O(n), never O(n²) pairs), ROC AUC and average precision.
 */

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision, recall and F1 from counts. With nothing predicted, precision is 1 (no false claim);
 * with nothing to find, recall is 1; F1 is 0 when both precision and recall are 0.
 */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Micro-averaged precision/recall over (item, value) pairs: add one item's true and predicted sets at a time. */
export class SetMatchCounter {
  tp = 0;
  fp = 0;
  fn = 0;

  /** Adds one item; duplicates within a set count once. Returns the values missed (false negatives). */
  add(truth: Iterable<string>, pred: Iterable<string>): string[] {
    const t = new Set(truth);
    const p = new Set(pred);
    const missed: string[] = [];
    for (const v of p) {
      if (t.has(v)) this.tp++;
      else this.fp++;
    }
    for (const v of t) {
      if (!p.has(v)) {
        this.fn++;
        missed.push(v);
      }
    }
    return missed;
  }

  result(): Prf {
    return prf(this.tp, this.fp, this.fn);
  }
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

export interface ClusteringScores {
  /** Share of same-predicted-cluster pairs that share a true cluster. */
  precision: number;
  /** Share of same-true-cluster pairs that share a predicted cluster. */
  recall: number;
  f1: number;
  /** Adjusted Rand index (Hubert & Arabie): 1 for identical partitions, ~0 for random ones. */
  ari: number;
  items: number;
  truthClusters: number;
  predictedClusters: number;
  truePairs: number;
  predictedPairs: number;
  agreeingPairs: number;
}

/**
 * Compares two partitions of the same items, given as one label per item (index-aligned).
 * Counts pairs through the contingency table: Σ C(n_ij, 2), Σ C(a_i, 2), Σ C(b_j, 2).
 */
export function clusteringScores(
  truthLabels: readonly string[],
  predLabels: readonly string[],
): ClusteringScores {
  if (truthLabels.length !== predLabels.length) throw new RangeError('label arrays differ in length');
  const n = truthLabels.length;
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  const cells = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = truthLabels[i]!;
    const p = predLabels[i]!;
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
    // JSON of the pair is an unambiguous cell key whatever characters labels contain.
    const cell = JSON.stringify([t, p]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  let agreeing = 0;
  for (const c of cells.values()) agreeing += pairs(c);
  let truePairs = 0;
  for (const a of rows.values()) truePairs += pairs(a);
  let predictedPairs = 0;
  for (const b of cols.values()) predictedPairs += pairs(b);
  const precision = predictedPairs === 0 ? 1 : agreeing / predictedPairs;
  const recall = truePairs === 0 ? 1 : agreeing / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const all = pairs(n);
  const expected = all === 0 ? 0 : (truePairs * predictedPairs) / all;
  const max = (truePairs + predictedPairs) / 2;
  // Degenerate case (e.g. both partitions all singletons or one cluster): identical partitions score 1.
  const ari =
    max - expected === 0
      ? agreeing === truePairs && agreeing === predictedPairs
        ? 1
        : 0
      : (agreeing - expected) / (max - expected);
  return {
    precision,
    recall,
    f1,
    ari,
    items: n,
    truthClusters: rows.size,
    predictedClusters: cols.size,
    truePairs,
    predictedPairs,
    agreeingPairs: agreeing,
  };
}

export interface RankingScores {
  /** ROC AUC (probability that a random positive outranks a random negative; ties count half). Null without both classes. */
  auc: number | null;
  /** Average precision (area under the precision–recall step curve, tied scores as one threshold). Null without positives. */
  ap: number | null;
  positives: number;
  negatives: number;
}

/** ROC AUC and average precision of `scores` against binary `labels` (index-aligned). */
export function rankingScores(scores: readonly number[], labels: readonly boolean[]): RankingScores {
  if (scores.length !== labels.length) throw new RangeError('scores and labels differ in length');
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  for (const l of labels) if (l) positives++;
  const negatives = labels.length - positives;
  // Mann–Whitney U with average ranks over ties.
  let rankSumPos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (labels[idx[k]!]) rankSumPos += avgRank;
    i = j + 1;
  }
  const auc =
    positives === 0 || negatives === 0
      ? null
      : (rankSumPos - (positives * (positives + 1)) / 2) / (positives * negatives);
  let ap: number | null = null;
  if (positives > 0) {
    ap = 0;
    let tp = 0;
    let fp = 0;
    let prevRecall = 0;
    for (let i = idx.length - 1; i >= 0; ) {
      let j = i;
      while (j - 1 >= 0 && scores[idx[j - 1]!] === scores[idx[i]!]) j--;
      for (let k = j; k <= i; k++) {
        if (labels[idx[k]!]) tp++;
        else fp++;
      }
      const recall = tp / positives;
      ap += (recall - prevRecall) * (tp / (tp + fp));
      prevRecall = recall;
      i = j - 1;
    }
  }
  return { auc, ap, positives, negatives };
}
