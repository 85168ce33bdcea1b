/** Queries about admins and their sessions (cookie tokens stored only as SHA-256). */
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Db } from './database.ts';
import { adminSessions, admins, type AdminRow } from './schema.ts';

export function adminQueries(db: Db) {
  return {
    findByEmail(email: string): AdminRow | undefined {
      return db.select().from(admins).where(eq(admins.email, email)).get();
    },
    list(): AdminRow[] {
      return db.select().from(admins).orderBy(asc(admins.id)).all();
    },
    /** Adds the admin, or sets a new password (and name, if given) for one that exists. */
    upsert(email: string, name: string | null, passwordHash: string): { admin: AdminRow; created: boolean } {
      const existing = this.findByEmail(email);
      if (existing) {
        const admin = db
          .update(admins)
          .set({ name: name ?? existing.name, passwordHash })
          .where(eq(admins.id, existing.id))
          .returning()
          .get();
        // A new password ends every session opened with the old one.
        db.delete(adminSessions).where(eq(adminSessions.adminId, existing.id)).run();
        return { admin, created: false };
      }
      return {
        admin: db
          .insert(admins)
          .values({ email, name: name ?? email.split('@')[0]!, passwordHash })
          .returning()
          .get(),
        created: true,
      };
    },
    /** Removes the admin and, with them, their sessions; false if there was none. */
    remove(email: string): boolean {
      return db.delete(admins).where(eq(admins.email, email)).returning({ id: admins.id }).all().length > 0;
    },
    /** The admin row of a provider identity named in RIPOSTE_ADMINS, made at its first login; the name follows the profile. */
    forIdentity(identity: string, name: string): AdminRow {
      return db
        .insert(admins)
        .values({ email: identity, name, passwordHash: '' })
        .onConflictDoUpdate({ target: admins.email, set: { name } })
        .returning()
        .get();
    },
    createSession(tokenHash: string, adminId: number, csrfToken: string, expiresAt: string): void {
      db.insert(adminSessions).values({ tokenHash, adminId, csrfToken, expiresAt }).run();
    },
    /** The session's admin and CSRF token, if the session exists and has not expired at `now`. */
    findSession(tokenHash: string, now: string): { admin: AdminRow; csrfToken: string } | undefined {
      return db
        .select({ admin: admins, csrfToken: adminSessions.csrfToken })
        .from(adminSessions)
        .innerJoin(admins, eq(admins.id, adminSessions.adminId))
        .where(and(eq(adminSessions.tokenHash, tokenHash), gt(adminSessions.expiresAt, now)))
        .get();
    },
    deleteSession(tokenHash: string): void {
      db.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash)).run();
    },
    deleteExpiredSessions(now: string): void {
      db.delete(adminSessions).where(lte(adminSessions.expiresAt, now)).run();
    },
  };
}
