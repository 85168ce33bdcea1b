/**
 * Test settings: every *.test.ts under tests/, in Node (browser tests drive Chromium themselves),
 * with one PostgreSQL server for the run (tests/helpers/postgres-global-setup.ts).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
