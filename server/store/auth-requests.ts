/** Queries about sign-ins under way (OAuth state, PKCE verifier, nonce) and full-page one-time codes. */
import { eq, lte } from 'drizzle-orm';
import type { Db } from './database.ts';
import { authRequests, type AuthRequestRow } from './schema.ts';

export type NewAuthRequest = Omit<typeof authRequests.$inferInsert, 'codeHash' | 'userId'>;

export function authRequestQueries(db: Db) {
  return {
    insert(row: NewAuthRequest): void {
      db.insert(authRequests).values(row).run();
    },
    /** Removes and returns the unexpired request with this state: each state is good for one callback. */
    take(state: string, now: string): AuthRequestRow | undefined {
      const row = db.delete(authRequests).where(eq(authRequests.state, state)).returning().get();
      return row && row.expiresAt > now && row.codeHash === null ? row : undefined;
    },
    /** Full-page flow: puts the request back holding the one-time code's hash and who signed in. */
    keepForCode(row: AuthRequestRow, codeHash: string, userId: number, expiresAt: string): void {
      db.insert(authRequests)
        .values({ ...row, codeHash, userId, expiresAt })
        .run();
    },
    /** Removes and returns the unexpired request holding this code: each code is good once. */
    takeCode(codeHash: string, now: string): AuthRequestRow | undefined {
      const row = db.delete(authRequests).where(eq(authRequests.codeHash, codeHash)).returning().get();
      return row && row.expiresAt > now && row.userId !== null ? row : undefined;
    },
    /** Requests abandoned half-way (the reader closed the popup) go after their expiry. */
    deleteExpired(now: string): void {
      db.delete(authRequests).where(lte(authRequests.expiresAt, now)).run();
    },
  };
}
