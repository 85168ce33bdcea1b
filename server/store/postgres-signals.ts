/**
 * Signals on PostgreSQL (see signals.ts): `pg_notify` on a pooled connection after the sender's
 * transaction has committed, and one connection per process, outside the pool, that LISTENs.
 * When that connection breaks it connects again (1 s, 2 s, ... up to 30 s apart) and tells the
 * listeners that signals may have been lost meanwhile.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { MAX_SIGNAL_BYTES, type SignalListener, type Signals } from './signals.ts';

/** The one channel Riposte's processes talk on (per database: other databases never hear it). */
const CHANNEL = 'riposte_live';
const MAX_BACKOFF_MS = 30_000;

export function postgresSignals(url: string, pool: pg.Pool): Signals {
  const listeners = new Set<SignalListener>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: 'riposte-live' });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || message.payload === undefined) return;
      for (const listener of listeners) listener.message(message.payload);
    });
    // A broken connection: connect again in the background; the listeners look again once back.
    next.on('error', (err) => console.error('riposte: the live updates connection to PostgreSQL failed:', err.message));
    next.on('end', () => {
      if (client !== next || closed) return;
      client = undefined;
      connecting = reconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
  };

  const reconnect = async (): Promise<void> => {
    for (let wait = 1_000; !closed; wait = Math.min(wait * 2, MAX_BACKOFF_MS)) {
      await sleep(wait);
      try {
        await connect();
        for (const listener of listeners) listener.gap();
        return;
      } catch (err) {
        console.error(
          `riposte: live updates could not reconnect to PostgreSQL (${err instanceof Error ? err.message : String(err)}); trying again.`,
        );
      }
    }
  };

  return {
    async send(payload) {
      if (Buffer.byteLength(payload) > MAX_SIGNAL_BYTES) throw new Error(`A signal of ${Buffer.byteLength(payload)} bytes is too long.`);
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    },
    async listen(listener) {
      listeners.add(listener);
      connecting ??= connect().catch((err: unknown) => {
        connecting = undefined; // the next listener tries again
        throw err;
      });
      await connecting;
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      const open = client;
      client = undefined;
      await open?.end();
    },
  };
}
