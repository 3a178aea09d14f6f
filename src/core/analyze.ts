/**
 * The pure analysis stage for one ad: every extractor, the indicators and the scores.
 * Title and body are tokenized once and shared by the place, age, price, name and indicator passes;
 * contacts (phones, e-mails, handles) come from their own de-obfuscating extractors.
 */
import { agesFromTokens } from './extract/ages.ts';
import { extractEmails } from './extract/emails.ts';
import { extractHandles } from './extract/handles.ts';
import { languageFromTokens } from './extract/language.ts';
import { namesFromTokens } from './extract/names.ts';
import { extractPhones } from './extract/phones.ts';
import { placesFromTokens } from './extract/places.ts';
import { pricesFromTokens } from './extract/prices.ts';
import { tokenizeFields } from './gazetteer/text-tokens.ts';
import { type CompiledLexicon, defaultLexicon, detectIndicators } from './score/indicators.ts';
import {
  DEFAULT_MODEL,
  effectiveWeights,
  featuresOf,
  hitWeight,
  type ScoringModel,
  scoreFeatures,
} from './score/model.ts';
import type { AdContent, Analysis, Extraction } from './types.ts';

export type { ScoringModel } from './score/model.ts';

/** Extraction only (no indicators, no scores). */
export function extractAll(content: AdContent): Extraction {
  const fields = tokenizeFields(content);
  return extractWith(content, fields);
}

function extractWith(content: AdContent, fields: ReturnType<typeof tokenizeFields>): Extraction {
  return {
    phones: extractPhones(content),
    emails: extractEmails(content),
    handles: extractHandles(content),
    ages: agesFromTokens(fields, content.age),
    places: placesFromTokens(fields, content.city),
    prices: pricesFromTokens(fields),
    names: namesFromTokens(fields),
    language: languageFromTokens(fields),
  };
}

/**
 * Runs all extractors, indicators and scores on one ad. Pure and deterministic; `model` defaults to
 * the shipped data/model/model.json, `lexicon` to the shipped data/lexicons/.
 */
export function analyzeAd(
  content: AdContent,
  model: ScoringModel = DEFAULT_MODEL,
  lexicon: CompiledLexicon = defaultLexicon(),
): Analysis {
  const fields = tokenizeFields(content);
  const extraction = extractWith(content, fields);
  const indicators = detectIndicators(fields, extraction, lexicon);
  const weights = effectiveWeights(model, lexicon);
  for (const h of indicators) h.weight = hitWeight(weights, h);
  const scores = scoreFeatures(model, weights, featuresOf(indicators));
  return { extraction, indicators, scores, modelVersion: `${model.version}+lex.${lexicon.version}` };
}
