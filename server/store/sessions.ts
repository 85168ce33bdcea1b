/** Queries about sign-in sessions, found by the SHA-256 of their bearer token. */
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from './database.ts';
import { sessions, users, type UserRow } from './schema.ts';

export function sessionQueries(db: Db) {
  return {
    create(tokenHash: string, userId: number, expiresAt: string): void {
      db.insert(sessions).values({ tokenHash, userId, expiresAt }).run();
    },
    /** The session's person, if the session exists and has not expired at `now`. */
    findUser(tokenHash: string, now: string): UserRow | undefined {
      return db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
        .get()?.user;
    },
    /** Log out: the token stops working at once. */
    delete(tokenHash: string): void {
      db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    },
    deleteExpired(now: string): void {
      db.delete(sessions).where(lte(sessions.expiresAt, now)).run();
    },
  };
}
