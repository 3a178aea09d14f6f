/**
 * Matches compiled lexicon patterns over folded tokens. Patterns are indexed by their first step, so each
 * token costs one hash lookup plus the verification of the few patterns starting with it; gaps are
 * bounded (at most two of at most five tokens), so matching stays linear in the text length.
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
  byLiteral: Map<string, CompiledPattern[]>;
  /** First three letters of a leading prefix step → patterns. */
  byPrefix3: Map<string, CompiledPattern[]>;
  numFirst: CompiledPattern[];
  size: number;
}

/** Builds the first-step index over compiled patterns. */
export function buildMatcher(patterns: CompiledPattern[]): LexiconMatcher {
  const m: LexiconMatcher = {
    byLiteral: new Map(),
    byPrefix3: new Map(),
    numFirst: [],
    size: patterns.length,
  };
  const push = (map: Map<string, CompiledPattern[]>, key: string, p: CompiledPattern) => {
    const l = map.get(key);
    if (l) l.push(p);
    else map.set(key, [p]);
  };
  for (const p of patterns) {
    const first = p.steps[0]!;
    if (first.k === 'lit') push(m.byLiteral, first.t, p);
    else if (first.k === 'prefix') push(m.byPrefix3, first.p.slice(0, 3), p);
    else m.numFirst.push(p);
  }
  return m;
}

function stepMatches(step: Step, tok: Token): boolean {
  switch (step.k) {
    case 'lit':
      return tok.t === step.t;
    case 'prefix':
      return tok.t.startsWith(step.p);
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
function matchFrom(steps: Step[], si: number, toks: Token[], ti: number): number {
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
        const end = matchFrom(steps, si + 1, toks, ti + skip);
        if (end >= 0) return end;
      }
      return -1;
    }
    const tok = toks[ti];
    if (!tok || !stepMatches(step, tok)) return -1;
    // Consecutive steps never straddle a line break.
    if (si > 0 && steps[si - 1]!.k !== 'gap' && tok.sep === 'newline') return -1;
    si++;
    ti++;
  }
  return ti;
}

/**
 * All matches in `toks`. Overlapping matches of one code keep the earliest, longest one; at most
 * `maxPerCode` hits per code are returned so that a flood of one word cannot flood the output.
 */
export function matchAll(m: LexiconMatcher, toks: Token[], maxPerCode = 16): PatternMatch[] {
  const out: PatternMatch[] = [];
  const lastEnd = new Map<string, number>();
  const count = new Map<string, number>();
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const lit = m.byLiteral.get(tok.t);
    const pre = tok.k === 'w' && tok.t.length >= 3 ? m.byPrefix3.get(tok.t.slice(0, 3)) : undefined;
    const num = tok.k === 'n' ? m.numFirst : undefined;
    if (!lit && !pre && (!num || num.length === 0)) continue;
    const best = new Map<string, PatternMatch>();
    for (const list of [lit, pre, num]) {
      if (!list) continue;
      for (const p of list) {
        const code = p.entry.code;
        if ((lastEnd.get(code) ?? -1) > i) continue;
        if ((count.get(code) ?? 0) >= maxPerCode) continue;
        if (!stepMatches(p.steps[0]!, tok)) continue;
        const end = matchFrom(p.steps, 1, toks, i + 1);
        if (end < 0) continue;
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
