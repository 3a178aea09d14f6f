/**
 * Decides whether a search box entry is an identifier (phone in any format, e-mail, @handle,
 * platform:handle, image hash) or free text. Identifier detection is only a routing hint: the server
 * normalises the value itself.
 */

export type SearchKind = 'identifier' | 'text';

const DIGIT_WORDS =
  /\b(z[eé]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf|zero|one|two|three|four|five|seven|eight|nine)\b/giu;

/** Counts digits, including fullwidth and mathematical digits (obfuscated phones). */
function digitCount(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{Nd}/u.test(ch)) n++;
  return n;
}

export function classifySearch(input: string): SearchKind {
  const s = input.trim();
  if (s === '') return 'text';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) return 'identifier';
  if (/^@[\w.]{2,}$/.test(s)) return 'identifier';
  if (/^(snap(chat)?|insta(gram)?|telegram|tg|whatsapp|wa|tiktok|x|onlyfans|mym):\s*@?[\w.]{2,}$/i.test(s))
    return 'identifier';
  if (/^[0-9a-f]{64}$/i.test(s) || /^[0-9a-f]{16}$/i.test(s)) return 'identifier';
  // Phones: mostly digits and separators, or digits partly spelled out ("zéro six 39 98 ...").
  const words = s.match(DIGIT_WORDS)?.length ?? 0;
  let digits = digitCount(s);
  let letters = (s.replace(DIGIT_WORDS, '').match(/\p{L}/gu) ?? []).length;
  // Letters standing in for digits ("O6 l2") count as digits once the entry is clearly numeric.
  const lookalikes = (s.match(/[OoIl]/g) ?? []).length;
  if (digits >= 4) {
    digits += lookalikes;
    letters -= lookalikes;
  }
  if (digits + words >= 8 && letters <= 4) return 'identifier';
  return 'text';
}

/** The watchlist kind for an identifier typed in the search box (the server normalises the value). */
export function watchKindOf(input: string): 'phone' | 'email' | 'handle' | 'image' {
  const s = input.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) return 'email';
  if (/^[0-9a-f]{64}$/i.test(s) || /^[0-9a-f]{16}$/i.test(s)) return 'image';
  if (/^@/.test(s) || /^[a-z]+:\s*@?[\w.]{2,}$/i.test(s)) return 'handle';
  return 'phone';
}
