import { describe, expect, it } from 'vitest';
import { foldForSearch, normalizeText } from './normalize.ts';

function check(s: string): void {
  const r = normalizeText(s);
  expect(r.map.length).toBe(r.text.length + 1);
  expect(r.map[r.text.length]).toBe(s.length);
  for (let i = 1; i < r.text.length; i++) expect(r.map[i]!).toBeGreaterThanOrEqual(r.map[i - 1]!);
}

describe('normalizeText', () => {
  it('keeps ASCII unchanged with an identity map', () => {
    const r = normalizeText('Tel 06 39');
    expect(r.text).toBe('Tel 06 39');
    expect([...r.map]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it('folds fullwidth and mathematical digits', () => {
    expect(normalizeText('０６ 𝟑𝟗 𝟗𝟖').text).toBe('06 39 98');
  });
  it('reads keycap emoji digits and 🔟', () => {
    const s = '0️⃣6️⃣ 🔟';
    const r = normalizeText(s);
    expect(r.text).toBe('06 10');
    expect(r.map[1]).toBe(3);
    check(s);
  });
  it('reads circled and dingbat digits', () => {
    expect(normalizeText('⓪⑥➂❾').text).toBe('0639');
  });
  it('removes zero-width and combining characters, keeping the map', () => {
    const s = '0\u200b6\u200d3\u03369';
    const r = normalizeText(s);
    expect(r.text).toBe('0639');
    expect([...r.map]).toEqual([0, 2, 4, 6, 7]);
  });
  it('composes accents instead of dropping them', () => {
    expect(normalizeText('ze\u0301ro').text).toBe('zéro');
  });
  it('maps Cyrillic/Greek homoglyphs inside Latin-looking words only', () => {
    expect(normalizeText('ѕnар').text).toBe('snap');
    expect(normalizeText('snаp').text).toBe('snap');
    expect(normalizeText('привет').text).toBe('привет');
    expect(normalizeText('👻 ѕnар').text).toBe('👻 snap');
  });
  it('reads small capitals as letters', () => {
    expect(normalizeText('ꜱɴᴀᴘ').text).toBe('snap');
  });
  it('lower-cases on request', () => {
    expect(normalizeText('SNAP ＬＯＬＡ', { lowercase: true }).text).toBe('snap lola');
  });
  it('keeps the map monotonic on mixed input', () => {
    check('Zé\u0301ro 𝟔 ⑥ 👻 ﬁn ㎏ \u200b x');
  });
});

describe('foldForSearch', () => {
  it('lower-cases and strips diacritics', () => {
    expect(foldForSearch('Saint-Étienne À Œuvre')).toBe('saint-etienne a oeuvre');
    expect(foldForSearch('l’Hôtel')).toBe("l'hotel");
  });
});
