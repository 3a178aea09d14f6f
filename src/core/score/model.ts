/**
 * The scoring model: one logistic regression per category (minor, control, recruitment) over binary
 * indicator features, score = sigmoid(bias + Σ weight[code] · present[code]). Shipped weights live in
 * data/model/model.json (versioned; history in data/model/history/), re-fitted by `vigie train`.
 */
import { z } from 'zod';
import modelJson from '../../../data/model/model.json' with { type: 'json' };
import { VigieError } from '../errors.ts';
import type { IndicatorHit, Scores } from '../types.ts';
import type { CompiledLexicon } from './indicators.ts';
import { COMPUTED_CODES } from './indicators.ts';

export const SCORE_CATEGORIES = ['minor', 'control', 'recruitment'] as const;
export type ScoreCategory = (typeof SCORE_CATEGORIES)[number];

const categorySchema = z.object({
  bias: z.number().finite(),
  weights: z.record(z.string(), z.number().finite()),
});
const modelSchema = z.object({
  version: z.string().min(1),
  created: z.string().optional(),
  description: z.string().optional(),
  trainedOn: z
    .object({
      examples: z.number().int(),
      positives: z.record(z.string(), z.number().int()),
      cvAuc: z.record(z.string(), z.number().nullable()),
      folds: z.number().int(),
      l2: z.number(),
      source: z.string().optional(),
    })
    .nullable()
    .optional(),
  categories: z.object({ minor: categorySchema, control: categorySchema, recruitment: categorySchema }),
});

/** A scoring model (weights per indicator code per category). */
export type ScoringModel = z.infer<typeof modelSchema>;

/** Validates a model file's JSON; errors name the file and the field. */
export function parseModel(json: unknown, file = 'model'): ScoringModel {
  const r = modelSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new VigieError('invalid_input', `model ${file}: field "${i.path.join('.')}": ${i.message}`);
  }
  return r.data;
}

/** The shipped model (data/model/model.json). */
export const DEFAULT_MODEL: ScoringModel = parseModel(modelJson, 'data/model/model.json');

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Binary features: 1 for each indicator code present at least once. */
export function featuresOf(hits: readonly IndicatorHit[]): Set<string> {
  const s = new Set<string>();
  for (const h of hits) s.add(h.code);
  return s;
}

const effectiveCache = new WeakMap<
  ScoringModel,
  WeakMap<CompiledLexicon, Record<ScoreCategory, Map<string, number>>>
>();

/**
 * The weights actually applied: the model's, plus the lexicon's prior weight for codes the model does
 * not know yet (an analyst's new entry counts at once, in its own category, until the next training).
 */
export function effectiveWeights(
  model: ScoringModel,
  lexicon: CompiledLexicon,
): Record<ScoreCategory, Map<string, number>> {
  let byLex = effectiveCache.get(model);
  if (!byLex) {
    byLex = new WeakMap();
    effectiveCache.set(model, byLex);
  }
  const cached = byLex.get(lexicon);
  if (cached) return cached;
  const out = {} as Record<ScoreCategory, Map<string, number>>;
  for (const cat of SCORE_CATEGORIES) out[cat] = new Map(Object.entries(model.categories[cat].weights));
  const known = new Set(SCORE_CATEGORIES.flatMap((c) => Object.keys(model.categories[c].weights)));
  const priors: [string, string, number][] = [
    ...[...lexicon.entries.values()].map(
      (e) => [e.code, e.category, e.weight ?? 0] as [string, string, number],
    ),
    ...Object.entries(COMPUTED_CODES).map(
      ([code, c]) => [code, c.category, c.weight] as [string, string, number],
    ),
  ];
  for (const [code, category, w] of priors) {
    if (known.has(code)) continue;
    if ((SCORE_CATEGORIES as readonly string[]).includes(category))
      out[category as ScoreCategory].set(code, w);
  }
  byLex.set(lexicon, out);
  return out;
}

/** Scores in [0, 1] for a set of present codes. */
export function scoreFeatures(
  model: ScoringModel,
  weights: Record<ScoreCategory, Map<string, number>>,
  codes: Set<string>,
): Scores {
  const s = {} as Scores;
  for (const cat of SCORE_CATEGORIES) {
    let z = model.categories[cat].bias;
    const w = weights[cat];
    for (const code of codes) z += w.get(code) ?? 0;
    s[cat] = sigmoid(z);
  }
  return s;
}

/**
 * The weight shown on a hit: its contribution in its own score category when it has one, otherwise the
 * largest contribution it makes to any score (e.g. an obscured phone counts for control and minor).
 */
export function hitWeight(weights: Record<ScoreCategory, Map<string, number>>, hit: IndicatorHit): number {
  if ((SCORE_CATEGORIES as readonly string[]).includes(hit.category)) {
    return weights[hit.category as ScoreCategory].get(hit.code) ?? 0;
  }
  let best = 0;
  for (const cat of SCORE_CATEGORIES) {
    const w = weights[cat].get(hit.code) ?? 0;
    if (Math.abs(w) > Math.abs(best)) best = w;
  }
  return best;
}
