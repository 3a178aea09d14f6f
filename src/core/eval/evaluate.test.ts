import { describe, expect, it } from 'vitest';
import type { AdExportLine } from '../types.ts';
import { type EvalTruthLine, evaluate, formatReport } from './evaluate.ts';

const P1 = '+33639980001';
const P2 = '+33639980002';
const P3 = '+33639980003';

function truth(id: string, over: Partial<EvalTruthLine>): EvalTruthLine {
  return {
    source: 's',
    id,
    phones: [],
    emails: [],
    handles: [],
    persona: null,
    network: null,
    minor: false,
    controlled: false,
    recruitment: false,
    city: null,
    ...over,
  };
}

function pred(id: string, over: Partial<AdExportLine>): AdExportLine {
  return {
    source: 's',
    id,
    phones: [],
    emails: [],
    handles: [],
    ages: [],
    city: null,
    cluster: null,
    scores: { minor: 0, control: 0, recruitment: 0 },
    indicators: [],
    ...over,
  };
}

const T = [
  truth('1', {
    phones: [P1, P2],
    emails: ['A@x.example'],
    handles: [{ platform: 'snapchat', handle: 'lea' }],
    network: 'N1',
    kind: 'controlled',
    stated_age: 19,
    minor: true,
    controlled: true,
    city: 'Lyon',
    phone_styles: [
      { e164: P1, variant: 'plain' },
      { e164: P2, variant: 'keycap' },
    ],
  }),
  truth('2', {
    phones: [P1],
    network: 'N1',
    controlled: true,
    city: 'Paris',
    phone_styles: [{ e164: P1, variant: 'plain' }],
  }),
  truth('3', {
    phones: [P3],
    network: 'solo-x',
    city: 'Nice',
    phone_styles: [{ e164: P3, variant: 'keycap' }],
  }),
  truth('4', { city: 'Lille', kind: 'noise', stated_age: null }),
];
const P = [
  pred('1', {
    phones: [P1],
    emails: ['a@x.example'],
    handles: [{ platform: 'snapchat', handle: '@Lea' }],
    ages: [19, 30],
    city: 'Lyon',
    cluster: 'c1',
    scores: { minor: 0.9, control: 0.8, recruitment: 0.1 },
  }),
  pred('2', {
    phones: [P1, '+33639980009'],
    city: 'Paris',
    cluster: 'c1',
    scores: { minor: 0.2, control: 0.7, recruitment: 0.1 },
  }),
  pred('4', {
    phones: ['+33199000004'],
    cluster: 'c1',
    scores: { minor: 0.1, control: 0.1, recruitment: 0.5 },
  }),
  pred('99', { phones: [P3] }),
];

describe('evaluate', () => {
  const r = evaluate(T, P);

  it('joins on (source, id) and counts missing and extra predictions', () => {
    expect(r.ads).toEqual({ truth: 4, predicted: 4, joined: 3, missing: 1, extra: 1 });
  });

  it('scores identifiers micro-averaged, case-insensitive for emails and handles', () => {
    expect(r.phones).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5 });
    expect(r.emails).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.handles).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.phoneRecallByStyle).toEqual({
      plain: { n: 2, found: 2, recall: 1 },
      keycap: { n: 2, found: 0, recall: 0 },
    });
  });

  it('breaks phones down by kind and scores stated ages where the truth gives them', () => {
    // Ad 1 (controlled): P1 found, P2 missed. Ad 4 (noise): one false positive. Ads 2–3 have no kind.
    expect(r.phonesByKind.controlled).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(r.phonesByKind.noise).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0 });
    expect(Object.keys(r.phonesByKind).sort()).toEqual(['controlled', 'noise']);
    // Ad 1: 19 right, 30 wrong; ad 4 states none and none is predicted; ad 2 has no stated_age field.
    expect(r.ages).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(evaluate([truth('9', {})], []).ages).toBeNull();
  });

  it('measures city accuracy over ads with a true city', () => {
    expect(r.city).toEqual({ accuracy: 0.5, n: 4, predicted: 2 });
  });

  it('clusters only ads with a true network, missing clusters as singletons', () => {
    expect(r.network).toMatchObject({
      items: 3,
      truePairs: 1,
      predictedPairs: 1,
      agreeingPairs: 1,
      precision: 1,
      recall: 1,
      ari: 1,
    });
    const split = evaluate(
      T,
      P.map((p) => (p.id === '2' ? { ...p, cluster: null } : p)),
    );
    expect(split.network).toMatchObject({ precision: 1, recall: 0, predictedPairs: 0 });
    const merged = evaluate(T, [...P.slice(0, 3), pred('3', { cluster: 'c1' })]);
    expect(merged.network.precision).toBeCloseTo(1 / 3);
    expect(merged.network.recall).toBe(1);
  });

  it('ranks scores against the truth flags (missing predictions score 0)', () => {
    expect(r.scores.minor).toMatchObject({ auc: 1, ap: 1, positives: 1, negatives: 3 });
    expect(r.scores.control).toMatchObject({ auc: 1, positives: 2 });
    expect(r.scores.recruitment).toMatchObject({ auc: null, ap: null, positives: 0 });
  });

  it('formats a readable report', () => {
    const text = formatReport(r);
    expect(text).toContain('phones');
    expect(text).toMatch(/phones\s+0\.500\s+0\.500\s+0\.500/);
    expect(text).toContain('keycap');
    expect(text).toMatch(/ages\s+0\.500\s+1\.000/);
    expect(text).toMatch(/noise\s+0\.000/);
    expect(text).toContain('City accuracy: 0.500');
    expect(text).toMatch(/recruitment\s+n\/a/);
  });
});
