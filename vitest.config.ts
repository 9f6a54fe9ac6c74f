// Unit tests: Node by default; React and platform tests opt into jsdom per file. The server's tests, and
// the model-based sync test against the server, run a second time on PostgreSQL (see
// test/support/test-database.ts), with those of several server processes on one database (server/postgres/).
import { defineConfig } from 'vitest/config';

const onThePortalsDatabase = ['test/unit/server/**/*.test.ts', 'test/unit/renderer/sync-model.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], exclude: ['test/unit/server/postgres/**'] },
      },
      {
        extends: true,
        test: { name: 'postgres', include: onThePortalsDatabase, env: { PORTAL_TEST_ENGINE: 'postgres' } },
      },
    ],
  },
});
