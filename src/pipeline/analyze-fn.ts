import type { AdContent, Analysis } from '../core/types.ts';

/** The pure analysis function (core/analyze.ts), loaded lazily so entry points that do not analyse stay light. */
export type AnalyzeFn = (content: AdContent) => Analysis;

let cached: Promise<AnalyzeFn> | undefined;

/** Loads `analyzeAd` from core. */
export function loadAnalyzeFn(): Promise<AnalyzeFn> {
  cached ??= import(new URL('../core/analyze.ts', import.meta.url).href).then(
    (m: { analyzeAd: AnalyzeFn }) => m.analyzeAd,
  );
  return cached;
}
