import { adCrawlHistory } from '../../crawler/history.ts';
import { siteHealth } from '../../crawler/health.ts';
import { VigieError } from '../../core/errors.ts';
import { type AnyRoute, route } from '../registry.ts';
import { INVESTIGATE, STATS } from '../roles.ts';
import { idParam } from '../schemas.ts';

/** Collection: per-site crawl health, and one ad's crawl history (captures, deletions, reposts). */
export const crawlRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/crawl/health',
    tag: 'crawl',
    summary: 'Per-site crawl health: pages/min, errors, last success, ads, deletions',
    access: STATS,
    async handler({ deps }) {
      return { sites: await siteHealth(deps.backend) };
    },
  }),
  route({
    method: 'get',
    path: '/ads/:id/crawl-history',
    tag: 'ads',
    summary: 'An ad as seen by the crawler: page captures with SHA-256, deletions with reasons, repost links',
    access: INVESTIGATE,
    params: idParam,
    async handler({ deps, params, audit }) {
      const h = await adCrawlHistory(deps.backend, params.id);
      if (!h) throw new VigieError('ad_not_found', `no ad ${params.id}`);
      await audit('view_ad_history', 'ad', params.id);
      return h;
    },
  }),
];
