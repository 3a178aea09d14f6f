/**
 * Offline generator of approximate département outlines (no npm package ships their geometry):
 * a 0.025° grid over metropolitan France, each cell inside the Natural Earth outline (web/src/assets/
 * france.json) given the département of its nearest commune (data/gazetteer, INSEE + GeoNames points);
 * cell boundaries between départements are traced into rings and simplified (Douglas–Peucker).
 * Good enough for a choropleth at country scale; not a legal boundary.
 * Run: node bin/run-ts.mjs web/scripts/build-departements.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const france = JSON.parse(readFileSync(resolve(root, 'web/src/assets/france.json'), 'utf8')) as {
  geometry: { coordinates: number[][][][] };
};
const gaz = JSON.parse(readFileSync(resolve(root, 'data/gazetteer/communes.json'), 'utf8')) as {
  communes: string;
  departements: string;
};

const STEP = 0.025;
const [LON0, LON1, LAT0, LAT1] = [-5.3, 9.7, 41.3, 51.2];
const W = Math.ceil((LON1 - LON0) / STEP);
const H = Math.ceil((LAT1 - LAT0) / STEP);

type Pt = { lon: number; lat: number; dep: number };
const depCodes: string[] = [];
const depIndex = new Map<string, number>();
const pts: Pt[] = [];
for (const line of gaz.communes.split('\n')) {
  const f = line.split('\t');
  const dep = f[2];
  const lat = Number(f[5]);
  const lon = Number(f[6]);
  if (!dep || dep.startsWith('97') || !f[5] || !f[6] || !Number.isFinite(lat) || !Number.isFinite(lon))
    continue;
  if (!depIndex.has(dep)) {
    depIndex.set(dep, depCodes.length);
    depCodes.push(dep);
  }
  pts.push({ lon, lat, dep: depIndex.get(dep)! });
}

// Buckets of 0.1° for nearest-commune look-ups.
const B = 0.1;
const buckets = new Map<string, Pt[]>();
const bkey = (x: number, y: number) => `${x},${y}`;
for (const p of pts) {
  const k = bkey(Math.floor(p.lon / B), Math.floor(p.lat / B));
  const list = buckets.get(k) ?? [];
  list.push(p);
  buckets.set(k, list);
}
function nearest(lon: number, lat: number): number {
  const bx = Math.floor(lon / B);
  const by = Math.floor(lat / B);
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 8; r++) {
    for (let dx = -r; dx <= r; dx++)
      for (let dy = -r; dy <= r; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
        for (const p of buckets.get(bkey(bx + dx, by + dy)) ?? []) {
          const ddx = (p.lon - lon) * Math.cos((lat * Math.PI) / 180);
          const d = ddx * ddx + (p.lat - lat) ** 2;
          if (d < bestD) {
            bestD = d;
            best = p.dep;
          }
        }
      }
    if (best >= 0 && r >= 1) break;
  }
  return best;
}

function inRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const polys = france.geometry.coordinates;
const inFrance = (lon: number, lat: number) =>
  polys.some((p) => inRing(lon, lat, p[0]!) && !p.slice(1).some((h) => inRing(lon, lat, h)));

const grid = new Int16Array(W * H).fill(-1);
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++) {
    const lon = LON0 + (x + 0.5) * STEP;
    const lat = LAT0 + (y + 0.5) * STEP;
    if (inFrance(lon, lat)) grid[y * W + x] = nearest(lon, lat);
  }
const at = (x: number, y: number) => (x < 0 || y < 0 || x >= W || y >= H ? -1 : grid[y * W + x]!);

// Boundary edges with the département on the left, chained into rings.
function rings(dep: number): number[][][] {
  const next = new Map<number, number[]>();
  const vid = (x: number, y: number) => y * (W + 1) + x;
  const add = (a: number, b: number) => {
    const l = next.get(a) ?? [];
    l.push(b);
    next.set(a, l);
  };
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      if (at(x, y) !== dep) continue;
      if (at(x, y - 1) !== dep) add(vid(x, y), vid(x + 1, y));
      if (at(x + 1, y) !== dep) add(vid(x + 1, y), vid(x + 1, y + 1));
      if (at(x, y + 1) !== dep) add(vid(x + 1, y + 1), vid(x, y + 1));
      if (at(x - 1, y) !== dep) add(vid(x, y + 1), vid(x, y));
    }
  const out: number[][][] = [];
  for (const start of [...next.keys()]) {
    while ((next.get(start)?.length ?? 0) > 0) {
      const ring: number[] = [start];
      let v = start;
      for (;;) {
        const l = next.get(v)!;
        const n = l.pop()!;
        if (n === start) break;
        ring.push(n);
        v = n;
        if (!next.get(v)?.length) break;
      }
      if (ring.length < 4) continue;
      const coords = ring.map((id) => [LON0 + (id % (W + 1)) * STEP, LAT0 + Math.floor(id / (W + 1)) * STEP]);
      const simple = simplify(coords, 0.018);
      if (simple.length >= 4) out.push([...simple, simple[0]!].map(([a, b]) => [round(a!), round(b!)]));
    }
  }
  return out;
}
const round = (n: number) => Math.round(n * 1000) / 1000;

function simplify(pts: number[][], tol: number): number[][] {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a] as [number, number];
    const [bx, by] = pts[b] as [number, number];
    let idx = -1;
    let dmax = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i] as [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const len = Math.hypot(dx, dy) || 1e-12;
      const d = Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > dmax) {
        dmax = d;
        idx = i;
      }
    }
    if (dmax > tol && idx > 0) {
      keep[idx] = 1;
      stack.push([a, idx], [idx, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

const names = new Map(gaz.departements.split('\n').map((l) => l.split('\t') as [string, string]));
const features = depCodes.map((code, i) => ({
  type: 'Feature' as const,
  properties: { code, name: names.get(code) ?? code },
  geometry: { type: 'MultiPolygon' as const, coordinates: rings(i).map((r) => [r]) },
}));
const out = {
  type: 'FeatureCollection',
  features: features.filter((f) => f.geometry.coordinates.length > 0),
};
writeFileSync(resolve(root, 'web/src/assets/departements-shapes.json'), JSON.stringify(out));
console.log(`${out.features.length} départements, ${JSON.stringify(out).length} bytes, grid ${W}×${H}`);
