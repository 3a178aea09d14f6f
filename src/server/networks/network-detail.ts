import type { Backend } from '../../store/database.ts';
import { parseAnalysis } from '../ads/present.ts';
import { notFound } from '../errors.ts';
import { tableExists } from '../table-exists.ts';

const MAX_MEMBERS = 1000;
const MAX_GRAPH_ADS = 300;

/** Extras the linking stage stores per cluster (template, movement, summary), when its tables exist. */
async function clusterExtras(b: Backend, id: string) {
  if (!(await tableExists(b, 'clusters'))) return null;
  const r = await b.db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const parse = (s: string | null) => (s ? (JSON.parse(s) as unknown) : null);
  return {
    status: r.status,
    template: parse(r.template),
    movement: parse(r.movement),
    summary: parse(r.summary),
  };
}

/** Evidence links between members (linking stage), when the table exists. */
async function memberLinks(b: Backend, ids: number[]) {
  if (ids.length === 0 || !(await tableExists(b, 'links'))) return [];
  const slice = ids.slice(0, MAX_GRAPH_ADS);
  return b.db
    .selectFrom('links')
    .select(['ad_a', 'ad_b', 'kind', 'reason', 'via', 'weight', 'strong'])
    .where('ad_a', 'in', slice)
    .where('ad_b', 'in', slice)
    .limit(5000)
    .execute();
}

/** A network: members, identifiers, personas, movement, template, link reasons and graph data. */
export async function networkDetail(b: Backend, id: string) {
  const ads = await b.db
    .selectFrom('ads')
    .select([
      'id',
      'source',
      'source_id',
      'title',
      'url',
      'first_seen',
      'last_seen',
      'posted_at',
      'city_name',
      'city_insee',
      'departement',
      'score_minor',
      'score_control',
      'score_recruitment',
      'analysis',
      'reviewed',
    ])
    .where('cluster_id', '=', id)
    .orderBy('first_seen')
    .limit(MAX_MEMBERS)
    .execute();
  if (ads.length === 0) throw notFound(`network ${id}`);
  const ids = ads.map((a) => a.id);
  const idents = await b.db
    .selectFrom('ad_identifiers')
    .select(['ad_id', 'kind', 'value'])
    .where('ad_id', 'in', ids.slice(0, MAX_MEMBERS))
    .execute();
  const identCount = new Map<string, { kind: string; value: string; ads: number[] }>();
  for (const r of idents) {
    const k = `${r.kind}:${r.value}`;
    const e = identCount.get(k) ?? { kind: r.kind, value: r.value, ads: [] };
    e.ads.push(r.ad_id);
    identCount.set(k, e);
  }
  const personas = new Map<string, { name: string; ads: number; phones: Set<string>; cities: Set<string> }>();
  const movement: {
    adId: number;
    at: string;
    city: string | null;
    insee: string | null;
    departement: string | null;
    lat: number | null;
    lon: number | null;
  }[] = [];
  for (const a of ads) {
    const an = parseAnalysis(a.analysis);
    const place = an?.extraction.places[0];
    movement.push({
      adId: a.id,
      at: a.posted_at ?? a.first_seen,
      city: a.city_name,
      insee: a.city_insee,
      departement: a.departement,
      lat: place?.lat ?? null,
      lon: place?.lon ?? null,
    });
    for (const n of an?.extraction.names ?? []) {
      const key = n.name.toLowerCase();
      const p = personas.get(key) ?? { name: n.name, ads: 0, phones: new Set(), cities: new Set() };
      p.ads++;
      for (const ph of an?.extraction.phones ?? []) p.phones.add(ph.e164);
      if (a.city_name) p.cities.add(a.city_name);
      personas.set(key, p);
    }
  }
  movement.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  const links = await memberLinks(b, ids);
  const shared = [...identCount.values()].filter((e) => e.ads.length > 1);
  const graphAds = new Set(ids.slice(0, MAX_GRAPH_ADS));
  const identifiers = [...identCount.values()].sort((x, y) => y.ads.length - x.ads.length);
  return {
    id,
    size: ads.length,
    firstSeen: ads[0].first_seen,
    lastSeen: ads.reduce((m, a) => (a.last_seen > m ? a.last_seen : m), ads[0].last_seen),
    scores: {
      minor: Math.max(...ads.map((a) => a.score_minor)),
      control: Math.max(...ads.map((a) => a.score_control)),
      recruitment: Math.max(...ads.map((a) => a.score_recruitment)),
    },
    members: ads.map((a) => ({
      id: a.id,
      source: a.source,
      sourceId: a.source_id,
      title: a.title,
      url: a.url,
      firstSeen: a.first_seen,
      lastSeen: a.last_seen,
      city: a.city_name,
      departement: a.departement,
      scores: { minor: a.score_minor, control: a.score_control, recruitment: a.score_recruitment },
      reviewed: a.reviewed === 1,
    })),
    identifiers: identifiers.map((e) => ({ kind: e.kind, value: e.value, ads: e.ads.length })),
    personas: [...personas.values()].map((p) => ({
      name: p.name,
      ads: p.ads,
      phones: [...p.phones],
      cities: [...p.cities],
    })),
    movement,
    extras: await clusterExtras(b, id),
    linkReasons: [
      ...links.map((l) => ({
        a: l.ad_a,
        b: l.ad_b,
        kind: l.kind,
        reason: l.reason,
        via: l.via,
        weight: l.weight,
        strong: l.strong === 1,
      })),
      ...shared.map((e) => ({
        a: null,
        b: null,
        kind: `shared_${e.kind}`,
        reason: `${e.ads.length} ads share ${e.kind} ${e.value}`,
        via: `${e.kind}:${e.value}`,
        weight: null,
        strong: true,
      })),
    ],
    graph: {
      nodes: [
        ...ads
          .filter((a) => graphAds.has(a.id))
          .map((a) => ({ id: `ad:${a.id}`, type: 'ad', label: a.title ?? a.source_id, city: a.city_name })),
        ...identifiers.map((e) => ({ id: `${e.kind}:${e.value}`, type: e.kind, label: e.value, city: null })),
      ],
      edges: [
        ...idents
          .filter((r) => graphAds.has(r.ad_id))
          .map((r) => ({ source: `ad:${r.ad_id}`, target: `${r.kind}:${r.value}`, kind: 'has' })),
        ...links
          .filter((l) => l.kind !== 'phone' && l.kind !== 'email' && l.kind !== 'handle')
          .map((l) => ({ source: `ad:${l.ad_a}`, target: `ad:${l.ad_b}`, kind: l.kind })),
      ],
    },
  };
}
