import { sql } from 'kysely';
import { linkNewAds } from '../link/incremental.ts';
import { linkPending } from '../link/link-pending.ts';
import { rebuildLinks } from '../link/rebuild.ts';
import { refreshDirtyClusters } from '../link/summaries.ts';
import { checkAlerts } from '../server/alerts.ts';
import type { Backend } from '../store/database.ts';

/**
 * When imported ads are linked into networks:
 * - `incremental`: after each committed batch (new ads are in their network as soon as they are stored);
 * - `deferred`: once at the end, in bulk — a full rebuild on a store without links, else the pending ads
 *   (much faster for large imports);
 * - `none`: not now (`vigie link` later). Identifier watchlists still raise alerts.
 */
export type LinkMode = 'incremental' | 'deferred' | 'none';

export interface ImportHooks {
  afterBatch: (changedAdIds: number[]) => Promise<void>;
  /** Completes linking (cluster summaries: templates, movement) and alerts after the last batch. */
  finish: () => Promise<void>;
}

/** The post-commit work of an import, for a link mode. */
export function importHooks(b: Backend, mode: LinkMode): ImportHooks {
  if (mode === 'incremental') {
    return {
      afterBatch: async (ids) => {
        await linkNewAds(b, ids);
        await checkAlerts(b, ids);
      },
      finish: async () => {
        await refreshDirtyClusters(b);
      },
    };
  }
  if (mode === 'none') {
    return { afterBatch: async (ids) => void (await checkAlerts(b, ids)), finish: async () => {} };
  }
  const changed: number[] = [];
  return {
    afterBatch: async (ids) => {
      for (const id of ids) changed.push(id);
    },
    finish: async () => {
      if (changed.length === 0) return;
      const linked = await b.db
        .selectFrom('ads')
        .select(sql<number>`1`.as('one'))
        .where('cluster_id', 'is not', null)
        .limit(1)
        .execute();
      if (linked.length === 0) await rebuildLinks(b);
      else await linkPending(b);
      await refreshDirtyClusters(b);
      for (let i = 0; i < changed.length; i += 5000) await checkAlerts(b, changed.slice(i, i + 5000));
    },
  };
}
