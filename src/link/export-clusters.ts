/**
 * `vigie export clusters --format jsonl`: one line per active network, streamed in id order.
 */
import type { Backend } from '../store/database.ts';
import { type ClusterSummary, type MovementOut, refreshDirtyClusters } from './summaries.ts';

/** One line of the cluster export. */
export interface ClusterExportLine {
  id: string;
  size: number;
  created_at: string;
  updated_at: string;
  first_seen: string | null;
  last_seen: string | null;
  ads: ClusterSummary['ads'];
  identifiers: ClusterSummary['identifiers'];
  personas: ClusterSummary['personas'];
  /** Ordered stops (city, first seen, last seen), distance, tours and new-city appearances. */
  movement: MovementOut;
  /** The same, per phone. */
  movement_by_phone: Record<string, MovementOut>;
  scores: ClusterSummary['scores'];
  /** The main template (most ads), or null when no two member texts are near-duplicates. */
  template: ClusterSummary['templates'][number] | null;
  templates: ClusterSummary['templates'];
  link_reasons: ClusterSummary['reasons'];
  suppressed: ClusterSummary['suppressed'];
}

/** Streams active clusters, refreshing stale summaries first. */
export async function* exportClusters(b: Backend, pageSize = 200): AsyncGenerator<ClusterExportLine> {
  await refreshDirtyClusters(b);
  let after = '';
  for (;;) {
    const rows = await b.db
      .selectFrom('clusters')
      .select(['id', 'size', 'created_at', 'updated_at', 'movement', 'summary'])
      .where('status', '=', 'active')
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      const s = JSON.parse(r.summary ?? 'null') as ClusterSummary | null;
      const m = JSON.parse(r.movement ?? 'null') as {
        network: MovementOut;
        phones: Record<string, MovementOut>;
      } | null;
      if (!s || !m) continue;
      yield {
        id: r.id,
        size: r.size,
        created_at: r.created_at,
        updated_at: r.updated_at,
        first_seen: s.first_seen,
        last_seen: s.last_seen,
        ads: s.ads,
        identifiers: s.identifiers,
        personas: s.personas,
        movement: m.network,
        movement_by_phone: m.phones,
        scores: s.scores,
        template: s.templates[0] ?? null,
        templates: s.templates,
        link_reasons: s.reasons,
        suppressed: s.suppressed,
      };
    }
    after = rows[rows.length - 1]!.id;
  }
}
