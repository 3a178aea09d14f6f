import { sql } from 'kysely';
import type { Backend, DbOrTx } from '../store/database.ts';
import { tableExists } from './table-exists.ts';

/** Tables of the linking stage that reference ads, with their ad columns (deleted with the ads when present). */
const LINK_REFS: [string, string[]][] = [
  ['links', ['ad_a', 'ad_b']],
  ['link_text', ['ad_id']],
  ['link_text_bands', ['ad_id']],
  ['link_image_bands', ['ad_id']],
  ['cluster_membership', ['ad_id']],
];

/** Ads last seen before the cutoff that no case holds (directly or through an attached network). */
function candidates(db: DbOrTx, cutoff: string) {
  return db
    .selectFrom('ads')
    .select(['id', 'source', 'source_id'])
    .where('last_seen', '<', cutoff)
    .where(
      'id',
      'not in',
      db
        .selectFrom('case_items')
        .select(sql<number>`CAST(ref AS INTEGER)`.as('ref'))
        .where('kind', '=', 'ad'),
    )
    .where((eb) =>
      eb.or([
        eb('cluster_id', 'is', null),
        eb('cluster_id', 'not in', db.selectFrom('case_items').select('ref').where('kind', '=', 'network')),
      ]),
    );
}

/**
 * Purges ads older than `days` (by last sighting) that are not in a case: the ads, their versions,
 * identifiers, images, alerts, link rows, full-text entries, and the captures no remaining version cites.
 */
export async function purgeOldAds(
  b: Backend,
  days: number,
  now: Date,
  dryRun = false,
): Promise<{ cutoff: string; ads: number; captures: number }> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await candidates(b.db, cutoff).execute();
  if (dryRun || rows.length === 0) return { cutoff, ads: rows.length, captures: 0 };
  const present: (readonly [string, string[]])[] = [];
  for (const [t, cols] of LINK_REFS) if (await tableExists(b, t)) present.push([t, cols] as const);
  let captures = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const ids = chunk.map((r) => r.id);
    captures += await b.db.transaction().execute(async (trx) => {
      const capIds = (
        await trx.selectFrom('ad_versions').select('capture_id').where('ad_id', 'in', ids).execute()
      ).map((r) => r.capture_id);
      for (const [t, cols] of present) {
        for (const c of cols)
          await sql`DELETE FROM ${sql.table(t)} WHERE ${sql.ref(c)} IN (${sql.join(ids)})`.execute(trx);
      }
      await trx.deleteFrom('alerts').where('ad_id', 'in', ids).execute();
      await trx.deleteFrom('ad_identifiers').where('ad_id', 'in', ids).execute();
      await trx.deleteFrom('ad_images').where('ad_id', 'in', ids).execute();
      await trx.deleteFrom('ad_versions').where('ad_id', 'in', ids).execute();
      await b.fts.remove(trx, ids);
      await trx.deleteFrom('ads').where('id', 'in', ids).execute();
      let n = 0;
      for (let j = 0; j < capIds.length; j += 500) {
        const part = capIds.slice(j, j + 500);
        const r = await trx
          .deleteFrom('captures')
          .where('id', 'in', part)
          .where(
            'id',
            'not in',
            trx.selectFrom('ad_versions').select('capture_id').where('capture_id', 'in', part),
          )
          .executeTakeFirst();
        n += Number(r.numDeletedRows);
      }
      return n;
    });
  }
  return { cutoff, ads: rows.length, captures };
}
