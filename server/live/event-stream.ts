/**
 * Answers a request with a Server-Sent Events stream the live hub writes to: the stream's
 * headers (no caching, no proxy buffering), its place under the per-address cap, and its end
 * when the client leaves or the server shuts down.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { clientIp, senderKey } from '../http/client-ip.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { LiveStream } from './live-hub.ts';

/** How long a browser waits before it reconnects a stream that broke (the widget keeps its own backoff too). */
const RETRY_MS = 3_000;

/**
 * `start` registers the stream with the hub and writes its first events; the stream stays open
 * until the client goes, or the hub ends it. The cap is checked before anything is sent.
 */
export function eventStream<E extends AppEnv>(c: Context<E>, start: (stream: LiveStream) => Promise<() => void>): Response {
  const live = c.var.live;
  const release = live.admit(senderKey(clientIp(c, c.var.config.trustProxy)));
  // nginx buffers answers by default, which would hold events back: this header turns it off for the stream.
  c.header('X-Accel-Buffering', 'no');
  const response = streamSSE(c, async (sse) => {
    let end = () => {};
    const ended = new Promise<void>((resolve) => {
      end = resolve;
      sse.onAbort(resolve);
    });
    try {
      if (sse.aborted) return;
      await sse.write(`retry: ${RETRY_MS}\n\n`);
      const stop = await start({ write: (text) => sse.write(text).then(() => undefined), end });
      await ended;
      stop();
    } finally {
      release();
    }
  });
  // The connection closes with the stream: a server shutting down ends the streams and need not
  // wait for their connections to idle out (a reconnect opens a new one anyway).
  response.headers.set('Connection', 'close');
  return response;
}
