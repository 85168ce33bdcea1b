/**
 * Test settings: every *.test.ts under tests/, in Node (browser tests drive Chromium themselves),
 * with one PostgreSQL server for the run (tests/helpers/postgres-global-setup.ts). Two projects:
 * `sqlite` runs everything on SQLite files; `postgres` runs the suites that go through the store
 * (the API, the admin API, imports and restores, moderation) again on PostgreSQL, unchanged:
 * their test app (tests/helpers/test-app.ts) asks which database it is on. The store's own tests
 * (tests/server/store) compare both databases side by side within one run.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Suites that run on both databases. */
const ON_BOTH = [
  'tests/server/api/**/*.test.ts',
  'tests/server/admin/**/*.test.ts',
  'tests/server/import/**/*.test.ts',
  'tests/server/moderation/**/*.test.ts',
];

const shared = { environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 } as const;

export default defineConfig({
  test: {
    // At least three files at a time (vitest's default, cores - 1, is one at a time on two
    // cores): most files spend much of their time waiting on Chromium, a `riposte` process,
    // PostgreSQL or a timeout they provoke, so one file alone leaves a core idle. Each file
    // makes its own ports, temporary folders and databases; files side by side share only the
    // PostgreSQL server (200 connections).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // A worker runs file after file without loading the server's modules again for each (they
    // hold no state between files); vitest still restores mocks between files.
    isolate: false,
    // At the root: one server for both projects.
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['tests/**/*.test.ts'], provide: { testDatabase: 'sqlite' } } },
      { test: { ...shared, name: 'postgres', include: ON_BOTH, provide: { testDatabase: 'postgres' } } },
    ],
  },
});
