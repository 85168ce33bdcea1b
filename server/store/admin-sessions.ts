/** Queries about admin sessions: a logged-in admin browser's cookie token, stored only as its SHA-256, with its CSRF token. */
import { and, eq, gt, lte } from 'drizzle-orm';
import { first, type Executor } from './executor.ts';
import type { AdminRow } from './schema.ts';

export function adminSessionQueries(x: Executor) {
  const { adminSessions, admins } = x.tables;
  return {
    create(tokenHash: string, adminId: number, csrfToken: string, createdAt: string, expiresAt: string): Promise<void> {
      return x.write(async (db) => {
        await db.insert(adminSessions).values({ tokenHash, adminId, csrfToken, createdAt, expiresAt });
      });
    },
    /** The session's admin and CSRF token, if the session exists and has not expired at `now`. */
    async find(tokenHash: string, now: string): Promise<{ admin: AdminRow; csrfToken: string } | undefined> {
      return first(
        await x.read
          .select({ admin: admins, csrfToken: adminSessions.csrfToken })
          .from(adminSessions)
          .innerJoin(admins, eq(admins.id, adminSessions.adminId))
          .where(and(eq(adminSessions.tokenHash, tokenHash), gt(adminSessions.expiresAt, now))),
      );
    },
    delete(tokenHash: string): Promise<void> {
      return x.write(async (db) => {
        await db.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash));
      });
    },
    deleteExpired(now: string): Promise<void> {
      return x.write(async (db) => {
        await db.delete(adminSessions).where(lte(adminSessions.expiresAt, now));
      });
    },
  };
}
