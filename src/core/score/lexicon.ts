/**
 * Indicator lexicons: analyst-editable data files (data/lexicons/<lang>/*.json), validated with zod and
 * compiled once into token patterns. The file format is documented in data/lexicons/README.md.
 */
import { z } from 'zod';
import { VigieError } from '../errors.ts';
import { tokenize } from '../gazetteer/text-tokens.ts';
import type { IndicatorCategory } from '../types.ts';

export const INDICATOR_CATEGORIES = [
  'minor',
  'control',
  'recruitment',
  'obscured_contact',
  'movement',
  'lodging',
  'trust',
  'ethnicity',
] as const satisfies readonly IndicatorCategory[];

const entrySchema = z
  .object({
    code: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]*\.[a-z0-9_]+$/,
        'must look like "category.name" (lower case, digits, underscores)',
      ),
    category: z.enum(INDICATOR_CATEGORIES),
    patterns: z.array(z.string().min(1, 'empty pattern')).min(1, 'needs at least one pattern'),
    weight: z.number().finite().min(-10).max(10).optional(),
    lang: z
      .string()
      .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code like "fr"')
      .optional(),
    note: z.string().min(1, 'say where the entry comes from or why it is there'),
  })
  .strict();

const fileSchema = z
  .object({
    $schema: z.string().optional(),
    lang: z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code like "fr"'),
    description: z.string().optional(),
    entries: z.array(entrySchema),
  })
  .strict();

export type LexiconEntry = z.infer<typeof entrySchema> & { lang: string };
export type LexiconFile = z.infer<typeof fileSchema>;

/** One step of a compiled pattern. */
export type Step =
  | { k: 'lit'; t: string }
  | { k: 'prefix'; p: string }
  /** One word among alternatives: "(est|sera|recoi*)" (literals and prefixes). */
  | { k: 'alt'; lits: Set<string>; prefixes: string[] }
  | { k: 'num' }
  /** A first name found by the names extractor (one or more tokens). */
  | { k: 'name' }
  | { k: 'gap'; min: number; max: number };

export interface CompiledPattern {
  entry: LexiconEntry;
  source: string;
  steps: Step[];
}

function fail(file: string, where: string, message: string): never {
  throw new VigieError('invalid_input', `lexicon ${file}: ${where}: ${message}`, {
    details: { file, where },
  });
}

/** One alternative of "(a|b|c*)": a single folded word, or a prefix of at least 3 letters. */
function compileAlternative(raw: string, alt: string, file: string, where: string): Step {
  const isPrefix = alt.endsWith('*') && alt.length > 1;
  const toks = tokenize(isPrefix ? alt.slice(0, -1) : alt).filter((t) => t.k !== 'p' || t.t !== '.');
  if (toks.length !== 1) fail(file, where, `"${alt}" in "${raw}": each alternative must be one word`);
  const t = toks[0]!.t;
  if (isPrefix) {
    if (t.length < 3) fail(file, where, `prefix "${alt}" in "${raw}" must keep at least 3 letters before *`);
    return { k: 'prefix', p: t };
  }
  return { k: 'lit', t };
}

/**
 * Compiles one pattern string ("gagne {0-3} par jour", "etudiant*", "🔞", "elle (est|sera)",
 * "{name} (vous|te) attend") into steps.
 */
export function compilePattern(pattern: string, file = '(inline)', where = 'pattern'): Step[] {
  const steps: Step[] = [];
  let gaps = 0;
  for (const raw of pattern.trim().split(/\s+/)) {
    if (raw.startsWith('(') || raw.endsWith(')')) {
      if (!(raw.startsWith('(') && raw.endsWith(')') && raw.includes('|')))
        fail(file, where, `"${raw}": alternatives are written (a|b|c), one word each, no spaces`);
      const lits = new Set<string>();
      const prefixes: string[] = [];
      for (const alt of raw.slice(1, -1).split('|')) {
        if (alt === '') fail(file, where, `empty alternative in "${raw}"`);
        const st = compileAlternative(raw, alt, file, where);
        if (st.k === 'lit') lits.add(st.t);
        else if (st.k === 'prefix') prefixes.push(st.p);
      }
      steps.push({ k: 'alt', lits, prefixes });
      continue;
    }
    if (raw === '{name}') {
      steps.push({ k: 'name' });
      continue;
    }
    const gap = /^\{(\d)-(\d)\}$/.exec(raw);
    if (gap) {
      const min = Number(gap[1]);
      const max = Number(gap[2]);
      if (min > max || max > 5) fail(file, where, `gap "${raw}" must be {min-max} with min <= max <= 5`);
      if (steps.length === 0) fail(file, where, 'a pattern cannot start with a gap');
      if (++gaps > 2) fail(file, where, 'at most two gaps per pattern');
      steps.push({ k: 'gap', min, max });
      continue;
    }
    if (raw === '{num}') {
      steps.push({ k: 'num' });
      continue;
    }
    if (raw.includes('{') || raw.includes('}'))
      fail(file, where, `unknown placeholder in "${raw}" (use {num}, {name} or {min-max})`);
    const isPrefix = raw.endsWith('*') && raw.length > 1;
    const toks = tokenize(isPrefix ? raw.slice(0, -1) : raw).filter((t) => t.k !== 'p' || t.t !== '.');
    if (toks.length === 0) fail(file, where, `"${raw}" has no letters, digits or symbols`);
    toks.forEach((t, idx) => {
      if (isPrefix && idx === toks.length - 1) {
        if (t.t.length < 3) fail(file, where, `prefix "${raw}" must keep at least 3 letters before *`);
        steps.push({ k: 'prefix', p: t.t });
      } else steps.push({ k: 'lit', t: t.t });
    });
  }
  if (steps.length === 0) fail(file, where, 'empty pattern');
  if (steps[steps.length - 1]!.k === 'gap') fail(file, where, 'a pattern cannot end with a gap');
  if (!steps.some((s) => s.k === 'lit' || s.k === 'prefix' || s.k === 'alt'))
    fail(file, where, 'needs at least one word or symbol');
  return steps;
}

/**
 * Validates one lexicon file's parsed JSON. Throws a VigieError (`invalid_input`) whose message names
 * the file, the entry (index and code) and the field at fault.
 */
export function parseLexiconFile(file: string, json: unknown): { lang: string; entries: LexiconEntry[] } {
  const r = fileSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path;
    let where = path.length === 0 ? 'file' : path.join('.');
    if (path[0] === 'entries' && typeof path[1] === 'number') {
      const e = (json as { entries?: { code?: unknown }[] }).entries?.[path[1]];
      const code = typeof e?.code === 'string' ? ` (${e.code})` : '';
      where = `entry ${path[1]}${code}` + (path.length > 2 ? `, field "${path.slice(2).join('.')}"` : '');
    } else if (path.length > 0) where = `field "${where}"`;
    fail(file, where, issue.message);
  }
  const lang = r.data.lang;
  const seen = new Set<string>();
  return {
    lang,
    entries: r.data.entries.map((e, i) => {
      if (e.lang && e.lang !== lang)
        fail(file, `entry ${i} (${e.code}), field "lang"`, `"${e.lang}" differs from file lang "${lang}"`);
      if (seen.has(e.code)) fail(file, `entry ${i} (${e.code}), field "code"`, 'duplicate code in this file');
      seen.add(e.code);
      if (!e.code.startsWith(`${e.category}.`)) {
        // Codes are namespaced by category so that a code alone tells what it signals.
        fail(file, `entry ${i} (${e.code}), field "code"`, `must start with "${e.category}."`);
      }
      e.patterns.forEach((p, j) => {
        compilePattern(p, file, `entry ${i} (${e.code}), field "patterns.${j}"`);
      });
      return { ...e, lang };
    }),
  };
}

/** Compiles validated entries into patterns. */
export function compileEntries(file: string, entries: LexiconEntry[]): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  entries.forEach((entry, i) => {
    entry.patterns.forEach((source, j) => {
      out.push({
        entry,
        source,
        steps: compilePattern(source, file, `entry ${i} (${entry.code}), field "patterns.${j}"`),
      });
    });
  });
  return out;
}
