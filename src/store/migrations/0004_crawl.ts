import type { VigieMigration } from './context.ts';

/** Tables of the crawl stage (see schema-crawl.ts). */
export const crawl: VigieMigration = {
  async up() {
    // Filled in by the crawl stage.
  },
};
