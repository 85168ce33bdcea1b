/** Builds the real app over a real SQLite file in a fresh temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { DEFAULT_WIDGET_DIR } from '../../server/main.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import type { AddressPolicy } from '../../server/net/address-policy.ts';
import { startOutbox } from '../../server/outbox/outbox-worker.ts';
import { openStore } from '../../server/store/index.ts';
import { ThreadCache } from '../../server/threads/thread-cache.ts';
import { DEFAULT_SITE } from '../../shared/limits.ts';
import { afterEach, beforeEach, onTestFinished } from 'vitest';

export const BLOG_ORIGIN = 'https://blog.example';

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'riposte-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

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
 * Opens the store on `dbFile` (migrating it) and builds the app with its outbox worker (and a
 * mailer where `env` sets mail up), as `riposte serve` does.
 */
export async function openTestApp(dbFile: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}, options: TestAppOptions = {}) {
  const config = testConfig(dbFile, flags, env);
  const store = await openStore(dbFile);
  const clock = testClock();
  const { now } = clock;
  await store.sites.ensure(DEFAULT_SITE, 'Default site', now().toISOString());
  const hashKey = await store.settings.hashKey();
  const mailer = config.mail ? createMailer(config.mail, { pool: 2 }) : null;
  const outbox = startOutbox({ store, config, hashKey, now, mailer, addressPolicy: options.addressPolicy ?? {} });
  const app = createApp({ store, config, threadCache: new ThreadCache(), hashKey, widgetDir: DEFAULT_WIDGET_DIR, now, outbox });

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
    await outbox.stop();
    mailer?.close();
    store.close();
  };
  return { app, store, config, clock, now, send, post, thread, outbox, close };
}

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;

/**
 * A fresh app on a fresh database file for each test of the calling file (set up and torn
 * down by vitest hooks). The returned object always speaks to the current app; `reopen`
 * starts a new app on the same file, as a restart or other settings would. `setUp` runs on
 * each new app before the test (admin-session.ts's useAdminApp adds and logs in an admin).
 */
export function useTestApp(flags: string[] = [], env: NodeJS.ProcessEnv = {}, setUp?: (t: TestApp) => Promise<void>) {
  let dir: ReturnType<typeof tempDir>;
  let current: TestApp;
  beforeEach(async () => {
    dir = tempDir();
    current = await openTestApp(`${dir.path}/riposte.db`, flags, env);
    await setUp?.(current);
  });
  afterEach(async () => {
    await current.close();
    dir.remove();
  });
  return {
    get app() {
      return current.app;
    },
    get store() {
      return current.store;
    },
    get config() {
      return current.config;
    },
    get clock() {
      return current.clock;
    },
    get outbox() {
      return current.outbox;
    },
    now: () => current.now(),
    get dbFile() {
      return `${dir.path}/riposte.db`;
    },
    send: (...args: Parameters<TestApp['send']>) => current.send(...args),
    post: (...args: Parameters<TestApp['post']>) => current.post(...args),
    thread: (...args: Parameters<TestApp['thread']>) => current.thread(...args),
    async reopen(reopenFlags: string[] = flags): Promise<void> {
      await current.close();
      current = await openTestApp(`${dir.path}/riposte.db`, reopenFlags, env);
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
): Promise<TestApp & { dir: ReturnType<typeof tempDir> }> {
  const dir = tempDir();
  const app = await openTestApp(`${dir.path}/riposte.db`, flags, env, options);
  onTestFinished(async () => {
    await app.close();
    dir.remove();
  });
  return { ...app, dir };
}
