/**
 * Folds text for search and matching: compatibility forms, no diacritics, lower case.
 * Linear in the input; used for the full-text index and for query terms alike so both sides agree.
 */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
