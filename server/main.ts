/** Starts a comment server: open the store, migrate, serve, and shut down cleanly. */
import type { ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { DEFAULT_SITE } from '../shared/limits.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createLiveHub, type LiveHub } from './live/live-hub.ts';
import type { Mailer } from './mail/mailer.ts';
import { startOutbox } from './outbox/outbox-worker.ts';
import { startRetention } from './privacy/retention.ts';
import { projectPath } from './runtime/project-root.ts';
import { isBusy, openStore, type Store } from './store/index.ts';
import { ThreadCache } from './threads/thread-cache.ts';

/** How long requests in flight may take to finish once a shutdown starts. */
const SHUTDOWN_GRACE_MS = 10_000;

export const DEFAULT_WIDGET_DIR = projectPath('dist/widget');

/** Headers take a person's browser well under a second: a client trickling them is cut off (Node allows 60 s). */
const HEADERS_TIMEOUT_MS = 10_000;
/** How often Node looks for requests past their timeouts (it looks every 30 s by default, which would add up to 30 s to each). */
const TIMEOUT_CHECK_MS = 1_000;

/**
 * Node's own request timeouts, which answer 408 and close the connection: a client sending a
 * body a byte a second would otherwise hold a connection for Node's default 300 s.
 */
function timeouts({ requestTimeoutMs }: Config): ServerOptions {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs === 0 ? HEADERS_TIMEOUT_MS : Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs),
    connectionsCheckingInterval: TIMEOUT_CHECK_MS,
  };
}

export interface RunningServer {
  url: string;
  store: Store;
  /** Its live update streams (how many are open: `live.size`). */
  live: LiveHub;
  /** Stops taking connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** `onLockWait` is told when start-up waits for another process's write lock (a migration due during an import). */
export async function startServer(config: Config, widgetDir = DEFAULT_WIDGET_DIR, onLockWait?: () => void): Promise<RunningServer> {
  const store = await openStore(config.dbFile, {
    maxBytes: config.dbMaxBytes,
    onWait: onLockWait,
    poolSize: config.dbPool,
    checkpointInBackground: true,
  });
  const now = () => new Date();
  await store.sites.ensure(DEFAULT_SITE, 'Default site', now().toISOString());
  const hashKey = await store.settings.hashKey();
  // One pooled mailer for the process; nodemailer is loaded only where mail is on.
  const mailer: Mailer | null = config.mail ? (await import('./mail/mailer.ts')).createMailer(config.mail, { pool: 4 }) : null;
  const outbox = startOutbox({ store, config, hashKey, now, mailer, addressPolicy: {} });
  const threadCache = new ThreadCache(config.cacheBytes);
  const live = createLiveHub({ store, threadCache, hashKey, perAddress: config.liveStreams, inAll: config.liveStreamsTotal });
  const app = createApp({ store, config, threadCache, hashKey, widgetDir, now, outbox, live });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port, serverOptions: timeouts(config) }, () =>
      resolve(started),
    );
    started.once('error', (err) => {
      void outbox.stop().finally(() => {
        mailer?.close();
        store.close().then(() => reject(err), reject);
      });
    });
  });
  // Whatever a previous run left to send (a crash, a restart) goes out now.
  outbox.wake();
  const stopRetention = startRetention({ store, now });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  // Where the server is reached, for `riposte admin add` run from a shell without the server's settings.
  await store.settings.recordPublicUrl(config.publicUrlGiven ? config.publicUrl : url).catch((err: unknown) => {
    // An import holds the lock: readers come first; it is recorded at the next start.
    if (!isBusy(err)) throw err;
  });

  return {
    url,
    store,
    live,
    close: async () => {
      // Live update streams never end by themselves: end them first (the pages reconnect to another instance).
      await live.close();
      return new Promise<void>((resolve, reject) => {
        // A client trickling a request could hold the server open for minutes: cut it off.
        const deadline = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        server.close((err) => {
          clearTimeout(deadline);
          // Sends under way finish (or time out), what is left waits in the outbox for the next start;
          // a retention clean-up under way ends after its batch and gives its day back.
          void Promise.all([outbox.stop(), stopRetention()]).finally(() => {
            mailer?.close();
            store.close().then(() => (err ? reject(err) : resolve()), reject);
          });
        });
        // Keep-alive connections with no request in flight would hold close() open.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
    },
  };
}
