/** Starts a comment server: open the store, migrate, serve, and shut down cleanly. */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { DEFAULT_SITE } from '../shared/limits.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { openStore, type Store } from './store/index.ts';
import { ThreadCache } from './threads/thread-cache.ts';

/** How long requests in flight may take to finish once a shutdown starts. */
const SHUTDOWN_GRACE_MS = 10_000;

export const DEFAULT_WIDGET_DIR = fileURLToPath(new URL('../dist/widget', import.meta.url));

export interface RunningServer {
  url: string;
  store: Store;
  /** Stops taking connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** `onLockWait` is told when start-up waits for another process's write lock (a migration due during an import). */
export async function startServer(config: Config, widgetDir = DEFAULT_WIDGET_DIR, onLockWait?: () => void): Promise<RunningServer> {
  const store = await openStore(config.dbFile, { maxBytes: config.dbMaxBytes, onWait: onLockWait, poolSize: config.dbPool });
  const now = () => new Date();
  await store.sites.ensure(DEFAULT_SITE, 'Default site', now().toISOString());
  const app = createApp({ store, config, threadCache: new ThreadCache(), hashKey: await store.settings.hashKey(), widgetDir, now });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(started));
    started.once('error', (err) => {
      store.close().then(() => reject(err), reject);
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A client trickling a request could hold the server open for minutes: cut it off.
        const deadline = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        server.close((err) => {
          clearTimeout(deadline);
          store.close().then(() => (err ? reject(err) : resolve()), reject);
        });
        // Keep-alive connections with no request in flight would hold close() open.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
