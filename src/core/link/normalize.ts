/**
 * Text normalisation for near-duplicate detection and templates: lower-case, accents folded,
 * identifiers and numbers masked so that two ads written from one template compare equal even when
 * the phone, e-mail, price or age differ. Hand-written linear scanners only (hostile text must never hang).
 */

/** Placeholder tokens written in place of masked values. */
export const MASK = { number: '<n>', contact: '<id>' } as const;

/** Lower-case and strip combining marks ("Élodie" → "elodie"). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function isWordChar(c: number): boolean {
  // ASCII letters/digits, Latin-1 and later letters (after folding, most are plain ASCII).
  return (
    (c >= 48 && c <= 57) ||
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)
  );
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function looksLikeContact(chunk: string): boolean {
  return chunk.includes('@') || chunk.startsWith('http') || chunk.startsWith('www.') || chunk.includes('://');
}

/**
 * Split folded text into word tokens, masking contacts (e-mails, URLs, @handles) as `<id>` and any
 * token containing a digit as `<n>`. Consecutive `<n>` collapse into one, so "06 39 98 00 12" and
 * "0639980012" both give a single `<n>`.
 */
export function maskedTokens(text: string): string[] {
  const folded = foldText(text);
  const out: string[] = [];
  const push = (t: string) => {
    if (t === MASK.number && out[out.length - 1] === MASK.number) return;
    out.push(t);
  };
  let i = 0;
  const n = folded.length;
  while (i < n) {
    // whitespace-delimited chunk
    while (i < n && folded.charCodeAt(i) <= 32) i++;
    const start = i;
    while (i < n && folded.charCodeAt(i) > 32) i++;
    if (start === i) continue;
    const chunk = folded.slice(start, i);
    if (looksLikeContact(chunk)) {
      push(MASK.contact);
      continue;
    }
    let j = 0;
    while (j < chunk.length) {
      while (j < chunk.length && !isWordChar(chunk.charCodeAt(j))) j++;
      const ws = j;
      let hasDigit = false;
      while (j < chunk.length && isWordChar(chunk.charCodeAt(j))) {
        if (isDigitCode(chunk.charCodeAt(j))) hasDigit = true;
        j++;
      }
      if (ws === j) continue;
      push(hasDigit ? MASK.number : chunk.slice(ws, j));
    }
  }
  return out;
}

/** Normalised text: masked tokens joined by single spaces. */
export function normalizeForShingles(text: string): string {
  return maskedTokens(text).join(' ');
}

/** Shingling scheme: word n-grams over masked tokens, or character n-grams over the masked text. */
export type ShingleMode = { kind: 'word'; n: number } | { kind: 'char'; n: number };

/** Distinct shingles of `text` (texts shorter than one shingle give one shingle: the whole text). */
export function shingles(text: string, mode: ShingleMode = { kind: 'word', n: 3 }): Set<string> {
  const set = new Set<string>();
  if (mode.kind === 'word') {
    const toks = maskedTokens(text);
    if (toks.length === 0) return set;
    if (toks.length < mode.n) {
      set.add(toks.join(' '));
      return set;
    }
    for (let i = 0; i + mode.n <= toks.length; i++) set.add(toks.slice(i, i + mode.n).join(' '));
    return set;
  }
  const s = normalizeForShingles(text);
  if (s.length === 0) return set;
  if (s.length < mode.n) {
    set.add(s);
    return set;
  }
  for (let i = 0; i + mode.n <= s.length; i++) set.add(s.slice(i, i + mode.n));
  return set;
}

/** Exact Jaccard similarity of two shingle sets (1 when both are empty). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
