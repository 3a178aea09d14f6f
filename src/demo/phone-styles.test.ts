import { describe, expect, it } from 'vitest';
import { FICTION_CAPACITY, PhonePool, isFictionNumber, isParseableFiction } from './phone-pool.ts';
import { OBFUSCATED_VARIANTS, PLAIN_VARIANTS, frenchNumber, writePhone } from './phone-styles.ts';
import { Rng } from './prng.ts';

/** Digits a reader recovers from digit-based styles (keycaps, fullwidth, math bold, look-alikes). */
function digitsOf(text: string): string {
  let out = '';
  for (const ch of text.replace(/\uFE0F\u20E3/g, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x30 && cp <= 0x39) out += ch;
    else if (cp >= 0xff10 && cp <= 0xff19) out += String(cp - 0xff10);
    else if (cp >= 0x1d7ce && cp <= 0x1d7d7) out += String(cp - 0x1d7ce);
    else if ('Oo'.includes(ch)) out += '0';
    else if ('lIi!'.includes(ch)) out += '1';
  }
  return out;
}

describe('frenchNumber', () => {
  it('spells 0–99 as French ads do', () => {
    expect(frenchNumber(6)).toBe('six');
    expect(frenchNumber(17)).toBe('dix-sept');
    expect(frenchNumber(21)).toBe('vingt et un');
    expect(frenchNumber(39)).toBe('trente-neuf');
    expect(frenchNumber(71)).toBe('soixante et onze');
    expect(frenchNumber(77)).toBe('soixante-dix-sept');
    expect(frenchNumber(80)).toBe('quatre-vingts');
    expect(frenchNumber(81)).toBe('quatre-vingt-un');
    expect(frenchNumber(98)).toBe('quatre-vingt-dix-huit');
  });
});

describe('writePhone', () => {
  const pool = new PhonePool();
  const fr = pool.mobile();
  const uk = pool.uk();

  it('keeps the digits in digit-based styles', () => {
    const rng = new Rng(1);
    for (const v of [
      'plain',
      'spaced',
      'dots',
      'dashes',
      'keycap',
      'fullwidth',
      'every_digit',
      'group_symbols',
      'split_lines',
      'lookalike',
    ]) {
      for (let i = 0; i < 20; i++) {
        const w = writePhone(fr, v, rng);
        expect(digitsOf(w.text), `${v}: ${w.text}`).toBe(fr.national);
      }
    }
  });

  it('flags obfuscation as the contract defines it', () => {
    const rng = new Rng(2);
    for (const v of PLAIN_VARIANTS) expect(writePhone(fr, v, rng).obfuscated).toBe(false);
    for (const v of OBFUSCATED_VARIANTS) expect(writePhone(fr, v, rng).obfuscated).toBe(true);
  });

  it('spells French pairs and English digits', () => {
    const rng = new Rng(3);
    const spelled = writePhone(fr, 'spelled_fr_pairs', rng).text.replace(/é/g, 'e');
    expect(spelled).toMatch(/^zero six[ ,-]+trente[ -]neuf[ ,-]+quatre[ -]vingt[ -]dix[ -]huit/);
    expect(writePhone(fr, 'spelled_en', rng).text).toMatch(/^(zero|oh)[ -]six/);
  });

  it('never writes a foreign number in national form', () => {
    const rng = new Rng(4);
    for (const v of [...PLAIN_VARIANTS, ...OBFUSCATED_VARIANTS]) {
      for (let i = 0; i < 10; i++) {
        const w = writePhone(uk, v, rng);
        if (v === 'keycap' || v === 'every_digit' || v === 'fullwidth')
          expect(digitsOf(w.text).startsWith('0044')).toBe(true);
        expect(w.text.replace(/\s/g, '')).not.toMatch(/^020/);
      }
    }
  });
});

describe('PhonePool', () => {
  it('hands out unique, parseable fiction numbers, mobile first', () => {
    const pool = new PhonePool();
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const p = pool.mobile();
      expect(p.e164.startsWith('+3363998')).toBe(true);
      seen.add(p.e164);
    }
    expect(seen.size).toBe(10_000);
    // The mobile block is used up: further "mobile" numbers come from the fixed fiction blocks.
    const next = pool.mobile();
    expect(isFictionNumber(next.e164)).toBe(true);
    expect(seen.has(next.e164)).toBe(false);
    expect(isParseableFiction(next.e164)).toBe(true);
  });

  it('refuses real-looking numbers and stops at its limit', () => {
    expect(isFictionNumber('+33612345678')).toBe(false);
    expect(isFictionNumber('+447700900123')).toBe(false);
    expect(isFictionNumber('+442079460123')).toBe(true);
    const pool = new PhonePool(3);
    pool.fixed();
    pool.fixed();
    pool.uk();
    expect(() => pool.mobile()).toThrow(/fiction phone numbers/);
    expect(FICTION_CAPACITY).toBe(61_000);
  });
});
