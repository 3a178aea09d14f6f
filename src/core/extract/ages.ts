/**
 * Ages stated for the person in the ad ("19 ans", "19yo", "j'ai 20a", "âgée de 19", "age: 21", the
 * structured `age` field), not the age of a car, a child or an experience ("voiture de 17 ans",
 * "depuis 10 ans", "expérience de 5 ans"). Plausible range 12–80. One pass over the tokens.
 */
import { type FieldTokens, type Token, tokenizeFields } from '../gazetteer/text-tokens.ts';
import type { AdContent, AgeEntity, Span } from '../types.ts';

export const MIN_AGE = 12;
export const MAX_AGE = 80;

/** Unit words after the number ("19 ans"). `a` and `y` only when glued to the digits ("20a", "19y"). */
const UNITS = new Set([
  'ans',
  'an',
  'yo',
  'yrs',
  'yr',
  'years',
  'anos',
  'printemps',
  'piges',
  'balais',
  'ani',
  'jahre',
]);
const GLUED_UNITS = new Set(['a', 'y', 'yo', 'ans', 'an']);
/** Words before "age" cues: "âgée de 19", "age: 21", "aged 21", "edad 21". */
const AGE_CUES = new Set(['age', 'agee', 'aged', 'edad', 'ages', 'eta']);
/** Context before the number that makes it something other than the person's age. */
const NEG_BEFORE = new Set([
  'depuis',
  'pendant',
  'experience',
  'voiture',
  'vehicule',
  'auto',
  'moto',
  'enfant',
  'enfants',
  'fils',
  'bebe',
  'garcon',
  'chien',
  'chat',
  'maison',
  'appartement',
  'appart',
  'moins',
  'plus',
  'dès',
  'des',
  'apres',
  'avant',
  'pour',
  'durant',
  'since',
  'for',
  'over',
  'under',
  'than',
  'kid',
  'son',
  'daughter',
  'car',
  'contrat',
  'mariage',
  'mariee',
  'marie',
  'ya',
  'il',
  'ago',
  'clients',
  'client',
  'hommes',
  'homme',
  'messieurs',
  'men',
  'entre',
  'between',
  'de',
]);
/** Words right after "N ans" that make it a duration or a client range ("10 ans d'expérience"). */
const NEG_AFTER = new Set([
  'experience',
  'exp',
  'metier',
  'carriere',
  'mariage',
  'ago',
  'of',
  'anciennete',
  'garantie',
  'minimum',
  'min',
  'de',
  'd',
  'plus',
]);
/** After "N ans", these make a range or a threshold only when a number or "plus" follows ("18 ans et plus"). */
const RANGE_AFTER = new Set(['et', 'a', 'au', 'ou', 'to', 'or', 'and']);
/** "elle a 21 ans": "a" is the verb, not "à". */
const SUBJECT_BEFORE_A = new Set(['elle', 'il', 'qui', 'on', 'she', 'he', 'j']);
const POSSESSIVES = new Set(['ma', 'mon', 'sa', 'son', 'ta', 'ton', 'my', 'her', 'his', 'notre', 'votre']);
/** Cues before "de N ans" that still mean the person ("jeune femme de 22 ans", "étudiante de 20 ans"). */
const PERSON_BEFORE_DE = new Set([
  'femme',
  'fille',
  'etudiante',
  'etudiant',
  'demoiselle',
  'brune',
  'blonde',
  'rousse',
  'metisse',
  'beaute',
  'escort',
  'jeune',
  'agee',
  'age',
  'nouvelle',
  'coquine',
  'masseuse',
  'princesse',
  'poupee',
  'latina',
  'asiatique',
  'africaine',
  'black',
  'beurette',
  'belle',
  'jolie',
  'mignonne',
  'petite',
  'kiffeuse',
  'garcon',
  'homme',
  'mec',
  'trans',
  'travesti',
  'gars',
  'maman',
  'mere',
  'mature',
  'cougar',
  'dame',
  'madame',
]);

function ageValue(t: Token | undefined): number | undefined {
  if (!t || t.k !== 'n' || t.t.length > 2) return undefined;
  const n = Number(t.t);
  return n >= MIN_AGE && n <= MAX_AGE ? n : undefined;
}

/** Decides whether the number at token index `i` is the person's age; returns the span end index. */
function ageAt(toks: Token[], i: number): number | undefined {
  const t = toks[i]!;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  const prev2 = toks[i - 2];
  // A number glued to letters or digits before it (a reference, "h24", a phone group) is not an age.
  if (prev && t.sep === 'none' && (prev.k === 'w' || prev.k === 'n')) return undefined;
  if (prev && (prev.t === '+' || prev.t === '/' || prev.t === '€')) return undefined;
  // Inside a handle or an address: "sofia_12y", "lola.16ans", "@nina17".
  if (prev && t.sep === 'none' && (prev.t === '_' || prev.t === '@' || prev.t === '.')) return undefined;
  let end: number | undefined;
  let cue = false;
  if (next && next.t === 'y' && toks[i + 2]?.t === '.' && toks[i + 3]?.t === 'o') {
    end = toks[i + 4]?.t === '.' ? i + 5 : i + 4;
  } else if (
    next &&
    next.k === 'w' &&
    (UNITS.has(next.t) || (next.sep === 'none' && GLUED_UNITS.has(next.t)))
  ) {
    end = i + 2;
  } else if (next && next.t === 'years' && toks[i + 2]?.t === 'old') {
    end = i + 3;
    cue = true;
  } else if (next && next.t === 'y' && toks[i + 2]?.t === '/' && toks[i + 3]?.t === 'o') {
    end = i + 4;
  }
  // "âge : 21", "age 21", "aged 21", "âgée de 19"
  let j = i - 1;
  if (toks[j]?.t === ':' || toks[j]?.t === '=') j--;
  if (toks[j]?.t === 'de' && toks[j - 1] && AGE_CUES.has(toks[j - 1]!.t)) j -= 1;
  if (toks[j] && AGE_CUES.has(toks[j]!.t)) {
    cue = true;
    end ??= i + 1;
  }
  // "j'ai 20", "I'm 21", "tengo 21"
  if (end === undefined && prev && prev2) {
    const selfCue =
      (prev.t === 'ai' && prev2.t === 'j') ||
      (prev.t === 'm' && prev2.t === 'i') ||
      prev.t === 'tengo' ||
      prev.t === 'am';
    if (selfCue && !(next && (next.t === 'h' || next.t === '€' || next.t === 'euros' || next.t === 'ans'))) {
      const after = toks[i + 1];
      if (!after || after.k === 'p' || after.sep !== 'none') end = i + 1;
      cue = true;
    }
  }
  if (end === undefined) return undefined;
  if (!cue) {
    // Negative context just before the number: "depuis 10 ans", "voiture de 17 ans", "plus de 30 ans".
    if (prev && NEG_BEFORE.has(prev.t)) {
      if (prev.t === 'de' || prev.t === 'des') {
        if (!(prev2 && PERSON_BEFORE_DE.has(prev2.t))) return undefined;
        // "ma fille de 12 ans" is someone else.
        const prev3 = toks[i - 3];
        if (prev3 && POSSESSIVES.has(prev3.t)) return undefined;
      } else return undefined;
    }
    if (prev && prev.t === 'a' && !(prev2 && SUBJECT_BEFORE_A.has(prev2.t))) return undefined;
    if (prev && (prev.t === 'les' || prev.t === 'aux' || prev.t === 'et' || prev.t === 'y')) return undefined;
    if (
      prev2 &&
      (prev2.t === 'depuis' || prev2.t === 'experience' || prev2.t === 'enfant' || prev2.t === 'voiture')
    )
      return undefined;
    const after = toks[end];
    if (after && after.k === 'w' && NEG_AFTER.has(after.t)) return undefined;
    if (after && RANGE_AFTER.has(after.t)) {
      const n2 = toks[end + 1];
      if (n2 && (n2.k === 'n' || n2.t === 'plus' || n2.t === 'over' || n2.t === 'more')) return undefined;
    }
    if (after && (after.t === '-' || after.t === '/') && toks[end + 1]?.k === 'n') return undefined;
  }
  return end;
}

/** Ages in already tokenized fields plus the structured age field. */
export function agesFromTokens(fields: FieldTokens[], ageField?: number): AgeEntity[] {
  const byAge = new Map<number, Span[]>();
  const add = (age: number, span: Span) => {
    const l = byAge.get(age);
    if (l) l.push(span);
    else byAge.set(age, [span]);
  };
  if (
    typeof ageField === 'number' &&
    Number.isInteger(ageField) &&
    ageField >= MIN_AGE &&
    ageField <= MAX_AGE
  ) {
    add(ageField, { field: 'age', start: 0, end: String(ageField).length });
  }
  for (const f of fields) {
    const toks = f.tokens;
    for (let i = 0; i < toks.length; i++) {
      const age = ageValue(toks[i]);
      if (age === undefined) continue;
      // Ranges like "18-25 ans" state who is wanted, not who writes.
      const p = toks[i - 1];
      if (p && p.k === 'n' && toks[i]!.sep === 'joiner' && ageValue(p) !== undefined) continue;
      if (
        p &&
        (p.t === 'a' || p.t === 'et' || p.t === 'to' || p.t === '/') &&
        ageValue(toks[i - 2]) !== undefined
      )
        continue;
      const end = ageAt(toks, i);
      if (end === undefined) continue;
      add(age, { field: f.field as Span['field'], start: toks[i]!.s, end: toks[end - 1]!.e });
      i = end - 1;
    }
  }
  return [...byAge.entries()].map(([age, spans]) => ({ age, spans }));
}

/** Ages stated for the person in an ad (title, body and the structured age field). */
export function extractAges(content: AdContent): AgeEntity[] {
  return agesFromTokens(tokenizeFields(content), content.age);
}
