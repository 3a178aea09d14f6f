import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // PostgreSQL suites share one server: run files one at a time per database-touching worker.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
