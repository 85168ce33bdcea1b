/** Queries about threads: one per page of a site. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { threads, type ThreadRow } from './schema.ts';

export function threadQueries(db: Db) {
  const byPageKey = db
    .select()
    .from(threads)
    .where(and(eq(threads.siteId, sql.placeholder('siteId')), eq(threads.pageKey, sql.placeholder('key'))))
    .prepare();
  const byExternalId = db
    .select()
    .from(threads)
    .where(and(eq(threads.siteId, sql.placeholder('siteId')), eq(threads.externalId, sql.placeholder('key'))))
    .prepare();
  const find = (siteId: string, pageKey: string): ThreadRow | undefined =>
    // An imported thread is keyed by its page's URL and also answers to its old id (a page-id).
    byPageKey.get({ siteId, key: pageKey }) ?? byExternalId.get({ siteId, key: pageKey });

  return {
    find,
    /**
     * Finds or creates a page's thread, filling in url and title the first time they are known;
     * later posters cannot change them.
     */
    upsert(siteId: string, pageKey: string, url?: string, title?: string): ThreadRow {
      const found = find(siteId, pageKey);
      if (found && found.pageKey !== pageKey) {
        // Reached through its external id: update that thread rather than make a second one.
        return db
          .update(threads)
          .set({ url: sql`coalesce(${threads.url}, ${url ?? null})`, title: sql`coalesce(${threads.title}, ${title ?? null})` })
          .where(eq(threads.id, found.id))
          .returning()
          .get();
      }
      return db
        .insert(threads)
        .values({ siteId, pageKey, url, title })
        .onConflictDoUpdate({
          target: [threads.siteId, threads.pageKey],
          set: {
            url: sql`coalesce(${threads.url}, excluded.url)`,
            title: sql`coalesce(${threads.title}, excluded.title)`,
          },
        })
        .returning()
        .get();
    },
  };
}
