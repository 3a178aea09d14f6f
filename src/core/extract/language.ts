/**
 * Language of an ad (ISO 639-1), or null when the text is too short to tell.
 *
 * Fast path: counts very frequent function words (and frequent ad words) of each supported language
 * over the already folded tokens (a few microseconds). Only when no such word is present does tinyld
 * decide, on a short sample: tinyld alone measured ~0.2–2 ms per 400-character ad here, far over the
 * per-ad budget.
 */
import { detect } from 'tinyld';
import { type FieldTokens, tokenizeFields } from '../gazetteer/text-tokens.ts';
import type { AdContent } from '../types.ts';

/** Below this many letters, detection is a guess: report null. */
export const MIN_LETTERS = 20;
const TINYLD_SAMPLE = 160;
/** Languages plausible in ads seen in France; restricting tinyld avoids exotic guesses on short text. */
const TINYLD_LANGS = [
  'fr',
  'en',
  'es',
  'de',
  'it',
  'pt',
  'ro',
  'nl',
  'pl',
  'ru',
  'uk',
  'bg',
  'ar',
  'tr',
  'zh',
  'vi',
  'th',
];

const FUNCTION_WORDS: Record<string, string> = {
  fr:
    'je suis et le la les des un une pour avec dans sur pas vous moi tu est mon ma mes tres qui que ou au aux du ce ' +
    'cette nous sans mais bien toute tout on te annonce prix vends vend disponible etage loyer mois libre ' +
    'particulier facture achete remise main premiere etat neuf bonjour salut recois ans reelles tarifs heure ' +
    'heures dispo nouvelle douce jolie appelle appelez rencontre ferme debattre portes visible de par femme ' +
    'semaine cherche recherche ville',
  en: 'i am and the an for with in on not you me is my very who that or at to of this we without but all your hello hi new town available call text sweet real hours rates incall outcall years old here',
  es: 'yo soy y el los las una para con en no tu te es muy que o al del esta este nosotros sin pero todo todos mi hola nueva llamame anos fotos reales ciudad chica',
  de: 'ich bin und der die das ein eine fur mit nicht du ist mein sehr wer oder zu von diese wir ohne aber alle',
  it: 'io sono e in il lo gli una per con non sei mio molto chi che o al del questa questo noi senza ma tutto',
  pt: 'eu sou e o os as um uma para com em nao voce e meu muito quem que ou ao do esta este nos sem mas tudo',
  ro:
    'eu sunt si cu pentru nu esti foarte care sau din acest aceasta suntem fara dar toate sa ma te la pe in ' +
    'numesc ani draguta ofer primesc poze ora intre jumatate disponibila masaj salut',
  nl: 'ik ben en de het een voor met in niet jij je is mijn erg wie dat of aan van deze wij zonder maar alles',
};
const TIE_ORDER = Object.keys(FUNCTION_WORDS);
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const w of words.split(' ')) {
    const l = WORD_LANGS.get(w);
    if (l) l.push(lang);
    else WORD_LANGS.set(w, [lang]);
  }
}

/** Language from tokenized fields; `text` is used for the tinyld fallback. */
export function languageFromTokens(fields: FieldTokens[]): string | null {
  let letters = 0;
  const counts = new Map<string, number>();
  for (const f of fields) {
    for (const t of f.tokens) {
      if (t.k !== 'w') continue;
      letters += t.t.length;
      const langs = WORD_LANGS.get(t.t);
      if (!langs) continue;
      // A word shared by several languages counts a fraction for each.
      for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1 / langs.length);
    }
  }
  if (letters < MIN_LETTERS) return null;
  let best = '';
  let bestN = 0;
  let second = 0;
  for (const [l, n] of counts) {
    if (n > bestN) {
      second = bestN;
      bestN = n;
      best = l;
    } else if (n > second) second = n;
  }
  // Function words decide whenever one language leads; tinyld is only asked on a tie or no evidence.
  if (bestN >= 1 && bestN > second) return best;
  // On a tie, the first leader in a fixed order wins (French, Vigie's home language, first): asking
  // tinyld costs about a millisecond and guessed no better on the demo corpus.
  if (bestN >= 1) for (const l of TIE_ORDER) if ((counts.get(l) ?? 0) === bestN) return l;
  const text = fields.map((f) => f.text).join('. ');
  const lang = detect(text.length > TINYLD_SAMPLE ? text.slice(0, TINYLD_SAMPLE) : text, {
    only: TINYLD_LANGS,
  });
  return lang === '' ? null : lang;
}

/** ISO 639-1 code of the main language of `text`, or null when undetermined. */
export function detectLanguage(text: string): string | null {
  return languageFromTokens(tokenizeFields({ body: text }));
}

/** Language of an ad's title and body. */
export function extractLanguage(content: AdContent): string | null {
  return languageFromTokens(tokenizeFields(content));
}
