/**
 * Turns the server's network answer (src/server/networks/network-detail.ts) into what the network screen
 * draws: stops with coordinates, one template, a per-day timeline, graph nodes with kinds.
 */
import type { AdSummary, NetworkDetail, NetworkStop, Scores, TemplateInfo } from './types.ts';

/** Shape of GET /api/v1/networks/:id (fields the screen uses). */
export interface ServerNetwork {
  id: string;
  size: number;
  firstSeen?: string | null;
  lastSeen?: string | null;
  scores?: Scores;
  members: AdSummary[];
  identifiers?: { kind: string; value: string; ads: number }[];
  personas?: { name: string; ads: number; phones: string[]; cities: string[] }[];
  movement?: {
    adId: number;
    at: string;
    city: string | null;
    lat: number | null;
    lon: number | null;
  }[];
  extras?: {
    template?: unknown;
    movement?: {
      stops?: { city: string; first: string; last: string; ads: number }[];
      distance_km?: number;
    } | null;
  } | null;
  linkReasons?: {
    a: number | null;
    b: number | null;
    kind: string;
    reason: string;
    via?: string | null;
    weight?: number | null;
    strong?: boolean;
  }[];
  graph?: {
    nodes: { id: string; type?: string; kind?: string; label: string | null }[];
    edges: { source: string; target: string; kind?: string }[];
  };
}

type Sighting = NonNullable<ServerNetwork['movement']>[number];

/** Consecutive sightings in the same city make one stop (the path follows time). */
export function stopsFromSightings(sightings: readonly Sighting[]): NetworkStop[] {
  const stops: NetworkStop[] = [];
  for (const s of sightings) {
    if (!s.city) continue;
    const last = stops[stops.length - 1];
    if (last && last.city === s.city) {
      last.last = s.at;
      last.sightings++;
      if (last.lat === undefined && s.lat !== null && s.lon !== null) {
        last.lat = s.lat;
        last.lon = s.lon;
      }
    } else {
      stops.push({
        city: s.city,
        first: s.at,
        last: s.at,
        sightings: 1,
        ...(s.lat !== null && s.lon !== null ? { lat: s.lat, lon: s.lon } : {}),
      });
    }
  }
  return stops;
}

/** The first template of the linking stage, with slot values as {value, count}. */
export function firstTemplate(raw: unknown): TemplateInfo | null {
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const t = list[0] as
    | { template?: unknown; slots?: { key: string; label: string; values: unknown[] }[]; support?: number }
    | undefined;
  if (!t || typeof t.template !== 'string') return null;
  return {
    template: t.template,
    support: t.support,
    slots: (t.slots ?? []).map((s) => ({
      key: s.key,
      label: s.label,
      values: (s.values ?? []).map((v) =>
        typeof v === 'string' ? { value: v, count: 0 } : (v as { value: string; count: number }),
      ),
    })),
  };
}

export function adaptNetwork(n: ServerNetwork): NetworkDetail {
  const sightings = n.movement ?? [];
  const coords = new Map<string, { lat: number; lon: number }>();
  for (const s of sightings)
    if (s.city && s.lat !== null && s.lon !== null && !coords.has(s.city))
      coords.set(s.city, { lat: s.lat, lon: s.lon });
  const stored = n.extras?.movement?.stops;
  const stops: NetworkStop[] = stored?.length
    ? stored.map((s) => ({
        city: s.city,
        first: s.first,
        last: s.last,
        sightings: s.ads,
        ...coords.get(s.city),
      }))
    : stopsFromSightings(sightings);
  const timeline = new Map<string, { day: string; city: string; count: number }>();
  for (const s of sightings) {
    const day = s.at.slice(0, 10);
    const city = s.city ?? '?';
    const k = `${day}|${city}`;
    const e = timeline.get(k) ?? { day, city, count: 0 };
    e.count++;
    timeline.set(k, e);
  }
  const identifiers = n.identifiers ?? [];
  return {
    id: n.id,
    size: n.size,
    firstSeen: n.firstSeen,
    lastSeen: n.lastSeen,
    scores: n.scores,
    phones: identifiers.filter((i) => i.kind === 'phone').length,
    personas: n.personas ?? [],
    cities: [...new Set(sightings.map((s) => s.city).filter((c): c is string => !!c))],
    members: n.members,
    identifiers,
    movement: { stops, distanceKm: n.extras?.movement?.distance_km },
    template: firstTemplate(n.extras?.template),
    links: n.linkReasons ?? [],
    graph: {
      nodes: (n.graph?.nodes ?? []).map((x) => {
        const kind = x.kind ?? x.type ?? 'other';
        const adId = kind === 'ad' ? Number(x.id.replace(/^ad:/, '')) : undefined;
        return { id: x.id, kind, label: x.label ?? x.id, ...(adId !== undefined ? { adId } : {}) };
      }),
      edges: n.graph?.edges ?? [],
    },
    timeline: [...timeline.values()],
  };
}
