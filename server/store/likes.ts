/** Queries about page likes ("N readers like this"). */
import { and, count, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { pageLikes } from './schema.ts';

export function likeQueries(db: Db) {
  return {
    count(threadId: number): number {
      return db.select({ n: count() }).from(pageLikes).where(eq(pageLikes.threadId, threadId)).get()?.n ?? 0;
    },
    has(threadId: number, likerHash: string): boolean {
      return !!db
        .select()
        .from(pageLikes)
        .where(and(eq(pageLikes.threadId, threadId), eq(pageLikes.likerHash, likerHash)))
        .get();
    },
    set(threadId: number, likerHash: string, liked: boolean): void {
      if (liked) db.insert(pageLikes).values({ threadId, likerHash }).onConflictDoNothing().run();
      else
        db.delete(pageLikes)
          .where(and(eq(pageLikes.threadId, threadId), eq(pageLikes.likerHash, likerHash)))
          .run();
    },
  };
}
