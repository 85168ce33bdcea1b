/** Queries about threads: one per page of a site. */
import { and, eq, sql } from 'drizzle-orm';
import { first, one, type Executor } from './executor.ts';
import { threads, type ThreadRow } from './schema.ts';
import { excluded } from './sqlite-dialect.ts';

export function threadQueries(x: Executor) {
  // The thread lookup of every GET: prepared once, not built per call.
  const byPageKey = x.read
    .select()
    .from(threads)
    .where(and(eq(threads.siteId, sql.placeholder('siteId')), eq(threads.pageKey, sql.placeholder('key'))))
    .prepare();
  const byExternalId = x.read
    .select()
    .from(threads)
    .where(and(eq(threads.siteId, sql.placeholder('siteId')), eq(threads.externalId, sql.placeholder('key'))))
    .prepare();
  const find = async (siteId: string, pageKey: string): Promise<ThreadRow | undefined> =>
    // An imported thread is keyed by its page's URL and also answers to its old id (a page-id).
    first(await byPageKey.execute({ siteId, key: pageKey })) ?? first(await byExternalId.execute({ siteId, key: pageKey }));

  return {
    find,
    async get(id: number): Promise<ThreadRow | undefined> {
      return first(await x.read.select().from(threads).where(eq(threads.id, id)));
    },
    /** Locks or unlocks the thread (a locked one takes no new comments); undefined if there is no such thread. */
    async setLocked(id: number, locked: boolean): Promise<ThreadRow | undefined> {
      return first(await x.write((db) => db.update(threads).set({ locked }).where(eq(threads.id, id)).returning()));
    },
    /**
     * Finds or creates a page's thread (made at `createdAt`), filling in url and title the
     * first time they are known; later posters cannot change them.
     */
    upsert(siteId: string, pageKey: string, createdAt: string, url?: string, title?: string): Promise<ThreadRow> {
      return x.write(async (db) => {
        // Read on the reader: this write holds the lock, so what it sees is the latest.
        const found = await find(siteId, pageKey);
        if (found && found.pageKey !== pageKey) {
          // Reached through its external id: update that thread rather than make a second one.
          return one(
            await db
              .update(threads)
              .set({ url: sql`coalesce(${threads.url}, ${url ?? null})`, title: sql`coalesce(${threads.title}, ${title ?? null})` })
              .where(eq(threads.id, found.id))
              .returning(),
          );
        }
        return one(
          await db
            .insert(threads)
            .values({ siteId, pageKey, url, title, createdAt })
            .onConflictDoUpdate({
              target: [threads.siteId, threads.pageKey],
              set: {
                url: sql`coalesce(${threads.url}, ${excluded(threads.url)})`,
                title: sql`coalesce(${threads.title}, ${excluded(threads.title)})`,
              },
            })
            .returning(),
        );
      });
    },
  };
}
