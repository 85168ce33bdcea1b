/**
 * Builds the real app over a real database: a SQLite file in a fresh temporary folder, or in
 * the `postgres` test project a PostgreSQL database of the run's server (see test-database.ts).
 */
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { DEFAULT_WIDGET_DIR } from '../../server/main.ts';
import { createLiveHub } from '../../server/live/live-hub.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import type { AddressPolicy } from '../../server/net/address-policy.ts';
import { startOutbox } from '../../server/outbox/outbox-worker.ts';
import { openStore } from '../../server/store/index.ts';
import { ThreadCache } from '../../server/threads/thread-cache.ts';
import { DEFAULT_SITE } from '../../shared/limits.ts';
import { beforeEach, onTestFinished } from 'vitest';
import { makeTestDatabase, type TestDatabase, useTestDatabase } from './test-database.ts';

export { tempDir } from './temp-dir.ts';

export const BLOG_ORIGIN = 'https://blog.example';

/**
 * The app's clock in tests: real time plus whatever the test moved it on by, so an edit
 * window can close or a session expire without touching stored rows.
 */
export function testClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number): void {
      offset += ms;
    },
  };
}

/** `env` holds settings that are environment variables only (sign-in providers, roles). */
export function testConfig(dbFile: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig(['--db', dbFile, '--rate-limit', '0', '--origins', BLOG_ORIGIN, ...flags], env).config;
}

export interface TestAppOptions {
  /** Loopback addresses the outbox may post webhooks to and fetch Webmention sources from. */
  addressPolicy?: AddressPolicy;
}

/**
 * Opens the store on `dbFile` (a SQLite file or a postgres:// URL; migrating it) and builds
 * the app with its outbox worker (and a mailer where `env` sets mail up), as `riposte serve` does.
 */
export async function openTestApp(dbFile: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}, options: TestAppOptions = {}) {
  const config = testConfig(dbFile, flags, env);
  const store = await openStore(dbFile, { maxBytes: config.dbMaxBytes });
  const clock = testClock();
  const { now } = clock;
  if (!(await store.sites.get(DEFAULT_SITE))) {
    await store.sites.ensure(DEFAULT_SITE, 'Default site', now().toISOString());
    // Tests start from an open site (nothing held), as most test something else; the new-site
    // default (moderation=first) has its own test (moderation/new-site-default.test.ts).
    await store.sites.updateSettings(DEFAULT_SITE, { moderation: 'none' });
  }
  const hashKey = await store.settings.hashKey();
  const mailer = config.mail ? createMailer(config.mail, { pool: 2 }) : null;
  const outbox = startOutbox({ store, config, hashKey, now, mailer, addressPolicy: options.addressPolicy ?? {} });
  const threadCache = new ThreadCache();
  const live = createLiveHub({ store, threadCache, hashKey, perAddress: config.liveStreams, inAll: config.liveStreamsTotal });
  const app = createApp({ store, config, threadCache, hashKey, widgetDir: DEFAULT_WIDGET_DIR, now, outbox, live });

  /** Sends JSON the way the widget does. */
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const post = (body: unknown, headers?: Record<string, string>) => send('POST', '/api/v1/comments', body, headers);
  const thread = async (page: string, site?: string) => {
    const query = new URLSearchParams({ page, ...(site ? { site } : {}) });
    const res = await app.request(`/api/v1/threads?${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { comments: Record<string, unknown>[] } };
  };
  const close = async () => {
    await live.close();
    await outbox.stop();
    mailer?.close();
    await store.close();
  };
  return { app, store, config, clock, now, send, post, thread, outbox, live, close };
}

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;

/**
 * A fresh app on a fresh database for each test of the calling file (set up and torn down by
 * vitest hooks). The returned object always speaks to the current app; `reopen` starts a new
 * app on the same database, as a restart or other settings would. `setUp` runs on each new app
 * before the test (admin-session.ts's useAdminApp adds and logs in an admin).
 */
export function useTestApp(flags: string[] = [], env: NodeJS.ProcessEnv = {}, setUp?: (t: TestApp) => Promise<void>) {
  let current: TestApp | undefined;
  const database = useTestDatabase(async () => {
    await current?.close();
    current = undefined;
  });
  beforeEach(async () => {
    current = await openTestApp(database.current.location, flags, env);
    await setUp?.(current);
  });
  const app = (): TestApp => {
    if (!current) throw new Error('the app opens before each test: use it in a test');
    return current;
  };
  return {
    get app() {
      return app().app;
    },
    get store() {
      return app().store;
    },
    get config() {
      return app().config;
    },
    get outbox() {
      return app().outbox;
    },
    get clock() {
      return app().clock;
    },
    now: () => app().now(),
    /** The database: a SQLite file, or a postgres:// URL in the `postgres` test project. */
    get dbFile() {
      return database.current.location;
    },
    /** Where the admin view spools uploads on this database. */
    get uploadDir() {
      return database.current.uploadDir;
    },
    send: (...args: Parameters<TestApp['send']>) => app().send(...args),
    post: (...args: Parameters<TestApp['post']>) => app().post(...args),
    thread: (...args: Parameters<TestApp['thread']>) => app().thread(...args),
    async reopen(reopenFlags: string[] = flags, reopenEnv: NodeJS.ProcessEnv = env): Promise<void> {
      await app().close();
      current = await openTestApp(database.current.location, reopenFlags, reopenEnv);
    },
  };
}

export type LiveTestApp = ReturnType<typeof useTestApp>;

/**
 * A new app on a new database, for a test that wants one of its own (or several): closed and
 * removed when the test finishes. Call it inside a test.
 */
export async function openTempApp(
  flags: string[] = [],
  env: NodeJS.ProcessEnv = {},
  options: TestAppOptions = {},
): Promise<TestApp & { database: TestDatabase }> {
  const { database, remove } = await makeTestDatabase();
  const app = await openTestApp(database.location, flags, env, options);
  onTestFinished(async () => {
    await app.close();
    await remove();
  });
  return { ...app, database };
}
