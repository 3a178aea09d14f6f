/**
 * Reading a phone number from a chain of number items: the readings that can start at an item ('+', 00,
 * a trunk 0, 33, or 6/7 after a cue), the digit counts where its items end, and validation
 * (contact-phone-validate). Linear: a reading looks at most 17 digits ahead.
 */
import type { Chain, NumItem } from './contact-chains.ts';
import {
  type Budget,
  type ValidPhone,
  validateForeignNational,
  validateFrDigits,
  validateInternational,
} from './contact-phone-validate.ts';

/** A phone number read from a chain: the number, the index after its last item, written international. */
export interface Reading {
  phone: ValidPhone | null;
  next: number;
  intl: boolean;
}

/** The reading found by {@link matchAt}: one object, overwritten (floods find ~70 000 numbers). */
export const reading: Reading = { phone: null, next: 0, intl: false };

function found(phone: ValidPhone, k: number, used: number, intl: boolean): true {
  reading.phone = phone;
  reading.next = itemAt(k, used);
  reading.intl = intl;
  return true;
}

/**
 * The reading tried by {@link matchAt}, without a string or array per try: the char codes of its first
 * digits (`DIG`, up to DIG_MAX; later digits are never looked at) and the digit counts at which its items
 * end (`ENDS[0, nEnds)`, true counts).
 */
const DIG_MAX = 24;
const DIG = new Uint8Array(DIG_MAX);
const ENDS = new Int32Array(24);
let nEnds = 0;

/** DIG[a, b) as a string. */
function digitString(a: number, b: number): string {
  let s = '';
  for (let x = a; x < b; x++) s += String.fromCharCode(DIG[x]!);
  return s;
}

/** Whether an item of the reading ends after exactly `used` digits. */
function hasEnd(used: number): boolean {
  for (let x = 0; x < nEnds; x++) if (ENDS[x] === used) return true;
  return false;
}

/** Try to read a phone number starting at item k of the chain; on success it is in {@link reading}. */
export function matchAt(chain: Chain, k: number, budget: Budget, structured: boolean): boolean {
  const items = chain.items;
  const first = items[k]!;
  // Cheap rejection before anything else: a reading starts with '+', 0, 33, or 6/7 after a cue.
  const d0 = first.digits.charCodeAt(0);
  if (
    !first.plus &&
    d0 !== 48 &&
    d0 !== 51 &&
    !((d0 === 54 || d0 === 55) && k === 0 && (chain.phoneCue || structured))
  ) {
    return false;
  }
  // Without '+', a reading starting with 3 can only be the country code 33 (at a chain start or after a
  // cue): check the second digit before building anything ("0 6 3 9 0 6 3 9 …" floods stop here).
  if (!first.plus && d0 === 51) {
    if (!(k === 0 || chain.phoneCue)) return false;
    let d1 = first.digits.charCodeAt(1);
    if (first.digits.length === 1) {
      const nx = items[k + 1];
      d1 = nx === undefined || nx.blocked || nx.plus ? -1 : nx.digits.charCodeAt(0);
    }
    if (d1 !== 51) return false;
  }
  // Without '+', "000…" cannot be read: after "00" a calling code never starts with 0, a French number
  // needs a non-zero second digit and a UK national number starts with 07 (emoji floods of "0" stop here).
  const zeroZero = !first.plus && d0 === 48 && digitAt(items, k, 1) === 48;
  if (zeroZero && digitAt(items, k, 2) === 48) return false;
  // Take unblocked items up to 17 digits (an international reading after '+' or "00"; national readings
  // use at most 12); remember where each item ends.
  const limit = first.plus || zeroZero ? 17 : 12;
  let n = 0;
  nEnds = 0;
  let j = k;
  while (j < items.length && n < limit && !items[j]!.blocked) {
    const it = items[j]!;
    if (j > k && it.plus) break;
    const ds = it.digits;
    for (let x = 0; x < ds.length && n + x < DIG_MAX; x++) DIG[n + x] = ds.charCodeAt(x);
    n += ds.length;
    ENDS[nEnds++] = n;
    j++;
  }
  // International: after '+', or "00" and at least 10 digits; under 7 digits after the prefix there is no
  // reading (a calling code and at least 6 digits): "+1 +1 +1 …".
  const offset = first.plus ? 0 : zeroZero && n >= 10 ? 2 : -1;
  if (offset >= 0 && n - offset >= 7) {
    const shifted: number[] = [];
    for (let x = 0; x < nEnds; x++) if (ENDS[x]! > offset) shifted.push(ENDS[x]! - offset);
    // Later digits are never read (at most 16 after the prefix).
    const r = validateInternational(digitString(offset, Math.min(n, DIG_MAX)), shifted, budget);
    if (r !== null && weakOk(items, k, r.used + offset)) return found(r.phone, k, r.used + offset, true);
  }
  if (first.plus) return false;
  if (d0 === 48 && hasEnd(10) && DIG[1] !== 48) {
    const v = validateFrDigits(DIG, 1, budget);
    if (v !== null && weakOk(items, k, 10)) return found(v, k, 10, false);
  }
  if (d0 === 48 && hasEnd(11) && (first.digits.length === 5 || first.digits.length === 11)) {
    const v = validateForeignNational(digitString(0, 11), budget);
    if (v !== null && weakOk(items, k, 11)) return found(v, k, 11, false);
  }
  // Country code written without '+': "33 6 39 98 12 34", "33639981234".
  if (d0 === 51 && DIG[1] === 51 && n >= 2 && (k === 0 || chain.phoneCue)) {
    for (let used = 11; used <= 12; used++) {
      if (!hasEnd(used) || (used === 12 && DIG[2] !== 48)) continue;
      const v = validateFrDigits(DIG, used - 9, budget);
      if (v !== null && weakOk(items, k, used)) return found(v, k, used, true);
    }
  }
  // Mobile without trunk 0 ("6 39 98 12 34"), only right after a phone cue and as a whole chain.
  if ((chain.phoneCue || structured) && k === 0 && (d0 === 54 || d0 === 55) && hasEnd(9)) {
    const after = itemAt(k, 9);
    if (after === items.length || items[after]!.blocked) {
      const v = validateFrDigits(DIG, 0, budget);
      if (v !== null && weakOk(items, k, 9)) return found(v, k, 9, false);
    }
  }
  return false;
}

/** Char code of the p-th digit of the reading that starts at item k (same items as matchAt reads), or -1. */
function digitAt(items: NumItem[], k: number, p: number): number {
  let left = p;
  for (let j = k; j < items.length; j++) {
    const it = items[j]!;
    if (it.blocked || (j > k && it.plus)) return -1;
    if (left < it.digits.length) return it.digits.charCodeAt(left);
    left -= it.digits.length;
  }
  return -1;
}

/** Index after the item where `used` digits end (the digit count must be in ENDS). */
function itemAt(k: number, used: number): number {
  let x = 0;
  while (ENDS[x] !== used) x++;
  return k + x + 1;
}

/** At most half the digits come from weak sources. (Module-level, not a closure per call: hot on hostile text.) */
function weakOk(items: NumItem[], k: number, used: number): boolean {
  const to = itemAt(k, used);
  let w = 0;
  let total = 0;
  for (let x = k; x < to; x++) {
    total += items[x]!.digits.length;
    if (items[x]!.weak) w += items[x]!.digits.length;
  }
  return w * 2 <= total;
}
