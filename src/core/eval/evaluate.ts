import type { AdExportLine, TruthLine } from '../types.ts';
import {
  type ClusteringScores,
  type Prf,
  type RankingScores,
  SetMatchCounter,
  clusteringScores,
  rankingScores,
} from './metrics.ts';

export { formatReport } from './format-report.ts';

/** A truth line, optionally with the demo corpus' extra fields (used for per-style and per-kind figures). */
export type EvalTruthLine = TruthLine & {
  kind?: string;
  phone_styles?: { e164: string; variant: string }[];
  /** The age the ad states for the person, null when it states none. */
  stated_age?: number | null;
};

export interface StyleRecall {
  n: number;
  found: number;
  recall: number;
}

export interface EvalReport {
  ads: { truth: number; predicted: number; joined: number; missing: number; extra: number };
  phones: Prf;
  emails: Prf;
  handles: Prf;
  /** Phone recall per writing variant, when the truth says how each phone was written. */
  phoneRecallByStyle: Record<string, StyleRecall>;
  /** Phone precision/recall per kind of ad (independent, controlled, recruitment, noise), when known. */
  phonesByKind: Record<string, Prf>;
  /** Stated ages, when the truth gives them (null otherwise). */
  ages: Prf | null;
  city: { accuracy: number | null; n: number; predicted: number };
  /** Over ads whose true network is non-null; an ad without predicted cluster is a singleton. */
  network: ClusteringScores;
  scores: { minor: RankingScores; control: RankingScores; recruitment: RankingScores };
}

const key = (source: string, id: string) => JSON.stringify([source, id]);
const email = (e: string) => e.trim().toLowerCase();
const handle = (h: { platform: string; handle: string }) =>
  `${h.platform.toLowerCase()}:${h.handle.trim().toLowerCase().replace(/^@/, '')}`;

/**
 * Scores predictions (`vigie export ads` lines) against the ground truth, joined on (source, id).
 * Truth ads without a prediction count as predicting nothing (no identifiers, no city, singleton
 * cluster, scores 0); predictions without truth are ignored and counted in `ads.extra`.
 */
export function evaluate(truth: Iterable<EvalTruthLine>, pred: Iterable<AdExportLine>): EvalReport {
  const byKey = new Map<string, AdExportLine>();
  for (const p of pred) byKey.set(key(p.source, p.id), p);
  const phones = new SetMatchCounter();
  const emails = new SetMatchCounter();
  const handles = new SetMatchCounter();
  const styles: Record<string, StyleRecall> = {};
  const byKind = new Map<string, SetMatchCounter>();
  const ages = new SetMatchCounter();
  let agesKnown = false;
  let truthCount = 0;
  let joined = 0;
  let cityN = 0;
  let cityOk = 0;
  let cityPredicted = 0;
  const netTruth: string[] = [];
  const netPred: string[] = [];
  const minor: number[] = [];
  const control: number[] = [];
  const recruitment: number[] = [];
  const isMinor: boolean[] = [];
  const isControlled: boolean[] = [];
  const isRecruitment: boolean[] = [];
  for (const t of truth) {
    truthCount++;
    const k = key(t.source, t.id);
    const p = byKey.get(k);
    if (p) joined++;
    const missed = new Set(phones.add(t.phones, p?.phones ?? []));
    if (t.kind !== undefined) {
      const c = byKind.get(t.kind) ?? new SetMatchCounter();
      byKind.set(t.kind, c);
      c.add(t.phones, p?.phones ?? []);
    }
    if (t.stated_age !== undefined) {
      agesKnown = true;
      ages.add(t.stated_age === null ? [] : [String(t.stated_age)], (p?.ages ?? []).map(String));
    }
    emails.add(t.emails.map(email), (p?.emails ?? []).map(email));
    handles.add(t.handles.map(handle), (p?.handles ?? []).map(handle));
    for (const s of t.phone_styles ?? []) {
      const r = styles[s.variant] ?? { n: 0, found: 0, recall: 0 };
      styles[s.variant] = r;
      r.n++;
      if (!missed.has(s.e164)) r.found++;
    }
    if (t.city !== null) {
      cityN++;
      if (p?.city) cityPredicted++;
      if (p?.city === t.city) cityOk++;
    }
    if (t.network !== null) {
      netTruth.push(t.network);
      // Prefix keeps predicted ids and singleton keys from colliding.
      netPred.push(p?.cluster != null ? `c:${p.cluster}` : `s:${k}`);
    }
    minor.push(p?.scores.minor ?? 0);
    control.push(p?.scores.control ?? 0);
    recruitment.push(p?.scores.recruitment ?? 0);
    isMinor.push(t.minor);
    isControlled.push(t.controlled);
    isRecruitment.push(t.recruitment);
  }
  for (const r of Object.values(styles)) r.recall = r.n === 0 ? 0 : r.found / r.n;
  return {
    ads: {
      truth: truthCount,
      predicted: byKey.size,
      joined,
      missing: truthCount - joined,
      extra: byKey.size - joined,
    },
    phones: phones.result(),
    emails: emails.result(),
    handles: handles.result(),
    phoneRecallByStyle: styles,
    phonesByKind: Object.fromEntries([...byKind].map(([k, c]) => [k, c.result()])),
    ages: agesKnown ? ages.result() : null,
    city: { accuracy: cityN === 0 ? null : cityOk / cityN, n: cityN, predicted: cityPredicted },
    network: clusteringScores(netTruth, netPred),
    scores: {
      minor: rankingScores(minor, isMinor),
      control: rankingScores(control, isControlled),
      recruitment: rankingScores(recruitment, isRecruitment),
    },
  };
}
