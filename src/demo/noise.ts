import type { Rng } from './prng.ts';

/**
 * Ads from other categories (cars, flats, jobs, furniture, electronics). They are full of numbers that are
 * NOT contact phones — prices, mileages, years, surfaces, postcodes, SIRET, references, dates, "24/7" —
 * the hard negatives a phone extractor must leave alone.
 */
export interface NoiseAd {
  category: string;
  title: string;
  body: string;
  /** Whether an appropriate contact phone may be added (jobs and agencies usually give one). */
  phoneLikely: number;
}

const CARS = [
  'Clio 4',
  'Peugeot 208',
  'Golf 7',
  'Twingo 3',
  'C3 Aircross',
  'Megane 3',
  'Fiesta',
  'Yaris hybride',
  '308 SW',
  'Sandero',
];
const FURNITURE = [
  'Canapé 3 places',
  'Table en chêne',
  'Armoire 2 portes',
  'Lit 140x190 avec sommier',
  "Bureau d'angle",
  'Commode 4 tiroirs',
];
const DEVICES = [
  'iPhone 12 128 Go',
  'Samsung Galaxy S21',
  'PS5 avec 2 manettes',
  'MacBook Air 13"',
  'Vélo électrique 28"',
  'TV 55 pouces 4K',
];
const JOBS = [
  'Serveur / serveuse',
  "Agent d'entretien",
  'Vendeur en boulangerie',
  'Préparateur de commandes',
  'Aide à domicile',
  'Cariste CACES 3',
];

function money(n: number, rng: Rng): string {
  const s =
    n >= 1000 && rng.chance(0.6) ? n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ') : String(n);
  return rng.pick([`${s} €`, `${s}€`, `${s} euros`]);
}

function siret(rng: Rng): string {
  const d = () => String(rng.int(0, 9));
  const head = `${rng.pick(['4', '5', '8', '9'])}${d()}${d()}`;
  return `${head} ${d()}${d()}${d()} ${d()}${d()}${d()} ${rng.pick(['00012', '00019', '00027', '00035'])}`;
}

function date(rng: Rng): string {
  return `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/${rng.pick(['2025', '2026'])}`;
}

/** A noise ad in `city` (already written) with `postcode` when known. */
export function makeNoiseAd(rng: Rng, city: string, postcode: string | undefined): NoiseAd {
  const kind = rng.weighted(['car', 'flat', 'job', 'furniture', 'device'], [3, 3, 2, 1.5, 1.5]);
  const where = postcode && !/\d/.test(city) && rng.chance(0.5) ? `${city} ${postcode}` : city;
  const ref = rng.pick([
    `Réf. ${rng.int(10000, 99999)}`,
    `REF-${rng.int(2024, 2026)}-${rng.int(1000, 9999)}`,
    `Annonce n° ${rng.int(100000, 999999)}`,
  ]);
  switch (kind) {
    case 'car': {
      const year = rng.int(2008, 2023);
      const km = rng.int(15, 210) * 1000;
      const title = `${rng.pick(CARS)} de ${year}`;
      const body = [
        `Vends ${title}, ${km.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ')} km, ${money(rng.int(25, 180) * 100, rng)}.`,
        rng.pick(['Contrôle technique OK.', `CT du ${date(rng)}.`, "Première main, carnet d'entretien."]),
        `${rng.int(4, 6)} CV, ${rng.pick(['diesel', 'essence', 'hybride'])}, ${rng.int(3, 5)} portes.`,
        `Visible à ${where}. ${ref}.`,
      ].join(' ');
      return { category: 'vehicules', title, body, phoneLikely: 0.45 };
    }
    case 'flat': {
      const rooms = rng.int(1, 5);
      const m2 = rooms * rng.int(14, 24);
      const title = `T${rooms} ${m2} m² ${rng.chance(0.5) ? 'à louer' : 'lumineux'}`;
      const body = [
        `Appartement T${rooms} de ${m2} m² au ${rng.int(0, 7)}e étage, ${city}.`,
        `Loyer ${money(rng.int(40, 160) * 10, rng)}/mois + ${rng.int(3, 15) * 10} € de charges.`,
        `DPE ${rng.pick(['B', 'C', 'D', 'E'])}. Libre le ${date(rng)}.`,
        rng.pick([
          'Agence Immo Plus, carte T n° CPI 7501 2024 000 045 678.',
          `SIRET ${siret(rng)}.`,
          'Particulier à particulier.',
        ]),
        `${ref}.`,
      ].join(' ');
      return { category: 'immobilier', title, body, phoneLikely: 0.5 };
    }
    case 'job': {
      const job = rng.pick(JOBS);
      const body = [
        `Nous recrutons : ${job} (H/F) en CDI sur ${where}.`,
        `${rng.int(24, 39)}h/semaine, salaire ${money(rng.int(1750, 2300), rng)} brut.`,
        rng.pick([
          'Service 7j/7, horaires 6h-14h.',
          'Entreprise ouverte 24/7.',
          'Débutants acceptés, formation assurée.',
        ]),
        `Entreprise SIRET ${siret(rng)}. Poste à pourvoir le ${date(rng)}.`,
      ].join(' ');
      return { category: 'emploi', title: `${job} - ${city}`, body, phoneLikely: 0.6 };
    }
    case 'furniture': {
      const item = rng.pick(FURNITURE);
      const body = `${item}, ${rng.pick(['très bon état', 'état correct', 'comme neuf'])}. Dimensions ${rng.int(60, 220)} x ${rng.int(40, 100)} cm. Prix ${money(rng.int(2, 60) * 10, rng)}, à récupérer sur ${where}. ${ref}.`;
      return { category: 'maison', title: item, body, phoneLikely: 0.3 };
    }
    default: {
      const item = rng.pick(DEVICES);
      const body = `${item}, acheté le ${date(rng)}, facture disponible. ${money(rng.int(8, 90) * 10, rng)}, ${rng.pick(['ferme', 'négociable', 'à débattre'])}. Remise en main propre à ${where}. N° de série masqué. ${ref}.`;
      return { category: 'multimedia', title: item, body, phoneLikely: 0.3 };
    }
  }
}
