import { linkNewAds } from '../link/incremental.ts';
import { checkAlerts } from '../server/alerts.ts';
import type { Backend } from '../store/database.ts';

/**
 * What runs after each committed import batch, on the ads it created or changed: linking into networks
 * (candidates by identifier, LSH band and image band), then watchlist alerts (which may watch a network).
 */
export function afterImport(b: Backend): (changedAdIds: number[]) => Promise<void> {
  return async (ids) => {
    await linkNewAds(b, ids);
    await checkAlerts(b, ids);
  };
}
