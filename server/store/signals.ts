/**
 * Signals: small text messages one server process sends after a commit and every process on
 * the same database hears (live updates use them). SQLite's are in process (one server per
 * file); PostgreSQL's travel through LISTEN/NOTIFY (postgres-signals.ts), so every instance hears.
 */

/** What a listener is told: a payload, or that payloads may have been lost (the connection broke). */
export interface SignalListener {
  message(payload: string): void;
  /** Signals sent meanwhile may be lost: whoever depends on them must look again. */
  gap(): void;
}

export interface Signals {
  /** Sends `payload` (at most 7,000 bytes: PostgreSQL's limit is 8,000) to every listener, this process's too. */
  send(payload: string): Promise<void>;
  /** Listens (resolves once listening) until the returned function is called. */
  listen(listener: SignalListener): Promise<() => void>;
  /** Stops listening for good (the store closes). */
  close(): Promise<void>;
}

/** Largest payload a signal carries: under PostgreSQL's 8,000 bytes, with room to spare. */
export const MAX_SIGNAL_BYTES = 7_000;

/** Signals within one process: SQLite serves one server process per file. */
export function inProcessSignals(): Signals {
  const listeners = new Set<SignalListener>();
  return {
    async send(payload) {
      // Delivered after the caller goes on, as a NOTIFY is: a listener never runs inside the sender's work.
      queueMicrotask(() => {
        for (const listener of listeners) listener.message(payload);
      });
    },
    async listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
