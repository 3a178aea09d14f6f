import { z } from 'zod/v4';
import { type AnyRoute, route } from '../registry.ts';
import { STATS } from '../roles.ts';
import { isoDate } from '../schemas.ts';
import { computeStats, statsCsv } from '../stats/stats.ts';

const Range = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const statsRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/stats',
    tag: 'stats',
    summary: 'Counts per week, per département, per source; share with minor indicators; network sizes',
    access: STATS,
    query: Range,
    async handler({ deps, query }) {
      return computeStats(deps.backend, query);
    },
  }),
  route({
    method: 'get',
    path: '/stats.csv',
    tag: 'stats',
    summary: 'One statistics table as CSV',
    access: STATS,
    query: Range.extend({ table: z.enum(['perWeek', 'perDepartement', 'perSource', 'networkSizes']) }),
    produces: 'text/csv',
    async handler({ c, deps, query, audit }) {
      const csv = statsCsv(await computeStats(deps.backend, query), query.table);
      await audit('export_stats', 'stats', null, { ...query });
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="vigie-${query.table}.csv"`,
      });
    },
  }),
];
