/**
 * What an analyst reads about a network: member ads, identifiers, personas, cities timeline and tours
 * (overall and per phone), aggregated scores, templates (shared phrasing with slots) and why the ads
 * are linked. Computed per cluster, stored as JSON on the cluster row, recomputed when it changed.
 */
import { deriveTemplate } from '../core/link/template.ts';
import { type Movement, movementByKey, movementOf } from '../core/link/movement.ts';
import { estimateJaccard, signatureFromBytes } from '../core/link/minhash.ts';
import type { Analysis } from '../core/types.ts';
import type { Backend, DbOrTx } from '../store/database.ts';
import { adText, adTime, identifiersOfAds, linksTouching, textSignatures } from '../store/link-repo.ts';

const MAX_TEMPLATE_DOCS = 40;
const MAX_TEMPLATES = 5;

export interface ClusterSummary {
  ads: { source: string; id: string }[];
  identifiers: { phones: Counted[]; emails: Counted[]; handles: Counted[]; images: number };
  personas: { name: string; ads: number; phones: string[]; cities: string[] }[];
  scores: { minor: Agg; control: Agg; recruitment: Agg };
  templates: {
    template: string;
    slots: { key: string; label: string; values: string[] }[];
    support: number;
  }[];
  reasons: { kind: string; count: number; examples: string[] }[];
  suppressed: { kind: string; value: string; reason: string }[];
  first_seen: string | null;
  last_seen: string | null;
}
export type Counted = { value: string; ads: number };
export type Agg = { max: number; mean: number };

/** Movement as exported: ISO dates instead of epoch ms. */
export interface MovementOut {
  stops: { city: string; first: string; last: string; ads: number }[];
  distance_km: number;
  distinct_cities: number;
  tours: { start: string; end: string; cities: string[] }[];
  new_cities: { city: string; at: string }[];
}

const iso = (t: number) => new Date(t).toISOString();

export function movementOut(m: Movement): MovementOut {
  return {
    stops: m.stops.map((s) => ({ city: s.city, first: iso(s.first), last: iso(s.last), ads: s.sightings })),
    distance_km: m.distanceKm,
    distinct_cities: m.distinctCities,
    tours: m.tours.map((t) => ({ start: iso(t.start), end: iso(t.end), cities: t.cities })),
    new_cities: m.newCities.map((c) => ({ city: c.city, at: iso(c.at) })),
  };
}

function counted(values: string[]): Counted[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, ads]) => ({ value, ads }));
}

function agg(xs: number[]): Agg {
  if (xs.length === 0) return { max: 0, mean: 0 };
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { max: r(Math.max(...xs)), mean: r(xs.reduce((a, b) => a + b, 0) / xs.length) };
}

/** Greedy grouping of member texts into near-duplicate families (estimated Jaccard ≥ 0.5 to the family's first). */
function textFamilies(ids: number[], sigs: Map<number, Uint32Array>): number[][] {
  const fams: { head: Uint32Array; ids: number[] }[] = [];
  for (const id of ids) {
    const s = sigs.get(id);
    if (!s) continue;
    const f = fams.find((x) => estimateJaccard(x.head, s) >= 0.5);
    if (f) f.ids.push(id);
    else fams.push({ head: s, ids: [id] });
  }
  return fams
    .map((f) => f.ids)
    .filter((f) => f.length >= 2)
    .sort((a, b) => b.length - a.length);
}

/** Compute the summary and movement of one cluster from the store. */
export async function computeClusterSummary(db: DbOrTx, clusterId: string) {
  const rows = await db
    .selectFrom('ads')
    .select([
      'id',
      'source',
      'source_id',
      'title',
      'body',
      'city_name',
      'posted_at',
      'captured_at',
      'first_seen',
      'analysis',
      'score_minor',
      'score_control',
      'score_recruitment',
    ])
    .where('cluster_id', '=', clusterId)
    .orderBy('id')
    .execute();
  const ids = rows.map((r) => r.id);
  const idents = await identifiersOfAds(db, ids);
  const phonesOf = new Map<number, string[]>();
  for (const x of idents)
    if (x.kind === 'phone') phonesOf.set(x.ad_id, [...(phonesOf.get(x.ad_id) ?? []), x.value]);
  const analyses = new Map(rows.map((r) => [r.id, r.analysis ? (JSON.parse(r.analysis) as Analysis) : null]));
  const times = new Map(rows.map((r) => [r.id, adTime(r)]));

  const sightings = rows
    .filter((r) => r.city_name)
    .map((r) => {
      const p = analyses.get(r.id)?.extraction.places[0];
      return {
        at: times.get(r.id)!,
        city: r.city_name!,
        lat: p?.lat ?? null,
        lon: p?.lon ?? null,
        keys: phonesOf.get(r.id) ?? [],
      };
    });
  const network = movementOf(sightings);
  const perPhone = Object.fromEntries([...movementByKey(sightings)].map(([k, m]) => [k, movementOut(m)]));

  const personas = new Map<
    string,
    { name: string; ads: Set<number>; phones: Set<string>; cities: Set<string> }
  >();
  for (const r of rows) {
    for (const n of analyses.get(r.id)?.extraction.names ?? []) {
      const key = n.name.toLowerCase();
      const p = personas.get(key) ?? { name: n.name, ads: new Set(), phones: new Set(), cities: new Set() };
      p.ads.add(r.id);
      for (const ph of phonesOf.get(r.id) ?? []) p.phones.add(ph);
      if (r.city_name) p.cities.add(r.city_name);
      personas.set(key, p);
    }
  }

  const sigRows = await textSignatures(db, ids);
  const sigs = new Map([...sigRows].map(([id, s]) => [id, signatureFromBytes(s.sig)]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const templates = textFamilies(ids, sigs)
    .slice(0, MAX_TEMPLATES)
    .map((fam) => {
      const docs = fam.slice(-MAX_TEMPLATE_DOCS).map((id) => {
        const r = byId.get(id)!;
        const x = analyses.get(id)?.extraction;
        return {
          id,
          text: adText(r),
          hints: {
            names: (x?.names ?? []).map((n) => n.name),
            cities: (x?.places ?? []).map((p) => p.name).concat(r.city_name ?? []),
          },
        };
      });
      const t = deriveTemplate(docs);
      return {
        template: t.template,
        slots: t.slots.map((s) => ({ key: s.key, label: s.label, values: s.values.map((v) => v.value) })),
        support: fam.length,
      };
    });

  const links = (await linksTouching(db, ids)).filter((l) => byId.has(l.ad_a) && byId.has(l.ad_b));
  const kinds = new Map<string, { count: number; examples: Set<string> }>();
  for (const l of links) {
    const k = kinds.get(l.kind) ?? { count: 0, examples: new Set<string>() };
    k.count++;
    if (k.examples.size < 5) k.examples.add(l.reason);
    kinds.set(l.kind, k);
  }
  const identKeys = [...new Set(idents.map((x) => x.value))];
  const suppressed =
    identKeys.length === 0
      ? []
      : await db
          .selectFrom('link_suppressed')
          .select(['kind', 'value', 'reason'])
          .where('value', 'in', identKeys.slice(0, 500))
          .execute();
  const allTimes = [...times.values()].sort((a, b) => a - b);
  const summary: ClusterSummary = {
    ads: rows.map((r) => ({ source: r.source, id: r.source_id })),
    identifiers: {
      phones: counted(idents.filter((x) => x.kind === 'phone').map((x) => x.value)),
      emails: counted(idents.filter((x) => x.kind === 'email').map((x) => x.value)),
      handles: counted(idents.filter((x) => x.kind === 'handle').map((x) => x.value)),
      images: new Set(idents.filter((x) => x.kind === 'image').map((x) => x.value)).size,
    },
    personas: [...personas.values()]
      .sort((a, b) => b.ads.size - a.ads.size || a.name.localeCompare(b.name))
      .map((p) => ({ name: p.name, ads: p.ads.size, phones: [...p.phones], cities: [...p.cities] })),
    scores: {
      minor: agg(rows.map((r) => r.score_minor)),
      control: agg(rows.map((r) => r.score_control)),
      recruitment: agg(rows.map((r) => r.score_recruitment)),
    },
    templates,
    reasons: [...kinds]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([kind, v]) => ({ kind, count: v.count, examples: [...v.examples] })),
    suppressed,
    first_seen: allTimes.length ? iso(allTimes[0]!) : null,
    last_seen: allTimes.length ? iso(allTimes[allTimes.length - 1]!) : null,
  };
  return { summary, movement: { network: movementOut(network), phones: perPhone } };
}

/** Recompute the summaries of clusters marked dirty (keyset over ids); returns how many were refreshed. */
export async function refreshDirtyClusters(b: Backend, onProgress?: (done: number) => void): Promise<number> {
  let after = '';
  let done = 0;
  for (;;) {
    const page = await b.db
      .selectFrom('clusters')
      .select('id')
      .where('dirty', '=', 1)
      .where('status', '=', 'active')
      .where('id', '>', after)
      .orderBy('id')
      .limit(200)
      .execute();
    if (page.length === 0) return done;
    for (const { id } of page) {
      const { summary, movement } = await computeClusterSummary(b.db, id);
      await b.db
        .updateTable('clusters')
        .set({
          dirty: 0,
          size: summary.ads.length,
          template: JSON.stringify(summary.templates),
          movement: JSON.stringify(movement),
          scores: JSON.stringify(summary.scores),
          summary: JSON.stringify(summary),
        })
        .where('id', '=', id)
        .execute();
      done++;
    }
    after = page[page.length - 1]!.id;
    onProgress?.(done);
  }
}
