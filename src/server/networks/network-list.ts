import { sql } from 'kysely';
import { z } from 'zod/v4';
import type { Backend } from '../../store/database.ts';
import { isoDate, limit, offset } from '../schemas.ts';

export const NetworkListSchema = z.object({
  minSize: z.coerce.number().int().min(1).max(100_000).default(2),
  sort: z.enum(['size', 'recent', 'minor', 'control']).default('size'),
  departement: z.string().max(3).optional(),
  from: isoDate.optional().describe('active on or after (last seen ≥ from)'),
  to: isoDate.optional().describe('active before (first seen < to)'),
  limit: limit(200, 50),
  offset,
});

const SORT = {
  size: sql`size`,
  recent: sql`last_seen`,
  minor: sql`minor`,
  control: sql`control`,
};

/** Networks (ads grouped by `cluster_id`) with their size, time span, places and highest scores. */
export async function listNetworks(b: Backend, p: z.output<typeof NetworkListSchema>) {
  let q = b.db
    .selectFrom('ads')
    .select([
      'cluster_id',
      sql<number>`count(*)`.as('size'),
      sql<string>`min(first_seen)`.as('first_seen'),
      sql<string>`max(last_seen)`.as('last_seen'),
      sql<number>`max(score_minor)`.as('minor'),
      sql<number>`max(score_control)`.as('control'),
      sql<number>`max(score_recruitment)`.as('recruitment'),
      sql<number>`count(distinct city_insee)`.as('places'),
      sql<number>`count(distinct departement)`.as('departements'),
    ])
    .where('cluster_id', 'is not', null)
    .groupBy('cluster_id')
    .having(sql`count(*)`, '>=', p.minSize);
  if (p.from) q = q.having(sql`max(last_seen)`, '>=', p.from);
  if (p.to) q = q.having(sql`min(first_seen)`, '<', p.to);
  if (p.departement)
    q = q.where('cluster_id', 'in', (eb) =>
      eb.selectFrom('ads').select('cluster_id').where('departement', '=', p.departement!),
    );
  const rows = await q
    .orderBy(SORT[p.sort], 'desc')
    .orderBy('cluster_id')
    .limit(p.limit)
    .offset(p.offset ?? 0)
    .execute();
  const total = await b.db.selectFrom(q.as('n')).select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return {
    items: rows.map((r) => ({
      id: r.cluster_id as string,
      size: Number(r.size),
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      scores: { minor: Number(r.minor), control: Number(r.control), recruitment: Number(r.recruitment) },
      places: Number(r.places),
      departements: Number(r.departements),
    })),
    total: Number(total?.n ?? 0),
  };
}
