import { DEMO_CITIES, type DemoCity } from './data/cities.ts';
import type { Rng } from './prng.ts';

const WEIGHTS = DEMO_CITIES.map((c) => Math.sqrt(c.population));

/** A commune picked with weight √population (big cities dominate without swallowing everything). */
export function pickCity(rng: Rng): DemoCity {
  return rng.weighted(DEMO_CITIES, WEIGHTS);
}

/** A commune other than `not` (for tours and trips). */
export function pickOtherCity(rng: Rng, not: readonly DemoCity[]): DemoCity {
  for (let i = 0; i < 20; i++) {
    const c = pickCity(rng);
    if (!not.includes(c)) return c;
  }
  return DEMO_CITIES.find((c) => !not.includes(c))!;
}

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function abbreviateSaint(s: string, rng: Rng): string {
  return s
    .replace(/^Saint-/, rng.pick(['St ', 'St-', 'St. ', 'Saint ']))
    .replace(/^Sainte-/, rng.pick(['Ste ', 'Ste-']));
}

/** The way an ad writes a city: accents dropped, "St Etienne", "Paris 15", "Lyon 3e", postcodes, "secteur 93". */
export function writeCity(city: DemoCity, rng: Rng): { text: string; variant: string } {
  const r = rng.next();
  if (r < 0.45) return { text: city.name, variant: 'canonical' };
  if (r < 0.6) return { text: stripAccents(city.name), variant: 'no_accents' };
  if (r < 0.67) return { text: stripAccents(city.name).replace(/-/g, ' ').toLowerCase(), variant: 'lower' };
  if (r < 0.72) return { text: city.name.toUpperCase(), variant: 'upper' };
  if (r < 0.8 && city.name.startsWith('Saint'))
    return { text: abbreviateSaint(stripAccents(city.name), rng), variant: 'saint' };
  if (r < 0.88 && (city.name === 'Paris' || city.name === 'Lyon' || city.name === 'Marseille')) {
    const max = city.name === 'Paris' ? 20 : city.name === 'Lyon' ? 9 : 16;
    const n = rng.int(1, max);
    return {
      text: rng.pick([`${city.name} ${n}`, `${city.name} ${n}e`, `${city.name} ${n}ème`]),
      variant: 'arrondissement',
    };
  }
  if (r < 0.94 && city.postcodes.length > 0) {
    const pc = rng.pick(city.postcodes);
    return {
      text: rng.pick([`${city.name} (${pc})`, `${stripAccents(city.name)} ${pc}`]),
      variant: 'postcode',
    };
  }
  return {
    text: rng.pick([`${city.name} secteur ${city.dep}`, `${stripAccents(city.name)} (${city.dep})`]),
    variant: 'departement',
  };
}
