/** Queries about sign-ins by mail under way: each holds only hashes of its code and link token. */
import { and, count, eq, gt, lte, sql } from 'drizzle-orm';
import { first, type Executor } from './executor.ts';
import type { EmailSignInRow } from './schema.ts';

export function emailSignInQueries(x: Executor) {
  const { emailSignIns } = x.tables;
  return {
    insert(row: EmailSignInRow): Promise<void> {
      return x.write(async (db) => {
        await db.delete(emailSignIns).where(lte(emailSignIns.expiresAt, row.createdAt));
        await db.insert(emailSignIns).values(row);
      });
    },
    /** Sign-ins by mail asked for the address since `since` (for the per-address limit). */
    async countSince(address: string, since: string): Promise<number> {
      const found = first(
        await x.read
          .select({ n: count() })
          .from(emailSignIns)
          .where(and(eq(emailSignIns.address, address), gt(emailSignIns.createdAt, since))),
      );
      return found?.n ?? 0;
    },
    /** The sign-in if it has not expired at `now`. */
    async get(id: string, now: string): Promise<EmailSignInRow | undefined> {
      return first(
        await x.read
          .select()
          .from(emailSignIns)
          .where(and(eq(emailSignIns.id, id), gt(emailSignIns.expiresAt, now))),
      );
    },
    /** Counts a wrong code; returns the attempts made so far. */
    async addAttempt(id: string): Promise<number> {
      const row = first(
        await x.write((db) =>
          db
            .update(emailSignIns)
            .set({ attempts: sql`${emailSignIns.attempts} + 1` })
            .where(eq(emailSignIns.id, id))
            .returning({ attempts: emailSignIns.attempts }),
        ),
      );
      return row?.attempts ?? Number.POSITIVE_INFINITY;
    },
    /** Uses the sign-in up; true if it was still there (so only one request gets the session). */
    async take(id: string): Promise<boolean> {
      const removed = await x.write((db) => db.delete(emailSignIns).where(eq(emailSignIns.id, id)).returning({ id: emailSignIns.id }));
      return removed.length > 0;
    },
  };
}
