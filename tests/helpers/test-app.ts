/** Builds the real app over a real SQLite file in a fresh temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { DEFAULT_WIDGET_DIR } from '../../server/main.ts';
import { openStore } from '../../server/store/index.ts';
import { ThreadCache } from '../../server/threads/thread-cache.ts';
import { DEFAULT_SITE } from '../../shared/limits.ts';

export const BLOG_ORIGIN = 'https://blog.example';

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'riposte-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** `env` holds settings that are environment variables only (sign-in providers, roles). */
export function testConfig(dbFile: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig(['--db', dbFile, '--rate-limit', '0', '--origins', BLOG_ORIGIN, ...flags], env).config;
}

/** Opens the store on `dbFile` (migrating it) and builds the app, as `riposte serve` does. */
export function openTestApp(dbFile: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const config = testConfig(dbFile, flags, env);
  const store = openStore(dbFile);
  store.sites.ensure(DEFAULT_SITE, 'Default site');
  const app = createApp({ store, config, threadCache: new ThreadCache(), hashKey: store.settings.hashKey(), widgetDir: DEFAULT_WIDGET_DIR });

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
  return { app, store, config, send, post, thread, close: () => store.close() };
}
