import { describe, expect, it } from 'vitest';
import { SetMatchCounter, clusteringScores, prf, rankingScores } from './metrics.ts';

describe('prf', () => {
  it('computes precision, recall and F1 from counts', () => {
    const r = prf(2, 1, 1);
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.f1).toBeCloseTo(2 / 3);
    const s = prf(3, 1, 5);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(3 / 8);
    expect(s.f1).toBeCloseTo(0.5);
  });

  it('handles empty denominators', () => {
    expect(prf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(prf(0, 0, 4)).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(prf(0, 3, 0)).toMatchObject({ precision: 0, recall: 1, f1: 0 });
  });
});

describe('SetMatchCounter', () => {
  it('micro-averages over (item, value) pairs and dedupes within an item', () => {
    const c = new SetMatchCounter();
    expect(c.add(['a', 'b'], ['a', 'c', 'c'])).toEqual(['b']);
    c.add([], ['d']);
    c.add(['e'], []);
    c.add(['f', 'f'], ['f']);
    expect(c.result()).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5 });
  });
});

describe('clusteringScores', () => {
  it('counts pairs through the contingency table', () => {
    // Cells (A,x)=2 (A,y)=1 (B,y)=2: agreeing 2, true pairs 3+1, predicted pairs 1+3.
    const r = clusteringScores(['A', 'A', 'A', 'B', 'B'], ['x', 'x', 'y', 'y', 'y']);
    expect(r).toMatchObject({
      agreeingPairs: 2,
      truePairs: 4,
      predictedPairs: 4,
      truthClusters: 2,
      predictedClusters: 2,
    });
    expect(r.precision).toBeCloseTo(0.5);
    expect(r.recall).toBeCloseTo(0.5);
    // ARI = (2 − 4·4/10) / (4 − 1.6) = 1/6.
    expect(r.ari).toBeCloseTo(1 / 6);
  });

  it('matches published adjusted Rand index values', () => {
    expect(clusteringScores(['0', '0', '1', '1'], ['0', '0', '1', '2']).ari).toBeCloseTo(4 / 7);
    expect(clusteringScores(['0', '0', '1', '1'], ['0', '1', '0', '1']).ari).toBeCloseTo(-0.5);
  });

  it('is 1 for identical partitions whatever the label names', () => {
    const r = clusteringScores(['a', 'a', 'b', 'c', 'c'], ['z', 'z', 'y', 'x', 'x']);
    expect(r).toMatchObject({ precision: 1, recall: 1, f1: 1, ari: 1 });
  });

  it('scores over-merging as low precision and over-splitting as low recall', () => {
    const merged = clusteringScores(['a', 'a', 'b', 'b'], ['m', 'm', 'm', 'm']);
    expect(merged.precision).toBeCloseTo(2 / 6);
    expect(merged.recall).toBe(1);
    const split = clusteringScores(['a', 'a', 'a', 'b'], ['1', '2', '3', '4']);
    expect(split.precision).toBe(1);
    expect(split.recall).toBe(0);
    expect(split.f1).toBe(0);
  });

  it('rejects misaligned inputs', () => {
    expect(() => clusteringScores(['a'], [])).toThrow(RangeError);
  });
});

describe('rankingScores', () => {
  it('computes ROC AUC and average precision (sklearn reference values)', () => {
    const r = rankingScores([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
    expect(r.auc).toBeCloseTo(0.75);
    expect(r.ap).toBeCloseTo(5 / 6);
    expect(r).toMatchObject({ positives: 2, negatives: 2 });
  });

  it('counts ties as half in AUC and as one threshold in AP', () => {
    const r = rankingScores([1, 0.5, 0.5, 0], [true, true, false, false]);
    expect(r.auc).toBeCloseTo(0.875);
    expect(r.ap).toBeCloseTo(5 / 6);
    const flat = rankingScores([0.5, 0.5, 0.5], [true, false, false]);
    expect(flat.auc).toBeCloseTo(0.5);
    expect(flat.ap).toBeCloseTo(1 / 3);
  });

  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rankingScores([0.9, 0.8, 0.1], [true, true, false])).toMatchObject({ auc: 1, ap: 1 });
    expect(rankingScores([0.1, 0.2, 0.9], [true, true, false]).auc).toBe(0);
  });

  it('returns null when a class is missing', () => {
    expect(rankingScores([0.3, 0.4], [false, false])).toMatchObject({ auc: null, ap: null });
    expect(rankingScores([0.3, 0.4], [true, true])).toMatchObject({ auc: null, ap: 1 });
  });
});
