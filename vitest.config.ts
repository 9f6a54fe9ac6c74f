// Unit tests: Node by default; React and platform tests opt into jsdom per file.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
