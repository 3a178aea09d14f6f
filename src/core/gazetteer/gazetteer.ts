/**
 * The French gazetteer (communes, municipal arrondissements, former commune names, départements),
 * loaded once from data/gazetteer/communes.json (built by scripts/build-gazetteer.ts) and indexed for
 * token-sequence lookups.
 */
import data from '../../../data/gazetteer/communes.json' with { type: 'json' };
import { foldKey } from './text-tokens.ts';

export interface Commune {
  insee: string;
  name: string;
  departement: string;
  postcodes: string[];
  population: number;
  lat?: number;
  lon?: number;
  /** The name is also an ordinary word ("Nice", "Tours"): only matched with context. */
  commonWord: boolean;
  /** For a municipal arrondissement: its number and the parent commune (Paris, Lyon, Marseille). */
  arrondissement?: number;
  parent?: Commune;
}

export interface Departement {
  code: string;
  name: string;
  lat?: number;
  lon?: number;
  commonWord: boolean;
}

/** Token-level name normalisation shared by the index and the matcher ("st" → "saint"). */
export function normalizeNameToken(t: string): string {
  switch (t) {
    case 'st':
      return 'saint';
    case 'ste':
      return 'sainte';
    case 'mt':
      return 'mont';
    default:
      return t;
  }
}

function nameKey(name: string): string {
  return foldKey(name).split(' ').map(normalizeNameToken).join(' ');
}

const num = (s: string | undefined): number | undefined =>
  s === undefined || s === '' ? undefined : Number(s);

export interface Gazetteer {
  /** Name key (folded tokens joined by one space) → communes, most populous first. */
  byName: Map<string, Commune[]>;
  /** First token of a commune or département name key → the longest such name, in tokens. */
  maxLenByFirst: Map<string, number>;
  /** Every proper multi-token prefix of a name key ("saint", "saint etienne" of "saint etienne du rouvray"). */
  namePrefixes: Set<string>;
  byPostcode: Map<string, Commune[]>;
  byInsee: Map<string, Commune>;
  departements: Map<string, Departement>;
  /** Département name key → département. */
  departementByName: Map<string, Departement>;
  /** Parent INSEE → arrondissement number → arrondissement. */
  arrondissements: Map<string, Map<number, Commune>>;
  version: string;
}

function addName(g: Gazetteer, key: string, c: Commune) {
  let list = g.byName.get(key);
  if (!list) {
    list = [];
    g.byName.set(key, list);
  }
  if (!list.includes(c)) list.push(c);
  noteLength(g, key);
}

/** Records the length and the prefixes of a name key, so that matching can stop at a dead end. */
function noteLength(g: Gazetteer, key: string) {
  const toks = key.split(' ');
  const first = toks[0]!;
  if ((g.maxLenByFirst.get(first) ?? 0) < toks.length) g.maxLenByFirst.set(first, toks.length);
  let prefix = first;
  for (let i = 1; i < toks.length; i++) {
    g.namePrefixes.add(prefix);
    prefix += ` ${toks[i]}`;
  }
}

function build(): Gazetteer {
  const g: Gazetteer = {
    byName: new Map(),
    maxLenByFirst: new Map(),
    namePrefixes: new Set(),
    byPostcode: new Map(),
    byInsee: new Map(),
    departements: new Map(),
    departementByName: new Map(),
    arrondissements: new Map(),
    version: data.version,
  };
  for (const line of data.communes.split('\n')) {
    const f = line.split('\t');
    const c: Commune = {
      insee: f[0]!,
      name: f[1]!,
      departement: f[2]!,
      postcodes: f[3] ? f[3].split(' ') : [],
      population: Number(f[4]),
      lat: num(f[5]),
      lon: num(f[6]),
      commonWord: (Number(f[7]) & 1) === 1,
    };
    g.byInsee.set(c.insee, c);
    addName(g, nameKey(c.name), c);
    for (const cp of c.postcodes) {
      const l = g.byPostcode.get(cp);
      if (l) l.push(c);
      else g.byPostcode.set(cp, [c]);
    }
  }
  for (const line of data.arrondissements.split('\n')) {
    const f = line.split('\t');
    const parent = g.byInsee.get(f[1]!);
    if (!parent) continue;
    const c: Commune = {
      insee: f[0]!,
      name: parent.name,
      departement: parent.departement,
      postcodes: f[3] ? f[3].split(' ') : [],
      population: Number(f[4]),
      lat: num(f[5]) ?? parent.lat,
      lon: num(f[6]) ?? parent.lon,
      commonWord: false,
      arrondissement: Number(f[2]),
      parent,
    };
    g.byInsee.set(c.insee, c);
    let m = g.arrondissements.get(parent.insee);
    if (!m) {
      m = new Map();
      g.arrondissements.set(parent.insee, m);
    }
    m.set(c.arrondissement!, c);
    // A postcode of an arrondissement resolves to the arrondissement, not to the whole city.
    for (const cp of c.postcodes) g.byPostcode.set(cp, [c]);
  }
  for (const line of data.aliases.split('\n')) {
    const [alias, insee, kind] = line.split('\t');
    const c = g.byInsee.get(insee!);
    // A former commune's name ranks below any current commune of that name (population 0 in the index).
    if (c && alias) addName(g, nameKey(alias), kind === 'former' ? { ...c, population: 0 } : c);
  }
  for (const list of g.byName.values()) list.sort((a, b) => b.population - a.population);
  for (const list of g.byPostcode.values()) list.sort((a, b) => b.population - a.population);
  for (const line of data.departements.split('\n')) {
    const f = line.split('\t');
    const key = nameKey(f[1]!);
    const d: Departement = {
      code: f[0]!,
      name: f[1]!,
      lat: num(f[2]),
      lon: num(f[3]),
      commonWord: !key.includes(' ') || key.length <= 4,
    };
    g.departements.set(d.code, d);
    g.departementByName.set(key, d);
    noteLength(g, key);
  }
  return g;
}

let cached: Gazetteer | undefined;

/** The gazetteer, built on first use (about 100 ms) and shared afterwards. */
export function getGazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}

/** Communes whose folded name equals `name` ("st etienne" → Saint-Étienne), most populous first. */
export function lookupCommunes(name: string): Commune[] {
  return getGazetteer().byName.get(nameKey(name)) ?? [];
}
