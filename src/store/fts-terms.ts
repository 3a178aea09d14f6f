/** Splits a folded query into index terms: letters and digits only, so no query syntax leaks through. */
export function ftsTerms(folded: string): string[] {
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 16);
}
