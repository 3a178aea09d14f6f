import { isValidPhoneNumber, parsePhoneNumber } from 'libphonenumber-js/max';
import { VigieError } from '../core/errors.ts';

/**
 * Phone numbers reserved for fiction, handed out once each (a number never belongs to two personas).
 *
 * France: ARCEP keeps six blocks of 10,000 numbers for audiovisual works (national numbering plan,
 * décision 2018-0881): 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49 (fixed) and 06 39 98 (mobile).
 * United Kingdom: Ofcom's London drama range 020 7946 0000–0999 (fixed). Ofcom's mobile drama range
 * 07700 900xxx is not used: libphonenumber cannot even tell its country.
 * Nothing outside these blocks is ever produced; see docs/DEMO-CORPUS.md for how large corpora stay inside.
 *
 * Beware: libphonenumber-js/max `isValid()` rejects the mobile fiction block 06 39 98 (its metadata has
 * 063[0-8] only) and `findPhoneNumbersInText` skips it; the number is "possible" and parses as FR.
 */
export interface FictionPhone {
  e164: string;
  /** National form without separators: `0639981234`, `07700900123`. */
  national: string;
  country: 'FR' | 'GB';
  type: 'mobile' | 'fixed';
}

/** National prefixes (without the trunk 0) of the French fiction blocks, mobile first. */
export const FR_FICTION_BLOCKS = ['63998', '19900', '26191', '35301', '46571', '53649'] as const;
export const UK_FICTION_PREFIX = '2079460';
/** Numbers available in total (FR + UK). */
export const FICTION_CAPACITY = FR_FICTION_BLOCKS.length * 10_000 + 1000;

/** True when `e164` lies in one of the fiction blocks above. */
export function isFictionNumber(e164: string): boolean {
  if (/^\+33\d{9}$/.test(e164)) return FR_FICTION_BLOCKS.some((b) => e164.startsWith(`+33${b}`));
  return /^\+442079460\d{3}$/.test(e164);
}

// Odd multipliers coprime with 10 and 1000 spread consecutive allocations over the block, so the
// numbers do not look sequential (a bijection: each suffix is used once).
function scramble(i: number, size: number, mult: number, offset: number): number {
  return (i * mult + offset) % size;
}

/** Allocates unique fiction numbers; deterministic for a given order of calls. */
export class PhonePool {
  private readonly used = new Array<number>(FR_FICTION_BLOCKS.length).fill(0);
  private ukUsed = 0;

  /** `limit` caps allocations below the real capacity (tests of how large corpora stay inside). */
  constructor(private readonly limit: number = FICTION_CAPACITY) {}

  /** A French mobile number (06 39 98 block; when exhausted, the fixed fiction blocks, last first). */
  mobile(): FictionPhone {
    if (this.allocated >= this.limit) throw this.exhausted();
    if (this.used[0]! < 10_000) return this.take(0, 'mobile');
    for (let b = FR_FICTION_BLOCKS.length - 1; b >= 1; b--)
      if (this.used[b]! < 10_000) return this.take(b, 'fixed');
    throw this.exhausted();
  }

  /** A French fixed-line number (01 99 00 first, then the other fixed blocks). */
  fixed(): FictionPhone {
    if (this.allocated >= this.limit) throw this.exhausted();
    for (let b = 1; b < FR_FICTION_BLOCKS.length; b++)
      if (this.used[b]! < 10_000) return this.take(b, 'fixed');
    if (this.used[0]! < 10_000) return this.take(0, 'mobile');
    throw this.exhausted();
  }

  /** A UK drama number (London, fixed), or a French mobile once the 1,000 UK numbers are used. */
  uk(): FictionPhone {
    if (this.ukUsed >= 1000 || this.allocated >= this.limit) return this.mobile();
    const suffix = String(scramble(this.ukUsed++, 1000, 617, 271)).padStart(3, '0');
    return checked({
      e164: `+44${UK_FICTION_PREFIX}${suffix}`,
      national: `0${UK_FICTION_PREFIX}${suffix}`,
      country: 'GB',
      type: 'fixed',
    });
  }

  /** How many numbers were handed out. */
  get allocated(): number {
    return this.used.reduce((a, b) => a + b, 0) + this.ukUsed;
  }

  private take(block: number, type: 'mobile' | 'fixed'): FictionPhone {
    const i = this.used[block]!;
    this.used[block] = i + 1;
    const suffix = String(scramble(i, 10_000, 7919, 1234 + block * 1111)).padStart(4, '0');
    const nsn = `${FR_FICTION_BLOCKS[block]}${suffix}`;
    return checked({ e164: `+33${nsn}`, national: `0${nsn}`, country: 'FR', type });
  }

  private exhausted(): VigieError {
    return new VigieError('invalid_input', `all ${this.limit} available fiction phone numbers are used`, {
      details: { capacity: this.limit },
    });
  }
}

/**
 * True when libphonenumber-js/max accepts `e164`: valid, or — for the 06 39 98 fiction block its metadata
 * leaves out — possible and parsed as a French number.
 */
export function isParseableFiction(e164: string): boolean {
  if (!isFictionNumber(e164)) return false;
  if (isValidPhoneNumber(e164)) return true;
  const parsed = parsePhoneNumber(e164);
  return (
    e164.startsWith('+33639') && parsed.isPossible() && parsed.country === 'FR' && parsed.number === e164
  );
}

function checked(p: FictionPhone): FictionPhone {
  // Extraction parses with libphonenumber-js/max: a number it rejects would make the truth unreachable.
  if (!isParseableFiction(p.e164))
    throw new VigieError('internal_error', `generated phone ${p.e164} is not parseable`);
  return p;
}
