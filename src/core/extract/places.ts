/**
 * Places: French communes (names, arrondissements, postcodes), départements in context, and the
 * structured `city` field. Linear: one pass over the tokens, each name lookup bounded by the longest
 * commune name (8 tokens).
 */
import { type Commune, type Departement, getGazetteer, normalizeNameToken } from '../gazetteer/gazetteer.ts';
import { type FieldTokens, type Token, tokenize, tokenizeFields } from '../gazetteer/text-tokens.ts';
import type { AdContent, PlaceEntity, Span } from '../types.ts';
import { isFirstName } from './names-data.ts';
import { primaryPlace } from './primary-place.ts';

/** Words that, just before a name, say "this is a place". Folded. */
const PLACE_PREPS = new Set([
  'a',
  'sur',
  'secteur',
  'region',
  'vers',
  'pres',
  'proche',
  'quartier',
  'ville',
  'environs',
  'autour',
  'centre',
  'in',
  'near',
  'at',
  'en',
  'dans',
  'habite',
  'dispo',
  'disponible',
  'depuis',
  'desde',
  'cerca',
  'around',
  'arrondissement',
]);
/** "de"/"d" counts as a place preposition only after these words ("près de", "de passage"). */
const BEFORE_DE = new Set([
  'pres',
  'proche',
  'autour',
  'region',
  'cote',
  'environs',
  'sortie',
  'centre',
  'ville',
  'secteur',
  'arrive',
  'arrivee',
  'originaire',
  'gare',
]);
/** After "a" (à) typed without accent, a common-word name needs one of these just before. */
const STRONG_BEFORE_A = new Set([
  'passage',
  'dispo',
  'disponible',
  'disponibles',
  'habite',
  'arrive',
  'arrivee',
  'recois',
  'nouvelle',
  'nouveau',
  'seule',
  'suis',
  'vis',
  'tournee',
  'deplace',
  'deplacement',
  'sejour',
  'bientot',
]);
/** Words after a name that say it is a place ("Nice centre", "Tours nord"). */
const PLACE_WORDS_AFTER = new Set([
  'centre',
  'center',
  'centre-ville',
  'ville',
  'gare',
  'station',
  'nord',
  'sud',
  'est',
  'ouest',
  'downtown',
  'agglo',
  'agglomeration',
  'metropole',
  'intra',
]);
/** Prepositions clear enough to read a lower-case common word as a large town ("sur tours"). */
const STRONG_PREPS = new Set([
  'sur',
  'secteur',
  'region',
  'vers',
  'proche',
  'environs',
  'autour',
  'near',
  'around',
]);
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const ABBREVIATIONS = new Set(['st', 'ste', 'mt']);
const DEPT_CUES = new Set(['secteur', 'dept', 'dpt', 'dep', 'departement', 'region', 'zone']);
const DEPT_CUES_BEFORE_LE = new Set(['dans', 'sur', 'du', 'vers', 'tout']);
/** Words after a number that make it an age, a price, a duration or a count, never a place. */
const NOT_PLACE_AFTER = new Set([
  'ans',
  'an',
  'a',
  'yo',
  'y',
  'years',
  'h',
  'heure',
  'heures',
  'min',
  'mn',
  'minutes',
  'e',
  'eur',
  'euro',
  'euros',
  'roses',
  'rose',
  'r',
  'cm',
  'kg',
  'km',
  'kms',
  'fois',
  'jours',
  'j',
  'personnes',
  'filles',
  'x',
  'k',
]);
const CURRENCY_SYMBOLS = new Set(['€', '$', '£', '🌹']);
const ARR_SUFFIX = new Set(['e', 'eme', 'er', 'ere', 'ieme', 'em', 'me', 'arr', 'arrondissement', 'eme.']);
const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
  xiii: 13,
  xiv: 14,
  xv: 15,
  xvi: 16,
  xvii: 17,
  xviii: 18,
  xix: 19,
  xx: 20,
};

interface Found {
  commune?: Commune;
  /** The postcode written in the ad, when one was. */
  postcode?: string;
  dept?: Departement;
  via: PlaceEntity['via'];
  spans: Span[];
  strength: number;
  pos: number;
}

/** Is there a place preposition right before token index `i`? Returns its strength (0 none). */
function prepBefore(toks: Token[], i: number, text: string): { prep: boolean; strongA: boolean } {
  const p = toks[i - 1];
  if (!p || p.k !== 'w') return { prep: false, strongA: false };
  if (p.t === 'a') {
    const accented = text[p.s] === 'à' || text[p.s] === 'À';
    const before = toks[i - 2];
    return { prep: true, strongA: accented || (before !== undefined && STRONG_BEFORE_A.has(before.t)) };
  }
  if (PLACE_PREPS.has(p.t)) return { prep: true, strongA: true };
  if ((p.t === 'de' || p.t === 'd') && toks[i - 2] && BEFORE_DE.has(toks[i - 2]!.t))
    return { prep: true, strongA: true };
  if ((p.t === 'le' || p.t === 'la' || p.t === 'les') && toks[i - 2] && PLACE_PREPS.has(toks[i - 2]!.t))
    return { prep: true, strongA: true };
  return { prep: false, strongA: false };
}

function deptCodeAt(toks: Token[], j: number): { code: string; end: number } | undefined {
  const t = toks[j];
  if (!t || t.k !== 'n' || t.t.length > 3) return undefined;
  const g = getGazetteer();
  const nxt = toks[j + 1];
  if ((t.t === '2' || t.t === '20') && nxt && nxt.sep === 'none' && (nxt.t === 'a' || nxt.t === 'b')) {
    const code = '2' + nxt.t.toUpperCase();
    return { code, end: j + 2 };
  }
  const code = t.t.length === 1 ? '0' + t.t : t.t;
  return g.departements.has(code) ? { code, end: j + 1 } : undefined;
}

function unitAfter(toks: Token[], j: number): boolean {
  const n = toks[j];
  if (!n) return false;
  return NOT_PLACE_AFTER.has(n.t) || CURRENCY_SYMBOLS.has(n.t) || (n.k === 'n' && n.sep !== 'newline');
}

/** A name glued to "_", "@", "." or "/" on either side is part of a handle, an e-mail or a URL ("kim_lyon69"). */
function insideIdentifier(toks: Token[], start: number, end: number): boolean {
  const prev = toks[start - 1];
  if (prev !== undefined && toks[start]!.sep === 'none' && GLUE.has(prev.t)) return true;
  const next = toks[end];
  return next !== undefined && next.sep === 'none' && GLUE.has(next.t) && toks[end + 1]?.sep === 'none';
}

const GLUE = new Set(['_', '@', '.', '/']);

/** Looks right after a commune name for an arrondissement, a postcode or a "(dd)" département. */
function afterName(
  toks: Token[],
  j: number,
  c: Commune,
): { arr?: Commune; postcode?: string; dept?: string; end: number } {
  const g = getGazetteer();
  const t = toks[j];
  if (!t || t.sep === 'newline') return { end: j };
  const arrs = g.arrondissements.get(c.insee);
  if (arrs && (t.k === 'n' || (t.k === 'w' && ROMAN[t.t.replace(/e(me)?$/, '')] !== undefined))) {
    const n = t.k === 'n' ? Number(t.t) : ROMAN[t.t.replace(/e(me)?$/, '')]!;
    const sfx = toks[j + 1];
    const hasSuffix = sfx !== undefined && sfx.sep === 'none' && ARR_SUFFIX.has(sfx.t);
    const arr = arrs.get(n);
    if (arr && (t.k === 'w' || hasSuffix || !unitAfter(toks, j + 1))) {
      let end = hasSuffix ? j + 2 : j + 1;
      if (toks[end]?.t === 'arrondissement' || toks[end]?.t === 'arr') end++;
      return { arr, end };
    }
  }
  if (t.k === 'n' && t.t.length === 5 && g.byPostcode.has(t.t) && !unitAfter(toks, j + 1)) {
    const pcs = g.byPostcode.get(t.t)!;
    const arr = pcs.find((x) => x.parent?.insee === c.insee);
    return { arr, postcode: t.t, end: j + 1 };
  }
  if (t.t === '(') {
    const d = deptCodeAt(toks, j + 1);
    if (d && toks[d.end]?.t === ')') return { dept: d.code, end: d.end + 1 };
    const pc = toks[j + 1];
    if (pc && pc.k === 'n' && pc.t.length === 5 && g.byPostcode.has(pc.t) && toks[j + 2]?.t === ')')
      return {
        postcode: pc.t,
        arr: g.byPostcode.get(pc.t)!.find((x) => x.parent?.insee === c.insee),
        end: j + 3,
      };
  }
  if (t.k === 'n' && t.t.length <= 2 && t.sep !== 'none') {
    const d = deptCodeAt(toks, j);
    if (d && !unitAfter(toks, d.end)) return { dept: d.code, end: d.end };
  }
  return { end: j };
}

/** Département codes a text mentions as postcodes or in context, used to pick among homonyms. */
function deptHints(fields: FieldTokens[]): Set<string> {
  const g = getGazetteer();
  const out = new Set<string>();
  for (const f of fields) {
    const toks = f.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.k !== 'n') continue;
      if (t.t.length === 5 && g.byPostcode.has(t.t)) out.add(g.byPostcode.get(t.t)![0]!.departement);
      else if (t.t.length <= 3 && i > 0 && (DEPT_CUES.has(toks[i - 1]!.t) || toks[i - 1]!.t === '(')) {
        const d = deptCodeAt(toks, i);
        if (d) out.add(d.code);
      }
    }
  }
  return out;
}

function scanField(f: FieldTokens, hints: Set<string>, out: Found[]): void {
  const g = getGazetteer();
  const toks = f.tokens;
  const permissive = f.field === 'city';
  const used = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    if (used[i]) continue;
    const t = toks[i]!;
    if (t.k === 'w') {
      const m = matchName(toks, i);
      if (m && !insideIdentifier(toks, m.start, m.end)) {
        const { prep, strongA } = prepBefore(toks, m.start, f.text);
        const first = toks[m.start]!;
        const cap = first.cap;
        let cands = m.communes;
        const after = m.communes.length > 0 ? afterName(toks, m.end, m.communes[0]!) : { end: m.end };
        const pinned = after.dept ?? (after.postcode ? after.postcode.slice(0, 2) : undefined);
        const byPostcode = after.postcode ? cands.filter((c) => c.postcodes.includes(after.postcode!)) : [];
        if (byPostcode.length > 0) cands = byPostcode;
        else if (pinned) {
          // "Saint-Martin (38)" with no Saint-Martin in the 38: the name is another commune's, not a guess.
          cands = cands.filter((c) => c.departement === pinned || c.departement.startsWith(pinned));
        } else if (hints.size > 0) {
          const inDept = cands.filter((c) => hints.has(c.departement));
          if (inDept.length > 0) cands = inDept;
        }
        let commune = cands[0];
        const dept = m.dept;
        const firstName = m.len === 1 && isFirstName(m.key);
        const common = (commune?.commonWord ?? dept?.commonWord ?? false) || m.key.length <= 2 || firstName;
        const pop = commune ? Math.max(...cands.map((c) => c.population)) : 0;
        const hasContextAfter = pinned !== undefined || after.arr !== undefined;
        let ok: boolean;
        // A title like "Tours - jolie brune": a capitalised name alone at the start of a line, then a break.
        const headline =
          !firstName &&
          cap &&
          (m.start === 0 || first.sep === 'newline') &&
          toks[m.end] !== undefined &&
          toks[m.end]!.k === 'p';
        // Common-word names of large towns: a clear place preposition ("sur tours", "gare de nice"), a
        // place word after ("Nice centre"), or a capital mid-sentence before a break (", Nice.").
        const nextTok = toks[m.end];
        const prevTok = toks[m.start - 1];
        const placeWordAfter = nextTok !== undefined && PLACE_WORDS_AFTER.has(nextTok.t);
        const capMid =
          cap &&
          prevTok !== undefined &&
          first.sep !== 'newline' &&
          !SENTENCE_END.has(prevTok.t) &&
          (nextTok === undefined || nextTok.k === 'p' || nextTok.k === 's' || nextTok.sep === 'newline');
        const viaArticle = first.t === 'au' || first.t === 'du' || first.t === 'aux' || first.t === 'des';
        const bigTown = pop >= 20_000 && (!viaArticle || (toks[m.start + 1]?.cap ?? false));
        const strongPrep =
          prevTok !== undefined &&
          (STRONG_PREPS.has(prevTok.t) ||
            (prevTok.t === 'a' && (f.text[prevTok.s] === 'à' || f.text[prevTok.s] === 'À')) ||
            ((prevTok.t === 'de' || prevTok.t === 'd') && BEFORE_DE.has(toks[m.start - 2]?.t ?? '')));
        if (m.communes.length > 0 && cands.length === 0) ok = false;
        else if (permissive) ok = true;
        else if (common)
          ok =
            (cap && prep && strongA) ||
            (cap && hasContextAfter) ||
            headline ||
            (bigTown && (strongPrep || placeWordAfter || capMid));
        else if (dept) ok = prep || m.len > 1;
        else if (m.len > 1) ok = prep || cap || pop >= 2000;
        else ok = prep || hasContextAfter || pop >= 5000 || (cap && pop >= 2000);
        if (ok) {
          if (commune && after.arr) commune = after.arr;
          const end = Math.max(m.end, after.end);
          const span: Span = { field: f.field, start: toks[m.start]!.s, end: toks[end - 1]!.e };
          let strength = permissive ? 100 : prep ? 80 : 60;
          if (hasContextAfter) strength += 10;
          out.push({
            commune,
            postcode: after.postcode,
            dept: commune ? undefined : dept,
            via: permissive ? 'field' : dept && !commune ? 'departement' : 'name',
            spans: [span],
            strength,
            pos: span.start,
          });
          for (let k = m.start; k < end; k++) used[k] = 1;
          i = end - 1;
        }
      }
    } else if (t.k === 'n') {
      if (t.t.length === 5 && g.byPostcode.has(t.t)) {
        const prev = toks[i - 1];
        const phoneLike = (prev && prev.k === 'n' && prev.sep !== 'newline') || toks[i + 1]?.k === 'n';
        const refLike =
          prev &&
          (prev.t === 'ref' || prev.t === 'n' || prev.t === '°' || prev.t === '#' || prev.t === 'siret');
        if (!phoneLike && !refLike && !unitAfter(toks, i + 1) && t.sep !== 'none') {
          const c = g.byPostcode.get(t.t)![0]!;
          out.push({
            commune: c,
            postcode: t.t,
            via: permissive ? 'field' : 'postcode',
            spans: [{ field: f.field, start: t.s, end: t.e }],
            strength: permissive ? 100 : 50,
            pos: t.s,
          });
          continue;
        }
      }
      if (t.t.length <= 3) {
        const p1 = toks[i - 1];
        const p2 = toks[i - 2];
        const cue =
          (p1 && DEPT_CUES.has(p1.t)) ||
          (p1 && p1.t === 'le' && p2 && DEPT_CUES_BEFORE_LE.has(p2.t)) ||
          (p1 && p1.t === '(' && toks[i + 1]?.t === ')' && i >= 2 && toks[i - 2]!.k === 'w');
        const d = cue ? deptCodeAt(toks, i) : undefined;
        if (d && !unitAfter(toks, d.end)) {
          const dep = g.departements.get(d.code)!;
          out.push({
            dept: dep,
            via: 'departement',
            spans: [{ field: f.field, start: (p1!.t === '(' ? p1! : t).s, end: toks[d.end - 1]!.e }],
            strength: 30,
            pos: t.s,
          });
          i = d.end - 1;
        }
      }
    }
  }
}

interface NameMatch {
  start: number;
  end: number;
  len: number;
  key: string;
  communes: Commune[];
  dept?: Departement;
}

/** Longest commune (or département) name starting at token `i`, "au Havre" → "Le Havre". */
function matchName(toks: Token[], i: number): NameMatch | undefined {
  const first = normalizeNameToken(toks[i]!.t);
  const article =
    first === 'au' || first === 'du' ? 'le' : first === 'aux' || first === 'des' ? 'les' : undefined;
  if (article && toks[i + 1]?.k === 'w') {
    const m = longestFrom(toks, i, article, i + 1);
    if (m) return m;
  }
  return longestFrom(toks, i, first, i + 1);
}

/** Longest name whose first token is `head`, continuing with tokens from index `from`. */
function longestFrom(toks: Token[], start: number, head: string, from: number): NameMatch | undefined {
  const g = getGazetteer();
  const limit = g.maxLenByFirst.get(head) ?? 0;
  if (limit === 0) return undefined;
  let key = head;
  let best: NameMatch | undefined;
  let j = from;
  let len = 1;
  const articleOnly = from !== start + 1 || head !== normalizeNameToken(toks[start]!.t);
  for (;;) {
    if (!(articleOnly && len === 1)) {
      const communes = g.byName.get(key);
      if (communes) best = { start, end: j, len: articleOnly ? len - 1 : len, key, communes };
      else {
        const dept = g.departementByName.get(key);
        if (dept) best = { start, end: j, len: articleOnly ? len - 1 : len, key, communes: [], dept };
      }
    }
    if (len >= limit || j >= toks.length || !g.namePrefixes.has(key)) break;
    let t = toks[j]!;
    // "St. Nazaire": the abbreviation's dot is part of the name.
    if (t.t === '.' && t.sep === 'none' && ABBREVIATIONS.has(toks[j - 1]!.t) && toks[j + 1]?.k === 'w')
      t = toks[++j]!;
    if (t.k !== 'w' || t.sep === 'newline') break;
    key += ' ' + normalizeNameToken(t.t);
    j++;
    len++;
  }
  return best;
}

function toEntity(f: Found): PlaceEntity {
  if (f.commune) {
    const c = f.commune;
    return {
      name: c.name,
      insee: c.insee,
      departement: c.departement,
      postcode: f.postcode ?? c.postcodes[0],
      lat: c.lat,
      lon: c.lon,
      via: f.via,
      spans: f.spans,
    };
  }
  const d = f.dept!;
  return { name: d.name, insee: '', departement: d.code, lat: d.lat, lon: d.lon, via: f.via, spans: f.spans };
}

/**
 * Places in already tokenized fields (title/body) plus the structured city field.
 * Ordered strongest first: the structured field, then names with context, then postcodes,
 * then bare départements (whose `insee` is empty: they are not communes).
 */
export function placesFromTokens(fields: FieldTokens[], cityField?: string): PlaceEntity[] {
  const all = cityField
    ? [{ field: 'city' as const, text: cityField, tokens: tokenize(cityField) }, ...fields]
    : fields;
  const hints = deptHints(all);
  const found: Found[] = [];
  for (const f of all) scanField(f, hints, found);
  if (found.length === 0) return [];
  // Merge mentions of one commune; an arrondissement absorbs mentions of its parent city.
  const byKey = new Map<string, Found>();
  const arrParents = new Set(found.filter((f) => f.commune?.parent).map((f) => f.commune!.parent!.insee));
  const communeDepts = new Set(found.filter((f) => f.commune).map((f) => f.commune!.departement));
  const ordered = [...found].sort((a, b) => b.strength - a.strength || a.pos - b.pos);
  for (const f of ordered) {
    if (!f.commune && f.dept && communeDepts.has(f.dept.code)) continue;
    let key = f.commune ? f.commune.insee : 'd' + f.dept!.code;
    if (f.commune && arrParents.has(f.commune.insee)) {
      const child = ordered.find((x) => x.commune?.parent?.insee === f.commune!.insee);
      if (child) key = child.commune!.insee;
    }
    const prev = byKey.get(key);
    if (prev) {
      prev.spans.push(...f.spans);
      prev.postcode ??= f.postcode;
    } else byKey.set(key, { ...f, spans: [...f.spans] });
  }
  const list = [...byKey.values()].sort(
    (a, b) => (a.commune ? 0 : 1) - (b.commune ? 0 : 1) || b.strength - a.strength || a.pos - b.pos,
  );
  return list.map(toEntity);
}

/** Places mentioned in an ad (title, body, structured city field). */
export function extractPlaces(content: AdContent): PlaceEntity[] {
  return placesFromTokens(tokenizeFields(content), content.city);
}

/** The canonical commune name of the strongest commune place, or null (the export's `city`). */
export function primaryCity(places: PlaceEntity[]): string | null {
  return primaryPlace(places)?.name ?? null;
}
