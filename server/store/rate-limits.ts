/** Queries about rate limits' counts: a hit per request, in fixed windows, the same count whichever instance takes the request. */
import { eq, lte, sql } from 'drizzle-orm';
import { one, type Executor } from './executor.ts';
import { excluded } from './sql-words.ts';

export function rateLimitQueries(x: Executor) {
  const { rateLimits } = x.tables;
  return {
    /**
     * Counts a hit for `key` at `now`: one statement, so hits arriving together on several
     * instances are all counted (PostgreSQL makes them take turns on the row). A window that
     * has ended starts again at 1. Returns the hits in the window and when it ends.
     */
    hit(key: string, now: Date, windowMs: number): Promise<{ hits: number; resetsAt: string }> {
      const at = now.toISOString();
      const ended = sql`${rateLimits.resetsAt} <= ${at}`;
      return x.write(async (db) =>
        one(
          await db
            .insert(rateLimits)
            .values({ key, hits: 1, resetsAt: new Date(now.getTime() + windowMs).toISOString() })
            .onConflictDoUpdate({
              target: rateLimits.key,
              set: {
                hits: sql`case when ${ended} then 1 else ${rateLimits.hits} + 1 end`,
                resetsAt: sql`case when ${ended} then ${excluded(rateLimits.resetsAt)} else ${rateLimits.resetsAt} end`,
              },
            })
            .returning({ hits: rateLimits.hits, resetsAt: rateLimits.resetsAt }),
        ),
      );
    },
    /** Takes one hit back (a request the limit does not count after all, such as a successful login). */
    takeBack(key: string): Promise<void> {
      return x.write(async (db) => {
        await db
          .update(rateLimits)
          .set({ hits: sql`${rateLimits.hits} - 1` })
          .where(eq(rateLimits.key, key));
      });
    },
    clear(key: string): Promise<void> {
      return x.write(async (db) => {
        await db.delete(rateLimits).where(eq(rateLimits.key, key));
      });
    },
    /** Windows that ended before `now` count nothing any more: their rows go. */
    deleteEnded(now: Date): Promise<void> {
      return x.write(async (db) => {
        await db.delete(rateLimits).where(lte(rateLimits.resetsAt, now.toISOString()));
      });
    },
  };
}
