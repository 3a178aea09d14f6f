/** The first-name list (data/lexicons/first-names.json), folded once at module load. */
import data from '../../../data/lexicons/first-names.json' with { type: 'json' };
import { foldKey } from '../gazetteer/text-tokens.ts';

const FIRST_NAMES = new Set(data.names.map((n) => foldKey(n)));

/** True when `folded` (already folded: lower case, no accents) is a known first name or pseudonym. */
export function isFirstName(folded: string): boolean {
  return FIRST_NAMES.has(folded);
}
