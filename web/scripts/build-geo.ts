/**
 * Offline generator of the map assets bundled with the app (no tiles at run time):
 *   web/src/assets/france.json        metropolitan France outline (GeoJSON) from world-atlas (Natural Earth 50m)
 *   web/src/assets/departements.json  département code → name, centroid [lon, lat] from the gazetteer
 * Run: node bin/run-ts.mjs web/scripts/build-geo.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: {
    countries: {
      geometries: {
        id?: string;
        properties: { name: string };
        type: string;
        arcs: number[][][] | number[][];
      }[];
    };
  };
}

const root = resolve(import.meta.dirname, '../..');
const topo = JSON.parse(
  readFileSync(resolve(root, 'node_modules/world-atlas/countries-50m.json'), 'utf8'),
) as Topology;

// Decode delta-encoded, quantised arcs to lon/lat.
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [
      x * topo.transform.scale[0] + topo.transform.translate[0],
      y * topo.transform.scale[1] + topo.transform.translate[1],
    ];
  });
});
const ring = (ids: number[]) => {
  const pts: number[][] = [];
  for (const i of ids) {
    const a = i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!;
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  return pts.map(([x, y]) => [Math.round(x! * 1e4) / 1e4, Math.round(y! * 1e4) / 1e4]);
};
const fr = topo.objects.countries.geometries.find((g) => g.properties.name === 'France');
if (!fr) throw new Error('France not found in world-atlas');
const polys = (fr.type === 'MultiPolygon' ? (fr.arcs as number[][][]) : [fr.arcs as number[][]]).map((p) =>
  p.map(ring),
);
// Keep metropolitan France and Corsica (overseas territories would squash the map).
const metro = polys.filter((p) => p[0]!.every(([x, y]) => x! > -6 && x! < 10 && y! > 41 && y! < 52));
writeFileSync(
  resolve(root, 'web/src/assets/france.json'),
  JSON.stringify({
    type: 'Feature',
    properties: { name: 'France' },
    geometry: { type: 'MultiPolygon', coordinates: metro },
  }),
);

const gaz = JSON.parse(readFileSync(resolve(root, 'data/gazetteer/communes.json'), 'utf8')) as {
  departements: string;
};
const deps: Record<string, { name: string; center: [number, number] }> = {};
for (const line of gaz.departements.split('\n')) {
  const [code, name, lat, lon] = line.split('\t');
  if (code && name && lat && lon) deps[code] = { name, center: [Number(lon), Number(lat)] };
}
writeFileSync(resolve(root, 'web/src/assets/departements.json'), JSON.stringify(deps));
console.log(`france: ${metro.length} polygons; départements: ${Object.keys(deps).length}`);
