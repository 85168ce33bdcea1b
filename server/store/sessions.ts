/** Queries about sign-in sessions, found by the SHA-256 of their bearer token. */
import { and, eq, gt, lte } from 'drizzle-orm';
import { first, type Executor } from './executor.ts';
import type { UserRow } from './schema.ts';

export function sessionQueries(x: Executor) {
  const { sessions, users } = x.tables;
  return {
    create(tokenHash: string, userId: number, createdAt: string, expiresAt: string): Promise<void> {
      return x.write(async (db) => {
        await db.insert(sessions).values({ tokenHash, userId, createdAt, expiresAt });
      });
    },
    /** The session's person, if the session exists and has not expired at `now`. */
    async findUser(tokenHash: string, now: string): Promise<UserRow | undefined> {
      const found = await x.read
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return first(found)?.user;
    },
    /** Log out: the token stops working at once. */
    delete(tokenHash: string): Promise<void> {
      return x.write(async (db) => {
        await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      });
    },
    deleteExpired(now: string): Promise<void> {
      return x.write(async (db) => {
        await db.delete(sessions).where(lte(sessions.expiresAt, now));
      });
    },
  };
}
