import { linkNewAds } from '../link/incremental.ts';
import type { Backend } from '../store/database.ts';

/**
 * What runs after each committed import batch, on the ads it created or changed: linking into networks
 * (candidates by identifier, LSH band and image band), then whatever listens to the linking events.
 */
export function afterImport(b: Backend): (changedAdIds: number[]) => Promise<void> {
  return async (ids) => {
    await linkNewAds(b, ids);
  };
}
