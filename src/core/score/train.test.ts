import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, parseModel } from './model.ts';
import { rocAuc, type TrainingExample, trainModel } from './train.ts';

describe('rocAuc', () => {
  it('computes the rank AUC with ties and needs both classes', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNull();
  });
});

describe('trainModel', () => {
  // Synthetic labels: "minor.school" decides minor; "recruitment.hiring" decides recruitment; noise codes.
  const examples: TrainingExample[] = [];
  let s = 7;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  for (let i = 0; i < 300; i++) {
    const f: string[] = [];
    const minor = rnd() < 0.3;
    const rec = rnd() < 0.2;
    if (minor && rnd() < 0.9) f.push('minor.school');
    if (!minor && rnd() < 0.05) f.push('minor.school');
    if (rec) f.push('recruitment.hiring');
    if (rnd() < 0.5) f.push('trust.discretion');
    if (rnd() < 0.3) f.push('new.code');
    examples.push({ features: f, labels: { minor, recruitment: rec, control: false } });
  }

  it('reports cross-validated AUC and learns a valid model', () => {
    const r = trainModel(examples, { folds: 5, version: 'test-1' });
    expect(r.cvAuc.minor!).toBeGreaterThan(0.85);
    expect(r.cvAuc.recruitment!).toBeGreaterThan(0.95);
    expect(r.cvAuc.control).toBeNull();
    expect(r.model.version).toBe('test-1');
    expect(() => parseModel(JSON.parse(JSON.stringify(r.model)))).not.toThrow();
    expect(r.model.categories.minor.weights['minor.school']!).toBeGreaterThan(
      DEFAULT_MODEL.categories.minor.weights['minor.school']!,
    );
    expect(r.model.trainedOn?.examples).toBe(300);
    expect(r.counts.minor.examples).toBe(300);
  });

  it('keeps fixed codes at their prior weight (exact codes and "prefix*")', () => {
    const r = trainModel(examples, { folds: 0, fixed: ['minor.sch*', 'trust.discretion'] });
    expect(r.model.categories.minor.weights['minor.school']).toBe(
      DEFAULT_MODEL.categories.minor.weights['minor.school'],
    );
    expect(r.model.categories.minor.weights['trust.discretion']).toBe(
      DEFAULT_MODEL.categories.minor.weights['trust.discretion'],
    );
    expect(r.model.categories.recruitment.weights['recruitment.hiring']).not.toBe(
      DEFAULT_MODEL.categories.recruitment.weights['recruitment.hiring'],
    );
  });

  it('is deterministic for a seed and refuses an empty set', () => {
    const a = trainModel(examples, { seed: 3, epochs: 50 });
    const b = trainModel(examples, { seed: 3, epochs: 50 });
    expect(a.model).toEqual(b.model);
    expect(() => trainModel([])).toThrow(/no labelled examples/);
  });
});
