import type { VigieMigration } from './context.ts';

/** Tables of the server stage (see schema-server.ts). */
export const server: VigieMigration = {
  async up() {
    // Filled in by the server stage.
  },
};
