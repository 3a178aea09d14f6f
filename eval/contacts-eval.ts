/**
 * Evaluates the contact extractors on the labelled dev sets in eval/devsets/.
 *   node bin/run-ts.mjs eval/contacts-eval.ts [--json] [--errors]
 * Prints precision / recall / F1 per extractor and per style (micro-averaged over expected values).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEmails } from '../src/core/extract/emails.ts';
import { extractHandles } from '../src/core/extract/handles.ts';
import { extractPhones } from '../src/core/extract/phones.ts';
import type { AdContent } from '../src/core/types.ts';

const here = join(dirname(fileURLToPath(import.meta.url)), 'devsets');
const args = new Set(process.argv.slice(2));

interface Case {
  text: string;
  expected: string[];
  style: string;
  phone?: string;
  file: string;
}

function load(...names: string[]): Case[] {
  const out: Case[] = [];
  for (const name of names) {
    const p = join(here, name);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      out.push({ ...(JSON.parse(line) as Omit<Case, 'file'>), file: name });
    }
  }
  return out;
}

interface Counts {
  cases: number;
  tp: number;
  fp: number;
  fn: number;
}
const zero = (): Counts => ({ cases: 0, tp: 0, fp: 0, fn: 0 });
const round = (x: number): number => Math.round(x * 10000) / 10000;
function scores(c: Counts): Counts & { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
}

interface Result {
  overall: ReturnType<typeof scores>;
  byStyle: Record<string, ReturnType<typeof scores>>;
  byFile: Record<string, ReturnType<typeof scores>>;
  errors: { text: string; expected: string[]; got: string[]; style: string }[];
}

function evaluate(cases: Case[], run: (c: AdContent) => string[]): Result {
  const total = zero();
  const byStyle: Record<string, Counts> = {};
  const byFile: Record<string, Counts> = {};
  const errors: Result['errors'] = [];
  for (const c of cases) {
    const content: AdContent = { body: c.text };
    if (c.phone !== undefined) content.phone = c.phone;
    const got = [...new Set(run(content))];
    const exp = new Set(c.expected);
    const tp = got.filter((g) => exp.has(g)).length;
    const fp = got.length - tp;
    const fn = exp.size - tp;
    byStyle[c.style] ??= zero();
    byFile[c.file] ??= zero();
    for (const k of [total, byStyle[c.style]!, byFile[c.file]!]) {
      k.cases++;
      k.tp += tp;
      k.fp += fp;
      k.fn += fn;
    }
    if (fp > 0 || fn > 0) errors.push({ text: c.text, expected: c.expected, got, style: c.style });
  }
  const map = (o: Record<string, Counts>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, scores(v)]));
  return { overall: scores(total), byStyle: map(byStyle), byFile: map(byFile), errors };
}

const phoneCases = load('phones.jsonl', 'phones-handwritten.jsonl');
const emailCases = load('emails.jsonl', 'emails-handwritten.jsonl');
const handleCases = load('handles.jsonl', 'handles-handwritten.jsonl');

// Style agreement: how often the extractor's `style` matches the label (phones found with one number).
let styleAgree = 0;
let styleTotal = 0;
for (const c of phoneCases) {
  if (c.expected.length !== 1 || c.style === 'negative') continue;
  const content: AdContent = { body: c.text };
  if (c.phone !== undefined) content.phone = c.phone;
  const p = extractPhones(content).find((x) => x.e164 === c.expected[0]);
  if (p === undefined) continue;
  styleTotal++;
  if (p.style === c.style) styleAgree++;
}

const results = {
  phones: evaluate(phoneCases, (c) => extractPhones(c).map((p) => p.e164)),
  emails: evaluate(emailCases, (c) => extractEmails(c).map((e) => e.email)),
  handles: evaluate(handleCases, (c) => extractHandles(c).map((h) => `${h.platform}:${h.handle}`)),
};

if (args.has('--json')) {
  const out = Object.fromEntries(
    Object.entries(results).map(([k, r]) => [
      k,
      { overall: r.overall, byStyle: r.byStyle, byFile: r.byFile },
    ]),
  );
  console.log(
    JSON.stringify({ ...out, phoneStyleAgreement: round(styleAgree / Math.max(1, styleTotal)) }, null, 2),
  );
} else {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  for (const [name, r] of Object.entries(results)) {
    const o = r.overall;
    console.log(`\n${name}: ${o.cases} cases  P ${pct(o.precision)}  R ${pct(o.recall)}  F1 ${pct(o.f1)}`);
    for (const [s, v] of Object.entries({
      ...r.byStyle,
      ...Object.fromEntries(Object.entries(r.byFile).map(([f, v]) => [`[${f}]`, v])),
    })) {
      console.log(
        `  ${s.padEnd(28)} n=${String(v.cases).padStart(4)}  P ${pct(v.precision)}  R ${pct(v.recall)}  F1 ${pct(v.f1)}  fp=${v.fp} fn=${v.fn}`,
      );
    }
  }
  console.log(`\nphone style agreement: ${pct(styleAgree / Math.max(1, styleTotal))} % of ${styleTotal}`);
  if (args.has('--errors')) {
    for (const [name, r] of Object.entries(results)) {
      for (const e of r.errors)
        console.log(`${name} [${e.style}] ${JSON.stringify(e.text)} expected=${e.expected} got=${e.got}`);
    }
  }
}
