import { beforeAll, describe, expect, it } from 'vitest';
import { type LinkAdInput, linkAds } from './link-ads.ts';
import { type MinHasher, createMinHasher } from './minhash.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 3, 1);
let h: MinHasher;
beforeAll(async () => {
  h = await createMinHasher();
});

const NET_T = (name: string, city: string) =>
  `Bonjour je suis ${name}, nouvelle sur ${city}, douce et discrète, je reçois dans un cadre propre ` +
  'et agréable, disponible tous les jours de 10h à 22h, appelez-moi pour plus de renseignements.';
const SOLO = [
  'Femme mature indépendante, massage relaxant uniquement, quartier calme, rendez-vous par SMS seulement.',
  'Étudiante sympa, je propose des moments de détente, uniquement sur rendez-vous pris la veille, merci.',
  'Coiffeuse à domicile, coupe et brushing, tarifs doux, je me déplace dans toute la métropole, appelez.',
];

function ad(id: number, text: string, extra: Partial<LinkAdInput>): LinkAdInput {
  const { sig, shingleCount } = h.signature(text);
  return { id, at: T0 + id * DAY, text: { sig, bands: h.bandKeys(sig, shingleCount) }, ...extra };
}

function corpus(): LinkAdInput[] {
  return [
    // network: phone A for two victims, then one victim changes phone but keeps her photo
    ad(1, NET_T('Lina', 'Lyon'), {
      phones: ['+33639980001'],
      city: 'Lyon',
      names: ['Lina'],
      images: ['aaaa0000ffff1111'],
    }),
    ad(2, NET_T('Maya', 'Lyon'), { phones: ['+33639980001'], city: 'Lyon', names: ['Maya'] }),
    ad(3, NET_T('Lina', 'Grenoble'), {
      phones: ['+33639980002'],
      city: 'Grenoble',
      names: ['Lina'],
      images: ['aaaa0000ffff1113'],
    }),
    // independents, one uses a helpline number that many ads carry
    ad(10, SOLO[0]!, { phones: ['+33639980010', '+33199000000'], city: 'Paris' }),
    ad(11, SOLO[1]!, { phones: ['+33639980011', '+33199000000'], city: 'Nantes' }),
    ad(12, SOLO[2]!, { phones: ['+33199000000'], emails: ['coiffure@example.org'], city: 'Lille' }),
    ad(13, SOLO[2]!.replace('tarifs doux', 'petits prix'), {
      emails: ['coiffure@example.org'],
      city: 'Lille',
    }),
  ];
}

const groupsOf = (clusters: number[][]) =>
  clusters
    .filter((c) => c.length > 1)
    .map((c) => c.slice().sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);

describe('linkAds', () => {
  it('links a network through phone, template and image, and keeps a hub from merging', () => {
    const r = linkAds(corpus(), { hub: { stopList: new Set(['phone:+33199000000']) } });
    expect(groupsOf(r.clusters)).toEqual([
      [1, 2, 3],
      [12, 13],
    ]);
    expect(r.suppressed.map((s) => s.value)).toEqual(['+33199000000']);
    expect(r.suppressed[0]!.reason).toContain('stop-list');
    const reasons = r.links.map((l) => l.reason);
    expect(reasons).toContain('same phone +33639980001');
    expect(
      reasons.some((x) =>
        x.startsWith('similar image (pHash distance 1) — persona continuity: phone changed'),
      ),
    ).toBe(true);
    expect(reasons.some((x) => /^text 0\.\d\d similar to ad 1$/.test(x))).toBe(true);
  });

  it('without the stop-list, the shared number glues independents (what hub suppression prevents)', () => {
    const r = linkAds(corpus(), { signals: { hubs: false } });
    expect(groupsOf(r.clusters)).toContainEqual([10, 11, 12, 13]);
  });

  it('phone-only linking misses the changed phone; images or text recover it', () => {
    const phoneOnly = linkAds(corpus(), {
      signals: { email: false, handle: false, image: false, text: false, persona: false },
      hub: { stopList: new Set(['+33199000000']) },
    });
    expect(groupsOf(phoneOnly.clusters)).toEqual([[1, 2]]);
    const imagesOnly = linkAds(corpus(), {
      signals: { email: false, handle: false, text: false, persona: false },
      hub: { stopList: new Set(['+33199000000']) },
    });
    expect(groupsOf(imagesOnly.clusters)).toEqual([[1, 2, 3]]);
  });

  it('uses a shared name with moderately similar text as persona evidence', () => {
    const a = 'Lina, 22 ans, je vous attends pour un moment doux et sans prise de tête, appelez-moi vite.';
    const b = a.replace('appelez-moi vite.', 'appelez-moi ce soir.');
    const ads = [
      ad(1, a, { phones: ['+33639980001'], names: ['Lina'] }),
      ad(2, b, { phones: ['+33639980002'], names: ['Lina'] }),
    ];
    const withPersona = linkAds(ads, { textStrong: 0.99, textWeak: 0.2 });
    expect(groupsOf(withPersona.clusters)).toEqual([[1, 2]]);
    expect(withPersona.links[0]!.reason).toMatch(/^persona continuity: same name "Lina"/);
    const other = linkAds([ads[0]!, { ...ads[1]!, names: ['Sofia'] }], { textStrong: 0.99, textWeak: 0.2 });
    expect(groupsOf(other.clusters)).toEqual([]);
  });
});
