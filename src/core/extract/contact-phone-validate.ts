/**
 * Phone number validation. French numbers (the default region) are checked by their structure, so that
 * numbers in the ranges reserved for fiction (06 39 98 …) — which libphonenumber rightly calls invalid — and
 * freshly allocated ranges are still read; foreign numbers must pass libphonenumber's `isValid()` (max
 * metadata), except the UK drama range 07700 900xxx.
 */
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneEntity } from '../types.ts';

export interface ValidPhone {
  e164: string;
  country: string;
  type: PhoneEntity['type'];
}

const CALLING_CODES = new Set<string>();
for (const c of getCountries()) CALLING_CODES.add(getCountryCallingCode(c));

/** A budget of libphonenumber calls, so hostile text full of '+' cannot make extraction slow. */
export interface Budget {
  left: number;
}

function frType(n9: string): PhoneEntity['type'] {
  const d = n9[0];
  if (d === '6' || d === '7') return 'mobile';
  if (d === '9') return 'voip';
  if (d === '8') return 'other';
  return 'fixed';
}

/**
 * Answers by input string, bounded (cleared when full): floods of one number validate it once and share one
 * result object (and one E.164 string, whose hash the merge maps then compute once). Results are read-only.
 */
class Memo<V> {
  private readonly map = new Map<string, V>();
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): V {
    if (this.map.size >= 4096) this.map.clear();
    this.map.set(k, v);
    return v;
  }
}

const frMemo = new Memo<ValidPhone>();

/** French national significant number (9 digits, no trunk 0). */
export function validateFr(n9: string, budget: Budget): ValidPhone | null {
  if (n9.length !== 9) return null;
  const d = n9.charCodeAt(0);
  if (d < 49 || d > 57) return null;
  if (n9[0] === '8') {
    // Special-rate numbers: only when libphonenumber knows the range.
    const v = parseValid(`+33${n9}`, budget);
    return v === null ? null : { ...v, type: 'other' };
  }
  return frMemo.get(n9) ?? frMemo.set(n9, { e164: `+33${n9}`, country: 'FR', type: frType(n9) });
}

const frByNumber = new Map<number, ValidPhone | null>();

/**
 * {@link validateFr} for the 9 digit char codes `codes[from, from + 9)`, memoised by their value: a flood of
 * one number reads it without building a string.
 */
export function validateFrDigits(codes: ArrayLike<number>, from: number, budget: Budget): ValidPhone | null {
  let value = 0;
  for (let x = from; x < from + 9; x++) value = value * 10 + (codes[x]! - 48);
  // Special-rate numbers (8…) go through libphonenumber and its budget on every call.
  if (codes[from] === 56) return validateFr(digitsOf(codes, from), budget);
  let v = frByNumber.get(value);
  if (v === undefined) {
    v = validateFr(digitsOf(codes, from), budget);
    if (frByNumber.size >= 4096) frByNumber.clear();
    frByNumber.set(value, v);
  }
  return v;
}

function digitsOf(codes: ArrayLike<number>, from: number): string {
  let s = '';
  for (let x = from; x < from + 9; x++) s += String.fromCharCode(codes[x]!);
  return s;
}

function mapType(t: string | undefined): PhoneEntity['type'] {
  switch (t) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'fixed';
    case 'VOIP':
      return 'voip';
    case 'FIXED_LINE_OR_MOBILE':
      return 'mobile';
    default:
      return 'other';
  }
}

const parseMemo = new Memo<ValidPhone | null>();

/** libphonenumber's answer for `s`, counted against the budget whether or not it was asked before. */
function parseValid(s: string, budget: Budget): ValidPhone | null {
  if (budget.left <= 0) return null;
  budget.left--;
  const known = parseMemo.get(s);
  return known !== undefined ? known : parseMemo.set(s, parseUncached(s));
}

function parseUncached(s: string): ValidPhone | null {
  const p = parsePhoneNumberFromString(s);
  if (p === undefined) return null;
  if (p.isValid()) return { e164: p.number, country: p.country ?? '', type: mapType(p.getType()) };
  // Ofcom's drama range 07700 900000–900999.
  if (p.countryCallingCode === '44' && /^7700900\d{3}$/.test(p.nationalNumber)) {
    return { e164: p.number, country: 'GB', type: 'mobile' };
  }
  return null;
}

/**
 * International number: `digits` follow a '+' or '00'. `ends` are the digit counts at which the written
 * groups end; the longest valid reading wins. Returns the valid phone and the digit count used.
 */
export function validateInternational(
  digits: string,
  ends: number[],
  budget: Budget,
): { phone: ValidPhone; used: number } | null {
  if (digits.startsWith('33')) {
    // +33 6…, +33 (0)6…, +33 06…
    for (const skip of [2, 3]) {
      if (skip === 3 && digits[2] !== '0') continue;
      const used = skip + 9;
      if (!ends.includes(used)) continue;
      const v = validateFr(digits.slice(skip, used), budget);
      if (v !== null) return { phone: v, used };
    }
    return null;
  }
  let cc = '';
  for (const len of [1, 2, 3]) {
    if (CALLING_CODES.has(digits.slice(0, len))) {
      cc = digits.slice(0, len);
      break;
    }
  }
  if (cc === '') return null;
  let tries = 0;
  for (let k = ends.length - 1; k >= 0 && tries < 8; k--) {
    const used = ends[k]!;
    if (used > 16 || used < cc.length + 6) continue;
    tries++;
    const v = parseValid(`+${digits.slice(0, used)}`, budget);
    if (v !== null) return { phone: v, used };
  }
  return null;
}

/** A national number written without country code that is not French (UK mobiles: 07xxx xxxxxx). */
export function validateForeignNational(digits: string, budget: Budget): ValidPhone | null {
  if (digits.length === 11 && digits.startsWith('07')) return parseValid(`+44${digits.slice(1)}`, budget);
  return null;
}
