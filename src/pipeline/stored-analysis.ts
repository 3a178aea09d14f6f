import { primaryPlace } from '../core/extract/primary-place.ts';
import { identifiersOf } from '../core/identifiers.ts';
import type { Analysis, Identifier, Scores } from '../core/types.ts';

/**
 * What the store keeps of an analysis, computed where the analysis ran (a worker thread): the JSON text and
 * the few columns derived from it. Crossing threads as one string plus a handful of fields is much cheaper
 * than cloning the analysis object and stringifying it again on the writing thread.
 */
export interface StoredAnalysis {
  json: string;
  modelVersion: string;
  scores: Scores;
  cityName: string | null;
  cityInsee: string | null;
  departement: string | null;
  lang: string | null;
  /** Identifiers from the text (phones, emails, handles), deduplicated; image hashes are added at write. */
  identifiers: Identifier[];
}

export function storedAnalysis(a: Analysis): StoredAnalysis {
  const x = a.extraction;
  const place = primaryPlace(x.places);
  return {
    json: JSON.stringify(a),
    modelVersion: a.modelVersion,
    scores: a.scores,
    cityName: place?.name ?? null,
    cityInsee: place?.insee ?? null,
    departement: place?.departement ?? x.places[0]?.departement ?? null,
    lang: x.language,
    identifiers: identifiersOf(x),
  };
}

export function isStoredAnalysis(a: Analysis | StoredAnalysis): a is StoredAnalysis {
  return typeof (a as StoredAnalysis).json === 'string';
}
