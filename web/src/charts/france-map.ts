/** A maplibre style made only of bundled GeoJSON (France outline): zero requests to any tile server. */
import type { StyleSpecification } from 'maplibre-gl';
import france from '../assets/france.json' with { type: 'json' };

export const FRANCE_BOUNDS: [[number, number], [number, number]] = [
  [-5.3, 41.2],
  [9.7, 51.2],
];

export function franceStyle(): StyleSpecification {
  return {
    version: 8,
    sources: { france: { type: 'geojson', data: france as GeoJSON.Feature } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#eef2f6' } },
      { id: 'land', type: 'fill', source: 'france', paint: { 'fill-color': '#ffffff' } },
      { id: 'coast', type: 'line', source: 'france', paint: { 'line-color': '#94a3b8', 'line-width': 1 } },
    ],
  };
}
