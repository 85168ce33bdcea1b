/** Queries about sign-ins under way (OAuth state, PKCE verifier, nonce) and full-page one-time codes. */
import { eq, lte } from 'drizzle-orm';
import { first, type Executor } from './executor.ts';
import type { AuthRequestRow, authRequests } from './schema.ts';

export type NewAuthRequest = Omit<typeof authRequests.$inferInsert, 'codeHash' | 'userId'>;

export function authRequestQueries(x: Executor) {
  const { authRequests } = x.tables;
  return {
    insert(row: NewAuthRequest): Promise<void> {
      return x.write(async (db) => {
        await db.insert(authRequests).values(row);
      });
    },
    /** Removes and returns the unexpired request with this state: each state is good for one callback. */
    async take(state: string, now: string): Promise<AuthRequestRow | undefined> {
      const row = first(await x.write((db) => db.delete(authRequests).where(eq(authRequests.state, state)).returning()));
      return row && row.expiresAt > now && row.codeHash === null ? row : undefined;
    },
    /** Full-page flow: puts the request back holding the one-time code's hash and who signed in. */
    keepForCode(row: AuthRequestRow, codeHash: string, userId: number, expiresAt: string): Promise<void> {
      return x.write(async (db) => {
        await db.insert(authRequests).values({ ...row, codeHash, userId, expiresAt });
      });
    },
    /** Removes and returns the unexpired request holding this code: each code is good once. */
    async takeCode(codeHash: string, now: string): Promise<AuthRequestRow | undefined> {
      const row = first(await x.write((db) => db.delete(authRequests).where(eq(authRequests.codeHash, codeHash)).returning()));
      return row && row.expiresAt > now && row.userId !== null ? row : undefined;
    },
    /** Requests abandoned half-way (the reader closed the popup) go after their expiry. */
    deleteExpired(now: string): Promise<void> {
      return x.write(async (db) => {
        await db.delete(authRequests).where(lte(authRequests.expiresAt, now));
      });
    },
  };
}
