/**
 * Where a rate limit counts hits (hono-rate-limiter's Store). With PostgreSQL, several server
 * instances share the database and take requests in turn, so the counts are kept there: an
 * address gets its limit in all, not once per instance. With SQLite (one process) they stay in
 * memory, which costs no write.
 */
import type { Env } from 'hono';
import { MemoryStore, type Store as CountStore } from 'hono-rate-limiter';
import type { Store } from '../store/index.ts';

export type { CountStore };

/** Hits counted in the database under `name:key`; windows that ended are swept, by each instance, at most once a window. */
function databaseCounts<E extends Env>(store: Store, now: () => Date, name: string, windowMs: number): CountStore<E> {
  let swept = 0;
  const keyed = (key: string) => `${name}:${key}`;
  return {
    async increment(key) {
      const at = now();
      if (at.getTime() - swept >= windowMs) {
        swept = at.getTime();
        await store.rateLimits.deleteEnded(at);
      }
      const { hits, resetsAt } = await store.rateLimits.hit(keyed(key), at, windowMs);
      return { totalHits: hits, resetTime: new Date(resetsAt) };
    },
    decrement: (key) => store.rateLimits.takeBack(keyed(key)),
    resetKey: (key) => store.rateLimits.clear(keyed(key)),
  };
}

/** The counts for one limit: in the database on PostgreSQL, in memory on SQLite (the middleware sets the window). */
export function rateLimitCounts<E extends Env>(deps: { store: Store; now: () => Date }, name: string, windowMs: number): CountStore<E> {
  return deps.store.dialect === 'postgres' ? databaseCounts<E>(deps.store, deps.now, name, windowMs) : new MemoryStore<E>();
}
