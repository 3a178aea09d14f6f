import type { VigieMigration } from './context.ts';

/** Tables of the links stage (see schema-links.ts). */
export const links: VigieMigration = {
  async up() {
    // Filled in by the links stage.
  },
};
