import type { AnyRoute } from '../registry.ts';
import { adminUserRoutes } from './admin-users.ts';
import { adminRoutes } from './admin.ts';
import { adRoutes } from './ads.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { caseItemRoutes } from './case-items.ts';
import { caseRoutes } from './cases.ts';
import { crawlRoutes } from './crawl.ts';
import { imageRoutes } from './images.ts';
import { networkRoutes } from './networks.ts';
import { outreachRoutes } from './outreach.ts';
import { scoreRoutes } from './score.ts';
import { statsRoutes } from './stats.ts';
import { watchRoutes } from './watchlists.ts';

/** Every API route, by resource. The OpenAPI document and the router are both built from this list. */
export function allRoutes(): AnyRoute[] {
  return [
    ...authRoutes,
    ...adRoutes,
    ...imageRoutes,
    ...networkRoutes,
    ...watchRoutes,
    ...caseRoutes,
    ...caseItemRoutes,
    ...outreachRoutes,
    ...statsRoutes,
    ...crawlRoutes,
    ...scoreRoutes,
    ...adminUserRoutes,
    ...adminRoutes,
    ...auditRoutes,
  ];
}
