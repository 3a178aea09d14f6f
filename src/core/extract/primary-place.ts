import type { PlaceEntity } from '../types.ts';

/** The ad's commune: the first place that is a commune (a département alone, "secteur 93", is not). */
export function primaryPlace(places: readonly PlaceEntity[]): PlaceEntity | undefined {
  return places.find((p) => p.insee !== '');
}
