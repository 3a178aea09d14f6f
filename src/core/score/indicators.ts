/**
 * Explainable indicators: lexicon hits on the folded text of title and body, plus indicators computed
 * from the extraction (an obscured phone number, a stated age under 18, several people in one ad).
 * Every hit names its code, category, field and the [start, end) of the original text.
 */
import type { FieldTokens } from '../gazetteer/text-tokens.ts';
import type { Extraction, IndicatorCategory, IndicatorHit, Span } from '../types.ts';
import { type CompiledPattern, compileEntries, type LexiconEntry, parseLexiconFile } from './lexicon.ts';
import { LEXICON_FILES } from './lexicon-files.ts';
import { buildMatcher, type LexiconMatcher, matchAll } from './lexicon-matcher.ts';

/** Codes computed from the extraction rather than matched in text. Documented in docs/QUALITY.md. */
export const COMPUTED_CODES: Record<string, { category: IndicatorCategory; weight: number; note: string }> = {
  'obscured_contact.phone': {
    category: 'obscured_contact',
    weight: 0.8,
    note: 'A phone number written in a disguised way (PhoneEntity.obfuscated). NIJ 2024: predictive.',
  },
  'minor.stated_age_under_18': {
    category: 'minor',
    weight: 4,
    note: 'An age under 18 stated for the person (text or structured field).',
  },
  'minor.stated_age_18_19': {
    category: 'minor',
    weight: 1,
    note: 'Stated age 18 or 19: minors claim to be "just adult" (French police reporting, "tout juste majeure").',
  },
  'minor.stated_age_under_23': {
    category: 'minor',
    weight: 0,
    note: 'Stated age 20-22: shown for context, not weighted (NIJ 2024: age under 23 not predictive).',
  },
  'control.multiple_names': {
    category: 'control',
    weight: 1,
    note: 'Two or more different first names in one ad.',
  },
  'control.multiple_ages': {
    category: 'control',
    weight: 0.8,
    note: 'Two or more different ages stated in one ad: several people.',
  },
  'control.third_person_voice': {
    category: 'control',
    weight: 0.6,
    note:
      'The ad speaks of her rather than as her: at least two third-person subject pronouns (elle, elles, she, ' +
      'ella, ea) and more than twice as many as first-person ones (je, moi, I, my, yo, eu…). Catches ' +
      'third-person verbs no lexicon lists; one "elle" alone (a car, a dog) does not fire.',
  },
};

/** Subject pronouns for control.third_person_voice (folded tokens; fr, en, es, ro). */
const THIRD_PERSON = new Set(['elle', 'elles', 'she', 'ella', 'ellas', 'ea']);
const FIRST_PERSON = new Set(['je', 'j', 'moi', 'me', 'i', 'my', 'yo', 'soy', 'estoy', 'eu', 'sunt']);

/** The span of the second third-person pronoun when the ad's voice is third person, else undefined. */
function thirdPersonVoice(fields: FieldTokens[]): Span | undefined {
  let third = 0;
  let first = 0;
  let span: Span | undefined;
  for (const f of fields) {
    if (f.field === 'city') continue;
    for (const t of f.tokens) {
      if (t.k !== 'w') continue;
      if (THIRD_PERSON.has(t.t)) {
        third++;
        if (third === 2) span = { field: f.field, start: t.s, end: t.e };
      } else if (FIRST_PERSON.has(t.t)) first++;
    }
  }
  return third >= 2 && third > 2 * first ? span : undefined;
}

export interface CompiledLexicon {
  matcher: LexiconMatcher;
  /** Code → entry (the first file's entry when several languages define one code). */
  entries: Map<string, LexiconEntry>;
  /** Short content hash of the lexicon files, part of Analysis.modelVersion. */
  version: string;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Validates and compiles lexicon files (path → parsed JSON). Throws VigieError `invalid_input` naming the
 * file, entry and field of the first problem found.
 */
export function compileLexicons(files: Record<string, unknown>): CompiledLexicon {
  const patterns: CompiledPattern[] = [];
  const entries = new Map<string, LexiconEntry>();
  const paths = Object.keys(files).sort();
  for (const path of paths) {
    const { entries: es } = parseLexiconFile(path, files[path]);
    for (const e of es) if (!entries.has(e.code)) entries.set(e.code, e);
    patterns.push(...compileEntries(path, es));
  }
  return {
    matcher: buildMatcher(patterns),
    entries,
    version: fnv1a(JSON.stringify(paths.map((p) => [p, files[p]]))),
  };
}

let defaultLex: CompiledLexicon | undefined;

/** The lexicons shipped in data/lexicons/, compiled once. */
export function defaultLexicon(): CompiledLexicon {
  defaultLex ??= compileLexicons(LEXICON_FILES);
  return defaultLex;
}

/** Token ranges of the first names found in one field (for the {name} pattern step). */
function nameTokens(f: FieldTokens, extraction: Extraction): Int32Array | undefined {
  let out: Int32Array | undefined;
  for (const n of extraction.names) {
    for (const sp of n.spans) {
      if (sp.field !== f.field) continue;
      // Tokens are sorted by offset: binary search for the first token starting at or after the span.
      let lo = 0;
      let hi = f.tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (f.tokens[mid]!.s < sp.start) lo = mid + 1;
        else hi = mid;
      }
      let end = lo;
      while (end < f.tokens.length && f.tokens[end]!.e <= sp.end) end++;
      if (end === lo) continue;
      out ??= new Int32Array(f.tokens.length).fill(-1);
      out[lo] = end;
    }
  }
  return out;
}

/** Indicator hits for tokenized fields and their extraction. `weight` is the prior (lexicon) weight. */
export function detectIndicators(
  fields: FieldTokens[],
  extraction: Extraction,
  lexicon: CompiledLexicon = defaultLexicon(),
): IndicatorHit[] {
  const hits: IndicatorHit[] = [];
  for (const f of fields) {
    if (f.field === 'city') continue;
    const ms = matchAll(lexicon.matcher, f.tokens, 16, { nameEnd: nameTokens(f, extraction) });
    for (const m of ms) {
      // A phrase inside a longer phrase of another code is read as the longer one
      // ("débutantes acceptées" is recruitment wording, not the youth word "débutante").
      if (
        ms.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start)
      )
        continue;
      const e = m.pattern.entry;
      hits.push({
        code: e.code,
        category: e.category,
        field: f.field,
        start: f.tokens[m.start]!.s,
        end: f.tokens[m.end - 1]!.e,
        weight: e.weight ?? 0,
      });
    }
  }
  const computed = (code: string, span: Span | undefined) => {
    if (!span) return;
    const c = COMPUTED_CODES[code]!;
    hits.push({
      code,
      category: c.category,
      field: span.field,
      start: span.start,
      end: span.end,
      weight: c.weight,
    });
  };
  for (const p of extraction.phones) if (p.obfuscated) computed('obscured_contact.phone', p.spans[0]);
  const minorAge = extraction.ages.find((a) => a.age < 18);
  if (minorAge) computed('minor.stated_age_under_18', minorAge.spans[0]);
  const justAdult = extraction.ages.find((a) => a.age >= 18 && a.age < 20);
  if (justAdult) computed('minor.stated_age_18_19', justAdult.spans[0]);
  const young = extraction.ages.find((a) => a.age >= 20 && a.age < 23);
  if (young) computed('minor.stated_age_under_23', young.spans[0]);
  if (extraction.names.length >= 2) computed('control.multiple_names', extraction.names[1]!.spans[0]);
  if (extraction.ages.length >= 2) computed('control.multiple_ages', extraction.ages[1]!.spans[0]);
  computed('control.third_person_voice', thirdPersonVoice(fields));
  hits.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field < b.field ? -1 : 1));
  return hits;
}
