/**
 * Test settings: every *.test.ts under tests/, in Node (browser tests drive Chromium themselves),
 * with one PostgreSQL server for the run (tests/helpers/postgres-global-setup.ts). Three projects:
 * `sqlite` runs everything but the browser tests on SQLite files, `browser` those (on SQLite);
 * `postgres` runs the suites that go through the store
 * (the API, the admin API, imports and restores, moderation) again on PostgreSQL, unchanged:
 * their test app (tests/helpers/test-app.ts) asks which database it is on. The store's own tests
 * (tests/server/store) compare both databases side by side within one run.
 */
import { defineConfig } from 'vitest/config';

/** Suites that run on both databases. */
const ON_BOTH = [
  'tests/server/api/**/*.test.ts',
  'tests/server/admin/**/*.test.ts',
  'tests/server/import/**/*.test.ts',
  'tests/server/moderation/**/*.test.ts',
];

const shared = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // A worker imports the server's modules once for all its files, not once a file (vitest's
  // import time 196 s → 23 s). Safe because no test mocks modules or sets module state: each
  // file starts its own app, database and servers.
  isolate: false,
  // expect.poll waits for what a page does next (a thread drawn a screenful per frame, a live
  // event): up to 10 s rather than vitest's 1 s, as other work on the two cores slows every
  // page. It is a deadline for something that must happen, not a measure of speed.
  expect: { poll: { timeout: 10_000 } },
} as const;

/** Files that drive Chromium, one at a time (see maxWorkers). */
const BROWSER = ['tests/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    // At the root: one server for both projects.
    globalSetup: ['tests/helpers/postgres-global-setup.ts'],
    // Two files at a time on two cores (the run's CPU is the limit), except the browser files:
    // two pages drawing side by side lost races before, so they run one at a time, in a project
    // of their own, which vitest runs once the others are done (its own group: its worker count
    // differs).
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['tests/**/*.test.ts'], exclude: BROWSER, provide: { testDatabase: 'sqlite' } } },
      {
        test: {
          ...shared,
          name: 'browser',
          include: BROWSER,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // Once more after a failure: two tests (big-thread's last page, the server-drawn
          // takeover's count of comments on screen) failed once each in five full runs on the
          // loaded 2-core machine and never alone; a failure that repeats still fails the run.
          retry: 1,
          provide: { testDatabase: 'sqlite' },
        },
      },
      { test: { ...shared, name: 'postgres', include: ON_BOTH, provide: { testDatabase: 'postgres' } } },
    ],
  },
});
