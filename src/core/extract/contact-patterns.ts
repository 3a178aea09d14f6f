/**
 * Patterns inside a chain of number items that are not phone numbers: dates (12/03/2024, 2024-03-12), day/
 * month pairs, times (14:30), "24/7"-like schedules, postcodes after a city name and lone years. Their
 * items are marked blocked.
 */
import type { NumItem } from './contact-chains.ts';

const DATE_SEPS = new Set(['/', '.', '-']);

/** Block dates (12/03/2024, 2024-03-12), times (14:30) and "24/7"-like schedules inside a chain. */
export function markPatterns(items: NumItem[]): void {
  const n = items.length;
  for (let k = 0; k < n; k++) {
    const a = items[k]!;
    const b = items[k + 1];
    yearLike(items, k);
    // A postcode after a city name, ending its phrase: "Nice (06100).", "Lyon 69003, …".
    if (a.capBefore && a.src === 'digits' && a.digits.length === 5) {
      if (b === undefined || b.newlinesBefore > 0 || b.fillerBefore || /[,.;)]/.test(b.sep)) a.blocked = true;
    }
    if (b === undefined) break;
    if (a.src !== 'digits' || b.src !== 'digits') continue;
    const s = b.sep;
    // Every pattern below joins a and b by '/', '.', '-' or ':' (most pairs: a space, nothing to parse).
    if (s !== '/' && s !== '.' && s !== '-' && s !== ':') continue;
    const av = Number(a.digits);
    const bv = Number(b.digits);
    const c = items[k + 2];
    if (DATE_SEPS.has(s) && c !== undefined && c.src === 'digits' && c.sep === s) {
      const cv = Number(c.digits);
      const prevSame = k > 0 && tight(a, s);
      const nextSame = tight(items[k + 3], s);
      if (!prevSame && !nextSame) {
        const dmy =
          a.digits.length <= 2 &&
          b.digits.length <= 2 &&
          (c.digits.length === 2 || c.digits.length === 4) &&
          av >= 1 &&
          av <= 31 &&
          bv >= 1 &&
          bv <= 12;
        const ymd =
          a.digits.length === 4 &&
          b.digits.length <= 2 &&
          c.digits.length <= 2 &&
          bv >= 1 &&
          bv <= 12 &&
          cv >= 1 &&
          cv <= 31;
        if (dmy || ymd) {
          a.blocked = true;
          b.blocked = true;
          c.blocked = true;
          continue;
        }
      }
    }
    // An isolated day/month pair: "06/12, 07/12", "le 06/12 à 20h".
    if (
      tight(b, '/') &&
      a.digits.length <= 2 &&
      b.digits.length <= 2 &&
      av >= 1 &&
      av <= 31 &&
      bv >= 1 &&
      bv <= 12 &&
      (k === 0 || !tight(a, '/')) &&
      !tight(c, '/')
    ) {
      a.blocked = true;
      b.blocked = true;
      continue;
    }
    if (
      s === ':' &&
      a.digits.length <= 2 &&
      b.digits.length === 2 &&
      av <= 23 &&
      bv <= 59 &&
      items[k + 2]?.sep !== ':' &&
      (k === 0 || a.sep !== ':')
    ) {
      a.blocked = true;
      b.blocked = true;
      continue;
    }
    if (
      tight(b, '/') &&
      !tight(a, '/') &&
      !tight(c, '/') &&
      ((av === 24 && (bv === 7 || bv === 24)) ||
        (av === 7 && (bv === 7 || bv === 24)) ||
        (av === 365 && bv === 365))
    ) {
      a.blocked = true;
      b.blocked = true;
    }
  }
}

/** "a/b" written tight (no space before the separator): the shape of dates, not of spaced phone groups. */
function tight(it: NumItem | undefined, s: string): boolean {
  return it !== undefined && it.sep === s && !it.spaceBefore;
}

/** Separated from its neighbour like a list item. (Module-level: a closure per item was hot on hostile text.) */
function loose(x: NumItem): boolean {
  return x.fillerBefore || x.sep.includes(',') || x.sep.includes(';') || (x.sep !== '' && x.spaceBefore);
}

/** A year (1950–2039) standing alone between list separators ("née en 1999, 2024 / …") is not a phone group. */
function yearLike(items: NumItem[], k: number): void {
  const it = items[k]!;
  if (it.digits.length !== 4 || it.src !== 'digits') return;
  const v = Number(it.digits);
  if (v < 1950 || v > 2039) return;
  const next = items[k + 1];
  if ((k === 0 || loose(it)) && (next === undefined || loose(next))) it.blocked = true;
}
