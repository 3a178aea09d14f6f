import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { extractPhones } from '../../core/extract/phones.ts';
import type { IdentifierKind } from '../../core/types.ts';

/** What an identifier typed or pasted by a user stands for, as stored in `ad_identifiers`. */
export interface IdentifierQuery {
  kind: IdentifierKind;
  /** Exact stored values to look up. */
  values: string[];
  /** For a handle given without its platform: match `<any platform>:<handle>`. */
  anyPlatformHandle?: string;
}

const HEX64 = /^[0-9a-f]{64}$/i;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,24}$/i;
const HANDLE = /^@?[a-z0-9._-]{2,64}$/i;
const PLATFORM_HANDLE = /^([a-z]+):@?([a-z0-9._-]{1,64})$/i;

/**
 * Normalises an identifier in any common form: a phone written any way (obfuscated included; French
 * unless it has a country code), an e-mail, `@handle` or `platform:handle`, an image SHA-256.
 * Returns null when the text is none of these.
 */
export function parseIdentifier(input: string, defaultCountry: 'FR' = 'FR'): IdentifierQuery | null {
  const s = input.trim().slice(0, 300);
  if (s.length === 0) return null;
  if (HEX64.test(s)) return { kind: 'image', values: [s.toLowerCase()] };
  if (EMAIL.test(s)) return { kind: 'email', values: [s.toLowerCase()] };
  const ph = PLATFORM_HANDLE.exec(s);
  if (ph) return { kind: 'handle', values: [`${ph[1].toLowerCase()}:${ph[2].toLowerCase()}`] };
  const phones = phonesIn(s, defaultCountry);
  if (phones.length > 0) return { kind: 'phone', values: phones };
  if (HANDLE.test(s) && /[a-z]/i.test(s))
    return { kind: 'handle', values: [], anyPlatformHandle: s.replace(/^@/, '').toLowerCase() };
  return null;
}

function phonesIn(s: string, country: 'FR'): string[] {
  const found = new Set<string>();
  try {
    for (const p of extractPhones({ body: s })) found.add(p.e164);
  } catch {
    // The extractor is hardened against hostile text; fall back to the plain parser if it ever throws.
  }
  if (found.size === 0) {
    const digits = s.replace(/[^\d+]/g, '');
    if (digits.replace(/\D/g, '').length >= 8) {
      const p = parsePhoneNumberFromString(digits, country);
      if (p?.isPossible()) found.add(p.number);
    }
  }
  return [...found];
}
