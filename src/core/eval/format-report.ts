import type { EvalReport } from './evaluate.ts';
import type { Prf, RankingScores } from './metrics.ts';

const num = (x: number | null, digits = 3): string => (x === null ? 'n/a' : x.toFixed(digits));

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const prfRow = (name: string, p: Prf) => [
  name,
  num(p.precision),
  num(p.recall),
  num(p.f1),
  String(p.tp),
  String(p.fp),
  String(p.fn),
];
const rankRow = (name: string, r: RankingScores) => [
  name,
  num(r.auc),
  num(r.ap),
  String(r.positives),
  String(r.negatives),
];

/** The evaluation report as plain-text tables for a terminal. */
export function formatReport(r: EvalReport): string {
  const out: string[] = [];
  out.push(
    `ads: ${r.ads.truth} in truth, ${r.ads.predicted} predicted, ${r.ads.joined} joined` +
      (r.ads.missing ? `, ${r.ads.missing} without prediction` : '') +
      (r.ads.extra ? `, ${r.ads.extra} predictions without truth` : ''),
  );
  out.push('', 'Identifiers (micro-averaged over ad × value)');
  out.push(
    table(
      ['', 'precision', 'recall', 'F1', 'TP', 'FP', 'FN'],
      [
        prfRow('phones', r.phones),
        prfRow('emails', r.emails),
        prfRow('handles', r.handles),
        ...(r.ages ? [prfRow('ages', r.ages)] : []),
      ],
    ),
  );
  const kinds = Object.entries(r.phonesByKind);
  if (kinds.length > 0) {
    out.push('', 'Phones by kind of ad');
    out.push(
      table(
        ['kind', 'precision', 'recall', 'F1', 'TP', 'FP', 'FN'],
        kinds.map(([k, p]) => prfRow(k, p)),
      ),
    );
  }
  const styles = Object.entries(r.phoneRecallByStyle).sort((a, b) => a[1].recall - b[1].recall);
  if (styles.length > 0) {
    out.push('', 'Phone recall by writing style');
    out.push(
      table(
        ['style', 'recall', 'found', 'n'],
        styles.map(([s, v]) => [s, num(v.recall), String(v.found), String(v.n)]),
      ),
    );
  }
  out.push(
    '',
    `City accuracy: ${num(r.city.accuracy)} over ${r.city.n} ads (${r.city.predicted} with a predicted city)`,
  );
  const n = r.network;
  out.push(
    '',
    `Networks (pairwise, ${n.items} ads in ${n.truthClusters} true networks, ${n.predictedClusters} predicted clusters)`,
  );
  out.push(
    table(
      ['', 'precision', 'recall', 'F1', 'ARI'],
      [['pairs', num(n.precision), num(n.recall), num(n.f1), num(n.ari)]],
    ),
  );
  out.push('', 'Scores');
  out.push(
    table(
      ['', 'ROC AUC', 'avg precision', 'positives', 'negatives'],
      [
        rankRow('minor', r.scores.minor),
        rankRow('control', r.scores.control),
        rankRow('recruitment', r.scores.recruitment),
      ],
    ),
  );
  return out.join('\n');
}
