import type { Rng } from './prng.ts';

/** A fictitious ad site: which ads it carries and which structured fields it fills. */
export interface DemoSource {
  name: string;
  /** The ad id as the site writes it. */
  id(n: number): string;
  url(id: string): string;
  /** Chance that a record carries the structured `phone`, `age`, `city` field. */
  phoneField: number;
  ageField: number;
  cityField: number;
  escortCategories: string[];
  /** Fields outside the import contract that this site adds (kept verbatim by import). */
  extra(rng: Rng): Record<string, unknown>;
}

export const SOURCES: readonly DemoSource[] = [
  {
    name: 'annonces-rose.example',
    id: (n) => `AR${String(n).padStart(7, '0')}`,
    url: (id) => `https://annonces-rose.example/annonce/${id}`,
    phoneField: 0.3,
    ageField: 0.7,
    cityField: 0.7,
    escortCategories: ['escort', 'massage'],
    extra: (rng) => ({ views: rng.int(3, 4000), premium: rng.chance(0.2) }),
  },
  {
    name: 'rencontres-locales.example',
    id: (n) => String(100_000 + n),
    url: (id) => `https://rencontres-locales.example/a/${id}.html`,
    phoneField: 0,
    ageField: 0.3,
    cityField: 0.5,
    escortCategories: ['rencontres', 'Rencontres adultes'],
    extra: () => ({ section: 'rencontres' }),
  },
  {
    name: 'escort-guide.example',
    id: (n) => `eg-${(n * 7 + 1000).toString(36)}`,
    url: (id) => `https://escort-guide.example/profil/${id}`,
    phoneField: 0.55,
    ageField: 0.9,
    cityField: 1,
    escortCategories: ['Escorts', 'Escort girls'],
    extra: (rng) => ({ verified: rng.chance(0.3), rating: rng.int(1, 5) }),
  },
  {
    name: 'petites-annonces.example',
    id: (n) => String(5_000_000 + n * 3),
    url: (id) => `https://petites-annonces.example/ad/${id}`,
    phoneField: 0.15,
    ageField: 0,
    cityField: 1,
    escortCategories: ['rencontres', 'bien-être'],
    extra: (rng) => ({ seller_type: rng.chance(0.8) ? 'particulier' : 'pro' }),
  },
  {
    name: 'bonplan-annonces.example',
    id: (n) => `BP-${n}`,
    url: (id) => `https://bonplan-annonces.example/${id}`,
    phoneField: 0.3,
    ageField: 0,
    cityField: 0.6,
    escortCategories: ['divers'],
    extra: (rng) => ({ boosted: rng.chance(0.1) }),
  },
];

/** Source weights (index-aligned with SOURCES) per kind of ad. */
export const SOURCE_WEIGHTS = {
  escort: [0.35, 0.2, 0.25, 0.2, 0],
  recruitment: [0.3, 0.2, 0.1, 0.25, 0.15],
  noise: [0, 0, 0, 0.55, 0.45],
} as const;
