/**
 * The live updates of one server process: the open event streams (readers' per thread, and
 * admins'), caps on how many one address and the whole process hold open, heartbeats, and the
 * fan-out of each signal (live-signal.ts) that any process on the database sent after a
 * commit. Streams close when the server shuts down.
 */
import type { LiveChange } from '../../shared/live.ts';
import { LIVE_EVENTS } from '../../shared/live.ts';
import { RiposteError } from '../http/errors.ts';
import { adminChange, type ChangeDeps, readerChange, signalTarget } from './live-change.ts';
import { type LiveSignal, parseSignal } from './live-signal.ts';

/** A comment line every this often keeps proxies and browsers from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
/** Events a slow client may have waiting before its stream is closed (it reconnects and catches up). */
const MAX_QUEUED = 64;

/** One open stream, as the hub writes to it. */
export interface LiveStream {
  /** Writes one event (or, with no event name, a comment line); resolves once written. */
  write(text: string): Promise<void>;
  /** Ends the stream (the server is shutting down, or the client falls too far behind). */
  end(): void;
}

export interface LiveHubOptions extends ChangeDeps {
  /** Streams one address may hold open at once; 0 turns live updates off. */
  perAddress: number;
  /** Streams the process holds open in all: what bounds their memory, whatever the number of addresses. */
  inAll: number;
}

/** One server-sent event in the wire format: `id` (a thread version) lets a client resume. */
export function sseEvent(event: string, data: unknown, id?: number): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n${id === undefined ? '' : `id: ${id}\n`}\n`;
}

const threadKey = (siteId: string, pageKey: string) => `${siteId}\n${pageKey}`;

export function createLiveHub(options: LiveHubOptions) {
  const { store, perAddress, inAll } = options;
  const byThread = new Map<string, Set<LiveStream>>();
  const admins = new Set<LiveStream>();
  const perSender = new Map<string, number>();
  let openInAll = 0;
  const queued = new Map<LiveStream, number>();
  let stopListening: Promise<() => void> | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  // Signals are handled one at a time, in the order they came, so events keep their order.
  let handling: Promise<void> = Promise.resolve();
  let closed = false;

  const send = (stream: LiveStream, text: string) => {
    const waiting = queued.get(stream) ?? 0;
    if (waiting >= MAX_QUEUED) return stream.end();
    queued.set(stream, waiting + 1);
    stream.write(text).then(
      () => queued.set(stream, (queued.get(stream) ?? 1) - 1),
      // The client went away: its stream ends, and event-stream.ts forgets it.
      () => stream.end(),
    );
  };

  const all = () => [...admins, ...[...byThread.values()].flatMap((set) => [...set])];

  const handle = async (signal: LiveSignal) => {
    if (byThread.size === 0 && admins.size === 0) return;
    const target = await signalTarget(options, signal);
    if (!target) return;
    const { thread, comment } = target;
    if (comment && admins.size) for (const stream of admins) send(stream, sseEvent('comment', adminChange(thread, comment)));
    const readers = byThread.get(threadKey(thread.siteId, thread.pageKey));
    if (!readers?.size) return;
    const change: LiveChange = await readerChange(options, thread, comment);
    const text = sseEvent(LIVE_EVENTS.change, change, thread.version);
    for (const stream of readers) send(stream, text);
  };

  const listening = () => {
    stopListening ??= store.signals.listen({
      message(payload) {
        const signal = parseSignal(payload);
        if (!signal) return;
        handling = handling.then(() =>
          handle(signal).catch((err: unknown) => console.error('riposte: a live update could not be read:', err)),
        );
      },
      // Signals were lost (the database connection broke): every client reads its thread again.
      gap() {
        for (const stream of all()) send(stream, sseEvent(LIVE_EVENTS.refetch, {}));
      },
    });
    // Listening failed (the database is unreachable): the next stream tries again.
    stopListening.catch(() => {
      stopListening = undefined;
    });
    heartbeat ??= setInterval(() => {
      for (const stream of all()) send(stream, ': heartbeat\n\n');
    }, HEARTBEAT_MS);
    heartbeat.unref();
    return stopListening;
  };

  return {
    /**
     * Tells every server process, after the caller's transaction committed, that a comment or
     * a thread's likes changed. A failure is logged: the change is stored, and the open pages
     * see it when they next reconnect.
     */
    changed(signal: LiveSignal): void {
      store.signals.send(JSON.stringify(signal)).catch((err: unknown) => console.error('riposte: a live update was not sent:', err));
    },

    /**
     * Counts a new stream from `sender` against the caps, or refuses it (429 for the address,
     * 503 for the process); the returned function gives the place back. Call before answering,
     * so a refusal is a plain JSON error.
     */
    admit(sender: string): () => void {
      if (perAddress === 0) throw new RiposteError(404, 'not_found', 'Live updates are turned off on this server.');
      const open = perSender.get(sender) ?? 0;
      if (open >= perAddress) {
        throw new RiposteError(
          429,
          'rate_limited',
          `Your address already has ${open} live comment streams open, the most this server allows; close some pages or tabs and try again.`,
        );
      }
      if (openInAll >= inAll) {
        throw new RiposteError(
          503,
          'busy',
          'This server has as many live comment streams open as it allows; the comments still load and post, without live updates for now.',
        );
      }
      perSender.set(sender, open + 1);
      openInAll++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        openInAll--;
        const left = (perSender.get(sender) ?? 1) - 1;
        if (left > 0) perSender.set(sender, left);
        else perSender.delete(sender);
      };
    },

    /** Starts sending a thread's changes to `stream` (resolves once this process hears signals); the returned function stops. */
    async follow(siteId: string, pageKey: string, stream: LiveStream): Promise<() => void> {
      if (closed) stream.end();
      const key = threadKey(siteId, pageKey);
      const set = byThread.get(key) ?? new Set();
      byThread.set(key, set.add(stream));
      const stop = () => {
        set.delete(stream);
        queued.delete(stream);
        if (set.size === 0 && byThread.get(key) === set) byThread.delete(key);
      };
      await listening().catch((err: unknown) => {
        stop();
        throw err;
      });
      return stop;
    },

    /** Sends every comment change of every site to an admin's stream; the returned function stops. */
    async followAll(stream: LiveStream): Promise<() => void> {
      if (closed) stream.end();
      admins.add(stream);
      const stop = () => {
        admins.delete(stream);
        queued.delete(stream);
      };
      await listening().catch((err: unknown) => {
        stop();
        throw err;
      });
      return stop;
    },

    /** How many streams are open (for tests and benchmarks). */
    get size(): number {
      return all().length;
    },

    /** Ends every stream and stops listening: the server is shutting down. */
    async close(): Promise<void> {
      closed = true;
      clearInterval(heartbeat);
      for (const stream of all()) stream.end();
      byThread.clear();
      admins.clear();
      const stop = stopListening;
      stopListening = undefined;
      if (stop) (await stop)();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
