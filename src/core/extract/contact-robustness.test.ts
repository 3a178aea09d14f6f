import { describe, expect, it } from 'vitest';
import { normalizeText } from '../normalize/normalize.ts';
import type { AdContent, Span } from '../types.ts';
import { extractEmails } from './emails.ts';
import { extractHandles } from './handles.ts';
import { extractPhones } from './phones.ts';

/** Seeded PRNG so a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIZE = 256 * 1024;
const rep = (s: string): string => s.repeat(Math.ceil(SIZE / s.length)).slice(0, SIZE);
const ADVERSARIAL: Record<string, string> = {
  'long digit run': rep('0123456789'),
  'spaced digits': rep('0 6 3 9 '),
  'repeated separators': rep('-./*|'),
  'plus signs': rep('+1 '),
  'emoji flood': rep('💋🔥0️⃣'),
  'nested parentheses': rep('((((0)))) '),
  'number words': rep('zéro six trente '),
  'glued words and digits': rep('0six3nine '),
  'at signs': rep('a@b.'),
  'at and dot words': rep('lola at gmail dot '),
  'handle cues': rep('snap: '),
  'one phone repeated': rep('06 39 98 41 07 '),
  'whatsapp repeated': rep('whatsapp 0639984107 '),
};
const EXTRACTORS = { phones: extractPhones, emails: extractEmails, handles: extractHandles };

function checkSpans(content: AdContent, spans: Span[]): void {
  for (const s of spans) {
    const text = s.field === 'title' ? content.title : s.field === 'phone' ? content.phone : content.body;
    expect(text).toBeDefined();
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text!.length);
  }
}

describe('contact extractors on adversarial text (linear time)', () => {
  // Generous bound: a quadratic path on 256 KB takes minutes; linear code takes milliseconds.
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    for (const [ex, fn] of Object.entries(EXTRACTORS)) {
      it(`${ex}: ${name} (256 KB) under 2 s`, () => {
        const t = performance.now();
        fn({ body: `${text} ${ex}` });
        expect(performance.now() - t).toBeLessThan(2000);
      });
    }
  }
});

describe('phones: both readings of "quarante quatre vingt" merged in linear time', () => {
  // One ambiguous phrase makes the field read twice and merged; the merge scanned lists per reading
  // (quadratic: ~10 s on this 1 MB input).
  it('one ambiguous phrase then one phone repeated (1 MB) under 2 s', () => {
    const body = `quarante quatre vingt ${'06 39 98 41 07 '.repeat(70_000)}`;
    const t = performance.now();
    const phones = extractPhones({ body });
    expect(performance.now() - t).toBeLessThan(2000);
    // Every repetition is read (as +33639984107, or +33706399841 where a 256-item chain cut shifts the
    // grouping by one pair).
    expect(phones.reduce((n, p) => n + p.spans.length, 0)).toBeGreaterThan(65_000);
  });
});

describe('contact extractors on random Unicode (seeded fuzz)', () => {
  const rnd = mulberry32(42);
  const POOLS = [
    '0123456789',
    ' \n\t.-/*+()[]@:#_|!',
    'abcdefghijklmnopqrstuvwxyzOlISB',
    'zéro six trente neuf quatre vingt dix huit snap insta whatsapp arobase point at dot ',
    '０１２３𝟎𝟏𝟐⓪①❶➀🔟💋👻📞\u20e3\ufe0f\u200b\u200d\u0301\u0336',
    'аеорсхѕіΑΒΕΟ',
  ];
  const randomText = (len: number): string => {
    let s = '';
    while (s.length < len) {
      const r = rnd();
      if (r < 0.08) {
        // Any code point, including lone surrogates and unassigned ones.
        s += String.fromCharCode(Math.floor(rnd() * 0x10000));
      } else if (r < 0.12) {
        s += String.fromCodePoint(Math.floor(rnd() * 0x10ffff));
      } else {
        const pool = POOLS[Math.floor(rnd() * POOLS.length)]!;
        const chars = [...pool];
        s += chars[Math.floor(rnd() * chars.length)];
      }
    }
    return s;
  };
  it('never throws, keeps spans inside their field and map monotonic', () => {
    for (let i = 0; i < 800; i++) {
      const content: AdContent = { title: randomText(rnd() * 40), body: randomText(rnd() * 400) };
      if (rnd() < 0.3) content.phone = randomText(rnd() * 20);
      const nt = normalizeText(content.body);
      expect(nt.map.length).toBe(nt.text.length + 1);
      for (let k = 1; k < nt.map.length; k++) expect(nt.map[k]!).toBeGreaterThanOrEqual(nt.map[k - 1]!);
      for (const p of extractPhones(content)) {
        expect(p.e164).toMatch(/^\+[1-9]\d{6,14}$/);
        checkSpans(content, p.spans);
      }
      for (const e of extractEmails(content)) {
        expect(e.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
        checkSpans(content, e.spans);
      }
      for (const h of extractHandles(content)) {
        expect(h.handle.length).toBeGreaterThan(0);
        expect(h.handle.startsWith('@')).toBe(false);
        checkSpans(content, h.spans);
      }
    }
  });
});
