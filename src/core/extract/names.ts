/**
 * Names and pseudonyms the person gives: "je m'appelle Léa", "moi c'est Jade", "my name is Mia",
 * "Léa, 21 ans", a known first name written with a capital. One pass over the tokens.
 */
import { type FieldTokens, type Token, tokenizeFields } from '../gazetteer/text-tokens.ts';
import type { AdContent, NameEntity, Span } from '../types.ts';
import { isFirstName } from './names-data.ts';

/** Known first names that are also ordinary words: accepted only after an explicit cue. */
const AMBIGUOUS = new Set([
  'rose',
  'angel',
  'candy',
  'cherry',
  'crystal',
  'amber',
  'ambre',
  'daisy',
  'eden',
  'lou',
  'kim',
  'max',
  'adam',
  'aya',
  'marine',
  'victoria',
  'chanel',
  'destiny',
  'florence',
  'nelly',
  'lena',
  'jordan',
  'lisa',
  'marie',
  'julia',
  'alex',
]);
/** Capitalised words that follow "je suis" / "c'est" and are not names. */
const NOT_NAMES = new Set([
  'nouvelle',
  'disponible',
  'dispo',
  'une',
  'un',
  'la',
  'le',
  'tres',
  'belle',
  'jolie',
  'ici',
  'moi',
  'pas',
  'de',
  'en',
  'a',
  'the',
  'new',
  'here',
  'available',
  'sur',
]);

type Cue = 'strong' | 'weak';

/** Returns the index of the name token after a cue ending at token index i, or -1. */
const CUE_HEADS = new Set([
  'appelle',
  'c',
  'name',
  'call',
  'llamo',
  'nom',
  'prenom',
  'pseudo',
  'suis',
  'm',
  'am',
  'soy',
]);

function cueAt(toks: Token[], i: number): { at: number; cue: Cue } | undefined {
  if (!CUE_HEADS.has(toks[i]!.t)) return undefined;
  const t = (k: number) => toks[k]?.t;
  // je m'appelle X / je m appelle X / I'm called X
  if (t(i) === 'appelle' && t(i - 1) === 'm') return { at: i + 1, cue: 'strong' };
  if (t(i) === 'c' && t(i + 1) === 'est' && t(i - 1) === 'moi') return { at: i + 2, cue: 'strong' };
  if (t(i) === 'name' && t(i + 1) === 'is' && (t(i - 1) === 'my' || t(i - 1) === 'nickname'))
    return { at: i + 2, cue: 'strong' };
  if (t(i) === 'call' && t(i + 1) === 'me') return { at: i + 2, cue: 'weak' };
  if (t(i) === 'llamo' && t(i - 1) === 'me') return { at: i + 1, cue: 'strong' };
  if ((t(i) === 'nom' || t(i) === 'prenom' || t(i) === 'pseudo' || t(i) === 'name') && t(i + 1) === ':')
    return { at: i + 2, cue: 'strong' };
  if ((t(i) === 'nom' || t(i) === 'prenom' || t(i) === 'pseudo') && t(i + 1) === 'est' && t(i - 1) === 'mon')
    return { at: i + 2, cue: 'strong' };
  if (t(i) === 'suis' && t(i - 1) === 'je') return { at: i + 1, cue: 'weak' };
  if (t(i) === 'c' && t(i + 1) === 'est') return { at: i + 2, cue: 'weak' };
  if (t(i) === 'm' && t(i - 1) === 'i') return { at: i + 1, cue: 'weak' };
  if (t(i) === 'am' && t(i - 1) === 'i') return { at: i + 1, cue: 'weak' };
  if (t(i) === 'soy') return { at: i + 1, cue: 'weak' };
  return undefined;
}

function isNameToken(tok: Token | undefined, text: string): tok is Token {
  if (!tok || tok.k !== 'w' || !tok.cap) return false;
  const len = tok.e - tok.s;
  if (len < 2 || len > 20) return false;
  // ALL-CAPS words are shouting, not names, unless they are known first names.
  const orig = text.slice(tok.s, tok.e);
  if (orig === orig.toUpperCase() && !isFirstName(tok.t)) return false;
  return !NOT_NAMES.has(tok.t);
}

function display(text: string, tok: Token): string {
  const orig = text.slice(tok.s, tok.e);
  return orig.charAt(0).toUpperCase() + orig.slice(1).toLowerCase();
}

/** Names in already tokenized fields. */
export function namesFromTokens(fields: FieldTokens[]): NameEntity[] {
  const byKey = new Map<string, NameEntity>();
  const add = (f: FieldTokens, tok: Token) => {
    const span: Span = { field: f.field as Span['field'], start: tok.s, end: tok.e };
    const prev = byKey.get(tok.t);
    if (prev) prev.spans.push(span);
    else byKey.set(tok.t, { name: display(f.text, tok), spans: [span] });
  };
  for (const f of fields) {
    const toks = f.tokens;
    const taken = new Uint8Array(toks.length);
    for (let i = 0; i < toks.length; i++) {
      const c = cueAt(toks, i);
      if (c) {
        const tok = toks[c.at];
        if (isNameToken(tok, f.text) && (c.cue === 'strong' || isFirstName(tok.t))) {
          add(f, tok);
          taken[c.at] = 1;
        }
      }
    }
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i]!;
      if (taken[i] || !tok.cap || !isFirstName(tok.t) || !isNameToken(tok, f.text)) continue;
      const next = toks[i + 1];
      // "Léa, 21 ans" / "Léa - nouvelle": a first name followed by a comma or dash-like break,
      // or any unambiguous first name written with a capital.
      const followedByBreak = next !== undefined && (next.t === ',' || next.t === ':' || next.t === '!');
      if (AMBIGUOUS.has(tok.t) && !(followedByBreak && (i === 0 || toks[i - 1]!.sep === 'newline'))) continue;
      add(f, tok);
    }
  }
  return [...byKey.values()];
}

/** Names or pseudonyms given in an ad's title and body. */
export function extractNames(content: AdContent): NameEntity[] {
  return namesFromTokens(tokenizeFields(content));
}
