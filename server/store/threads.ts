/** Queries about threads: one per page of a site. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { threads, type ThreadRow } from './schema.ts';

export function threadQueries(db: Db) {
  return {
    find(siteId: string, pageKey: string): ThreadRow | undefined {
      return db.select().from(threads).where(and(eq(threads.siteId, siteId), eq(threads.pageKey, pageKey))).get();
    },
    /** Finds or creates a page's thread, filling in url and title the first time they are known. */
    upsert(siteId: string, pageKey: string, url?: string, title?: string): ThreadRow {
      return db
        .insert(threads)
        .values({ siteId, pageKey, url, title })
        .onConflictDoUpdate({
          target: [threads.siteId, threads.pageKey],
          set: {
            url: sql`coalesce(${threads.url}, excluded.url)`,
            title: sql`coalesce(excluded.title, ${threads.title})`,
          },
        })
        .returning()
        .get();
    },
  };
}
