/**
 * Writing the outcome of a rebuild: only ads whose cluster changed are touched, through a scratch table
 * and one `UPDATE … FROM` (same SQL on SQLite ≥ 3.33 and PostgreSQL); membership history, cluster rows
 * and merge/split events follow.
 */
import { sql } from 'kysely';
import type { ClusterEvent } from '../core/link/cluster.ts';
import type { ClusterId } from '../core/types.ts';
import type { Db } from '../store/database.ts';
import { clusterIdOf, inChunks, recordClusterEvents } from '../store/link-repo.ts';
import type { RebuildState } from './rebuild-state.ts';

export async function writeAssignments(
  db: Db,
  st: RebuildState,
  groups: number[][],
  ids: ClusterId[],
  events: ClusterEvent[],
  at: string,
) {
  const next = new Int32Array(st.n);
  groups.forEach((g, gi) => {
    const num = Number.parseInt(ids[gi]!.slice(1), 10);
    for (const i of g) next[i] = num;
  });
  const changes: { ad_id: number; cluster_id: string | null }[] = [];
  for (let i = 0; i < st.n; i++) {
    if (next[i] !== st.prevCluster[i]) {
      changes.push({ ad_id: st.adIdOf[i]!, cluster_id: next[i]! > 0 ? clusterIdOf(next[i]!) : null });
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('link_assign').execute();
    await inChunks(changes, 2000, (c) => trx.insertInto('link_assign').values(c).execute());
    await sql`UPDATE ads SET cluster_id = link_assign.cluster_id FROM link_assign WHERE ads.id = link_assign.ad_id`.execute(
      trx,
    );
    await sql`UPDATE cluster_membership SET left_at = ${at}
      WHERE left_at IS NULL AND ad_id IN (SELECT ad_id FROM link_assign)`.execute(trx);
    await sql`INSERT INTO cluster_membership (ad_id, cluster_id, joined_at, left_at)
      SELECT ad_id, cluster_id, ${at}, NULL FROM link_assign WHERE cluster_id IS NOT NULL`.execute(trx);
    await trx.deleteFrom('link_assign').execute();
    await trx
      .updateTable('clusters')
      .set({ status: 'retired', size: 0, updated_at: at })
      .where('status', '=', 'active')
      .execute();
    const rows = groups.map((g, gi) => ({
      id: ids[gi]!,
      created_at: at,
      updated_at: at,
      size: g.length,
      status: 'active',
      dirty: 1,
    }));
    await inChunks(rows, 500, (c) =>
      trx
        .insertInto('clusters')
        .values(c)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            size: eb.ref('excluded.size'),
            status: 'active',
            dirty: 1,
            updated_at: at,
          })),
        )
        .execute(),
    );
    await recordClusterEvents(
      trx,
      events
        .filter((e) => e.kind !== 'new')
        .map((e) =>
          e.kind === 'split'
            ? { kind: e.kind, cluster_id: e.from, data: { into: e.into } }
            : { kind: e.kind, cluster_id: e.clusterId, data: e.kind === 'merge' ? { from: e.from } : {} },
        ),
      at,
    );
  });
}
