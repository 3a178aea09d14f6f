import { describe, expect, it } from 'vitest';
import {
  candidateProbability,
  createMinHasher,
  estimateJaccard,
  signatureFromBytes,
  signatureToBytes,
} from './minhash.ts';
import { MASK, jaccard, maskedTokens, normalizeForShingles, shingles } from './normalize.ts';

const TEMPLATE = (name: string, age: number, city: string, phone: string, price: number) =>
  `Bonjour je suis ${name}, ${age} ans, de passage à ${city} pour quelques jours seulement. ` +
  'Douce et discrète, je vous reçois dans un cadre propre et agréable. Disponible du lundi au samedi ' +
  `de 10h à 22h. ${price}€ la demi-heure. Appelez-moi au ${phone}, pas de numéro masqué.`;

const OTHER = [
  'Vends Peugeot 208 diesel, 2017, 85 000 km, contrôle technique ok, visible à Lyon, 06 39 98 11 22.',
  'Appartement T2 lumineux à louer à Nantes, proche tram, 650 euros charges comprises, libre au 1er mars.',
  'Jeune femme indépendante à Lille, massage relaxant uniquement, sur rendez-vous, messages SMS seulement.',
  'Cherche serveur ou serveuse pour brasserie à Rennes, CDI temps plein, expérience souhaitée, se présenter.',
];

describe('normalisation', () => {
  it('folds case and accents and masks numbers, phones and contacts', () => {
    expect(normalizeForShingles('Élodie, 22 ans — appelle au 06.39.98.00.12 ou elo@exemple.fr')).toBe(
      `elodie ${MASK.number} ans appelle au ${MASK.number} ou ${MASK.contact}`,
    );
  });
  it('collapses a spaced phone into one placeholder', () => {
    expect(maskedTokens('tel 06 39 98 00 12 merci')).toEqual(['tel', MASK.number, 'merci']);
  });
  it('is linear on hostile input', () => {
    const hostile = `${'a1@'.repeat(50_000)}${' -'.repeat(50_000)}`;
    expect(maskedTokens(hostile).length).toBeGreaterThan(0);
  });
});

describe('minhash', () => {
  it('gives identical signatures to texts differing only in masked values', async () => {
    const h = await createMinHasher();
    const a = h.signature(TEMPLATE('Lina', 21, 'Lyon', '06 39 98 00 12', 80));
    const b = h.signature(TEMPLATE('Lina', 23, 'Lyon', '0639980099', 100));
    expect(estimateJaccard(a.sig, b.sig)).toBe(1);
    expect(h.bandKeys(a.sig, a.shingleCount)).toEqual(h.bandKeys(b.sig, b.shingleCount));
  });

  it('estimates Jaccard within a few points of the exact value', async () => {
    const h = await createMinHasher({ perms: 128 });
    const ta = TEMPLATE('Lina', 21, 'Lyon', '0639980012', 80);
    const tb = TEMPLATE('Sofia', 19, 'Saint-Étienne', '0639980013', 120).replace(
      'Douce et discrète',
      'Coquine',
    );
    const exact = jaccard(shingles(ta), shingles(tb));
    const est = estimateJaccard(h.signature(ta).sig, h.signature(tb).sig);
    expect(exact).toBeGreaterThan(0.4);
    expect(exact).toBeLessThan(0.95);
    expect(Math.abs(est - exact)).toBeLessThan(0.12);
  });

  it('puts template variants in a shared band and unrelated ads in none', async () => {
    const h = await createMinHasher();
    const a = h.signature(TEMPLATE('Lina', 21, 'Lyon', '0639980012', 80));
    const b = h.signature(TEMPLATE('Maya', 20, 'Grenoble', '0639980044', 90));
    const ka = new Set(h.bandKeys(a.sig, a.shingleCount));
    expect(h.bandKeys(b.sig, b.shingleCount).some((k) => ka.has(k))).toBe(true);
    for (const o of OTHER) {
      const s = h.signature(o);
      expect(h.bandKeys(s.sig, s.shingleCount).some((k) => ka.has(k))).toBe(false);
      expect(estimateJaccard(a.sig, s.sig)).toBeLessThan(0.2);
    }
  });

  it('gives no band keys to texts too short to compare', async () => {
    const h = await createMinHasher();
    const s = h.signature('Appelle-moi');
    expect(h.bandKeys(s.sig, s.shingleCount)).toEqual([]);
  });

  it('round-trips signatures through bytes', async () => {
    const h = await createMinHasher({ perms: 32, rows: 4 });
    const { sig } = h.signature(OTHER[0]!);
    expect(Array.from(signatureFromBytes(signatureToBytes(sig)))).toEqual(Array.from(sig));
    expect(signatureToBytes(sig).byteLength).toBe(128);
  });

  it('rejects inconsistent band shapes', async () => {
    await expect(createMinHasher({ perms: 10, rows: 4 })).rejects.toThrow(RangeError);
  });

  it('follows the LSH S-curve', () => {
    expect(candidateProbability(0.8, 16, 4)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.2, 16, 4)).toBeLessThan(0.03);
  });

  // Measurement behind the default (word 3-grams): separation between template variants (name, city,
  // age, price and one phrase edited) and unrelated ads of the same length.
  it('word 3-grams separate template variants from unrelated ads at least as well as char 5-grams', () => {
    const variants = [
      TEMPLATE('Lina', 21, 'Lyon', '0639980012', 80),
      TEMPLATE('Maya', 20, 'Grenoble', '0639980044', 90).replace('pas de numéro masqué', 'sms uniquement'),
      TEMPLATE('Sofia', 19, 'Clermont-Ferrand', '0639980013', 120).replace('Douce et discrète', 'Coquine'),
    ];
    const gap = (mode: { kind: 'word' | 'char'; n: number }) => {
      const sets = variants.map((v) => shingles(v, mode));
      const others = OTHER.map((o) => shingles(o, mode));
      let minSame = 1;
      for (let i = 0; i < sets.length; i++)
        for (let j = i + 1; j < sets.length; j++) minSame = Math.min(minSame, jaccard(sets[i]!, sets[j]!));
      let maxOther = 0;
      for (const s of sets) for (const o of others) maxOther = Math.max(maxOther, jaccard(s, o));
      return { minSame, maxOther, gap: minSame - maxOther };
    };
    const word = gap({ kind: 'word', n: 3 });
    const char = gap({ kind: 'char', n: 5 });
    expect(word.minSame).toBeGreaterThan(0.5);
    expect(word.maxOther).toBeLessThan(0.1);
    expect(word.gap).toBeGreaterThanOrEqual(char.gap - 0.05);
  });
});
