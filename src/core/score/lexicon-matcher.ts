/**
 * Matches compiled lexicon patterns over folded tokens. Patterns are indexed by their first step (each
 * literal of an alternative, or {name}), so each token costs one hash lookup plus the verification of the
 * few patterns starting with it; alternatives are set lookups and gaps are bounded (at most two of at most
 * five tokens), so matching stays linear in the text length.
 */
import type { Token } from '../gazetteer/text-tokens.ts';
import type { CompiledPattern, Step } from './lexicon.ts';

export interface PatternMatch {
  pattern: CompiledPattern;
  /** Token indices, half-open. */
  start: number;
  end: number;
}

export interface LexiconMatcher {
  /** Patterns whose first step is a literal (or an alternative) and whose second step is not a literal. */
  byLiteral: Map<string, CompiledPattern[]>;
  /**
   * Patterns starting with two literals, by first then second token: frequent first words ("je", "de",
   * "elle") start many patterns, and the second token rules most of them out with one more lookup.
   */
  byLiteral2: Map<string, Map<string, CompiledPattern[]>>;
  /** First three letters of a leading prefix step → patterns. */
  byPrefix3: Map<string, CompiledPattern[]>;
  /** Patterns starting with {num} whose second step is not a literal. */
  numFirst: CompiledPattern[];
  /** Patterns starting with {num} then a literal ("{num} € par jour"), by that literal: digits are frequent. */
  numByNext: Map<string, CompiledPattern[]>;
  /** Patterns starting with {name}. */
  nameFirst: CompiledPattern[];
  size: number;
}

/**
 * First names found by the names extractor, as token ranges: `nameEnd[i]` is the end (exclusive) of the
 * name starting at token i, or -1. Without it, {name} never matches.
 */
export interface MatchContext {
  nameEnd?: Int32Array;
}

/** Builds the first-step index over compiled patterns. */
export function buildMatcher(patterns: CompiledPattern[]): LexiconMatcher {
  const m: LexiconMatcher = {
    byLiteral: new Map(),
    byLiteral2: new Map(),
    byPrefix3: new Map(),
    numFirst: [],
    numByNext: new Map(),
    nameFirst: [],
    size: patterns.length,
  };
  const push = (map: Map<string, CompiledPattern[]>, key: string, p: CompiledPattern) => {
    const l = map.get(key);
    if (l) l.push(p);
    else map.set(key, [p]);
  };
  const byFirstTwo = (first: string): Map<string, CompiledPattern[]> => {
    let inner = m.byLiteral2.get(first);
    if (!inner) {
      inner = new Map();
      m.byLiteral2.set(first, inner);
    }
    return inner;
  };
  for (const p of patterns) {
    const first = p.steps[0]!;
    const second = p.steps[1];
    if (first.k === 'name') m.nameFirst.push(p);
    else if (first.k === 'num') {
      if (second?.k === 'lit') push(m.numByNext, second.t, p);
      else m.numFirst.push(p);
    } else if (first.k === 'prefix') push(m.byPrefix3, first.p.slice(0, 3), p);
    else if (first.k === 'lit' || first.k === 'alt') {
      for (const t of first.k === 'lit' ? [first.t] : first.lits) {
        if (second?.k === 'lit') push(byFirstTwo(t), second.t, p);
        else push(m.byLiteral, t, p);
      }
      if (first.k === 'alt')
        for (const pre of new Set(first.prefixes.map((x) => x.slice(0, 3)))) push(m.byPrefix3, pre, p);
    }
  }
  return m;
}

function stepMatches(step: Step, tok: Token): boolean {
  switch (step.k) {
    case 'lit':
      return tok.t === step.t;
    case 'prefix':
      return tok.t.startsWith(step.p);
    case 'alt':
      if (step.lits.has(tok.t)) return true;
      for (const p of step.prefixes) if (tok.t.startsWith(p)) return true;
      return false;
    case 'num':
      return tok.k === 'n';
    default:
      return false;
  }
}

/** Tokens a gap may skip: words, numbers, symbols, commas; never a sentence end or a new line. */
function skippable(tok: Token): boolean {
  if (tok.sep === 'newline') return false;
  return tok.k !== 'p' || tok.t === ',' || tok.t === ':' || tok.t === '/' || tok.t === '(' || tok.t === ')';
}

/** Returns the end token index of a match of `steps[si..]` starting at token `ti`, or -1. */
function matchFrom(steps: Step[], si: number, toks: Token[], ti: number, ctx: MatchContext): number {
  while (si < steps.length) {
    const step = steps[si]!;
    if (step.k === 'gap') {
      for (let skip = step.min; skip <= step.max; skip++) {
        let ok = true;
        for (let k = 0; k < skip; k++) {
          const tok = toks[ti + k];
          if (!tok || !skippable(tok)) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
        const next = toks[ti + skip];
        if (next && next.sep === 'newline') break;
        const end = matchFrom(steps, si + 1, toks, ti + skip, ctx);
        if (end >= 0) return end;
      }
      return -1;
    }
    const tok = toks[ti];
    if (!tok) return -1;
    // Consecutive steps never straddle a line break.
    if (si > 0 && steps[si - 1]!.k !== 'gap' && tok.sep === 'newline') return -1;
    if (step.k === 'name') {
      const end = ctx.nameEnd?.[ti] ?? -1;
      if (end <= ti) return -1;
      si++;
      ti = end;
      continue;
    }
    if (!stepMatches(step, tok)) return -1;
    si++;
    ti++;
  }
  return ti;
}

/**
 * A pattern that has failed this many times in one text is not tried again there: a flood of its first
 * word ("gagne gagne gagne …") would otherwise cost every bounded gap combination at every occurrence.
 * Real ads repeat a pattern's first word a handful of times, far below this.
 */
const MAX_FAILED_TRIES = 512;

/**
 * All matches in `toks`. Overlapping matches of one code keep the earliest, longest one; at most
 * `maxPerCode` hits per code are returned so that a flood of one word cannot flood the output.
 */
export function matchAll(
  m: LexiconMatcher,
  toks: Token[],
  maxPerCode = 16,
  ctx: MatchContext = {},
): PatternMatch[] {
  const out: PatternMatch[] = [];
  const lastEnd = new Map<string, number>();
  const count = new Map<string, number>();
  const failed = new Map<CompiledPattern, number>();
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const lit = m.byLiteral.get(tok.t);
    const next = toks[i + 1];
    const lit2 = next && next.sep !== 'newline' ? m.byLiteral2.get(tok.t)?.get(next.t) : undefined;
    const pre = tok.k === 'w' && tok.t.length >= 3 ? m.byPrefix3.get(tok.t.slice(0, 3)) : undefined;
    const num = tok.k === 'n' && m.numFirst.length > 0 ? m.numFirst : undefined;
    const num2 = tok.k === 'n' && next && next.sep !== 'newline' ? m.numByNext.get(next.t) : undefined;
    const name = (ctx.nameEnd?.[i] ?? -1) > i && m.nameFirst.length > 0 ? m.nameFirst : undefined;
    if (!lit && !lit2 && !pre && !num && !num2 && !name) continue;
    const best = new Map<string, PatternMatch>();
    for (const list of [lit, lit2, pre, num, num2, name]) {
      if (!list) continue;
      for (const p of list) {
        const code = p.entry.code;
        if ((lastEnd.get(code) ?? -1) > i) continue;
        if ((count.get(code) ?? 0) >= maxPerCode) continue;
        const fails = failed.get(p) ?? 0;
        if (fails >= MAX_FAILED_TRIES) continue;
        const end = matchFrom(p.steps, 0, toks, i, ctx);
        if (end < 0) {
          failed.set(p, fails + 1);
          continue;
        }
        const prev = best.get(code);
        if (!prev || end > prev.end) best.set(code, { pattern: p, start: i, end });
      }
    }
    for (const [code, hit] of best) {
      out.push(hit);
      lastEnd.set(code, hit.end);
      count.set(code, (count.get(code) ?? 0) + 1);
    }
  }
  return out;
}
