/** Queries about page likes ("N readers like this"). */
import { and, count, eq, sql } from 'drizzle-orm';
import { first, type Executor } from './executor.ts';

export function likeQueries(x: Executor) {
  const { pageLikes } = x.tables;
  // Read whenever a thread's answer is made: prepared once, not built per call.
  const counting = x.read
    .select({ n: count() })
    .from(pageLikes)
    .where(eq(pageLikes.threadId, sql.placeholder('threadId')))
    .prepare();
  return {
    async count(threadId: number): Promise<number> {
      return first(await counting.execute({ threadId }))?.n ?? 0;
    },
    async has(threadId: number, likerHash: string): Promise<boolean> {
      const found = await x.read
        .select({ threadId: pageLikes.threadId })
        .from(pageLikes)
        .where(and(eq(pageLikes.threadId, threadId), eq(pageLikes.likerHash, likerHash)));
      return found.length > 0;
    },
    /** Likes (at `at`) or unlikes the page for this liker. */
    set(threadId: number, likerHash: string, liked: boolean, at: string): Promise<void> {
      return x.write(async (db) => {
        if (liked) await db.insert(pageLikes).values({ threadId, likerHash, createdAt: at }).onConflictDoNothing();
        else await db.delete(pageLikes).where(and(eq(pageLikes.threadId, threadId), eq(pageLikes.likerHash, likerHash)));
      });
    },
  };
}
