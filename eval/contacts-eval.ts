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

const phoneCases = load('phones.jsonl', 'phones-handwritten.jsonl', 'phones-fresh.jsonl');
const emailCases = load('emails.jsonl', 'emails-handwritten.jsonl', 'emails-fresh.jsonl');
const handleCases = load('handles.jsonl', 'handles-handwritten.jsonl', 'handles-fresh.jsonl');

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

/**
 * Combinatorial stress (not a dev set): every group of a number written in a randomly chosen way and joined
 * by a random separator, so combinations the generator and the hand-written lines never show are tried.
 */
function stressCases(count: number): Case[] {
  let a = 987654321;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const FR = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];
  const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const ES = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
  const digitWays: ((d: string) => string)[] = [
    (d) => d,
    (d) => FR[Number(d)]!,
    (d) => EN[Number(d)]!,
    (d) => ES[Number(d)]!,
    (d) => (d === '0' ? 'O' : d === '1' ? 'l' : d),
    (d) => `${d}\ufe0f\u20e3`,
    (d) => String.fromCodePoint(0xff10 + Number(d)),
    (d) => String.fromCodePoint(0x1d7ce + Number(d)),
  ];
  const seps = [' ', '.', '-', ' / ', ' * ', '💋', ' 🔥 ', '\n', '_', ' | ', ', ', '  ', '~'];
  const inner = ['', '', ' ', '-', '.'];
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const n = `063998${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
    const groups = n.match(/\d\d/g)!;
    const sep = pick(seps);
    const text = groups
      .map((g) => {
        const ways = [pick(digitWays), pick(digitWays)];
        const join = ways.some((w) => /[a-z]/i.test(w('2'))) ? ' ' : pick(inner);
        return [...g].map((d, k) => ways[k]!(d)).join(join);
      })
      .join(sep);
    out.push({
      text: `${pick(['Appelle-moi', 'Tel', 'Call me', 'Contact', ''])} ${text} ${pick(['bisous', '', '😘'])}`,
      expected: [`+33${n.slice(1)}`],
      style: 'stress',
      file: 'stress',
    });
  }
  return out;
}

/** Negative stress: ad-like soups of prices, dates, times, ages, postcodes, mileages — no phone inside. */
function negativeStress(count: number): Case[] {
  let a = 1234567;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const frags: (() => string)[] = [
    () => `${int(5, 30) * 10}€`,
    () => `${int(5, 30) * 10} roses`,
    () => `${int(1, 9) * 50} € la nuit`,
    () => `${pad(int(1, 28))}/${pad(int(1, 12))}`,
    () => `${pad(int(1, 28))}/${pad(int(1, 12))}/${int(2023, 2026)}`,
    () => `${pad(int(0, 23))}h${pad(int(0, 5) * 10)}`,
    () => `${pad(int(0, 23))}:${pad(int(0, 5) * 10)}`,
    () => `${int(18, 45)} ans`,
    () =>
      `${pick(['06', '13', '33', '59', '69', '75', '93'])}${pad(int(0, 9) * 10)}0 ${pick(['Nice', 'Marseille', 'Bordeaux', 'Lille', 'Lyon', 'Paris', 'Bobigny'])}`,
    () => `${int(10, 250)} ${pick(['000', '500'])} km`,
    () => `${int(1995, 2024)}`,
    () => `n° ${int(1000, 99999)}`,
    () => `${int(150, 185)} cm`,
    () => `${int(45, 90)} kg`,
    () => '24/7',
    () => `${int(1, 7)}j/7`,
    () => `${pad(int(1, 95))}`,
    () => `0${int(1, 9)}`,
    () => `de ${int(8, 12)}h à ${int(18, 23)}h`,
  ];
  const joins = [' ', ', ', ' - ', '\n', ' / ', ' | ', '. '];
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const k = int(3, 7);
    const parts: string[] = [];
    for (let j = 0; j < k; j++) parts.push(pick(frags)());
    const j = pick(joins);
    out.push({ text: parts.join(j), expected: [], style: 'stress_negative', file: 'stress' });
  }
  return out;
}

const results = {
  phones: evaluate(phoneCases, (c) => extractPhones(c).map((p) => p.e164)),
  phones_stress: evaluate([...stressCases(2000), ...negativeStress(2000)], (c) =>
    extractPhones(c).map((p) => p.e164),
  ),
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
