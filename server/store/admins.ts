/** Queries about admins: who may open /admin, by password or by provider identity. */
import { asc, eq } from 'drizzle-orm';
import { first, one, type Executor } from './executor.ts';
import type { AdminRow } from './schema.ts';

export function adminQueries(x: Executor) {
  const { adminSessions, admins } = x.tables;
  return {
    async findByEmail(email: string): Promise<AdminRow | undefined> {
      return first(await x.read.select().from(admins).where(eq(admins.email, email)));
    },
    list(): Promise<AdminRow[]> {
      return x.read.select().from(admins).orderBy(asc(admins.id));
    },
    /**
     * Adds the admin, or sets a new password (and name, if given) for one that exists. Insert
     * first, update if the email was taken: no read comes before the write, so two of these at
     * once (on two instances) cannot both insert.
     */
    upsert(email: string, name: string | null, passwordHash: string, at: string): Promise<{ admin: AdminRow; created: boolean }> {
      return x.write(async (db) => {
        const created = first(
          await db
            .insert(admins)
            .values({ email, name: name ?? email.split('@')[0]!, passwordHash, createdAt: at })
            .onConflictDoNothing({ target: admins.email })
            .returning(),
        );
        if (created) return { admin: created, created: true };
        const admin = one(
          await db
            .update(admins)
            .set(name === null ? { passwordHash } : { name, passwordHash })
            .where(eq(admins.email, email))
            .returning(),
        );
        // A new password ends every session opened with the old one.
        await db.delete(adminSessions).where(eq(adminSessions.adminId, admin.id));
        return { admin, created: false };
      });
    },
    /** Removes the admin and, with them, their sessions; false if there was none. */
    async remove(email: string): Promise<boolean> {
      const removed = await x.write((db) => db.delete(admins).where(eq(admins.email, email)).returning({ id: admins.id }));
      return removed.length > 0;
    },
    /** The admin row of a provider identity named in RIPOSTE_ADMINS, made at its first login; the name follows the profile. */
    forIdentity(identity: string, name: string, at: string): Promise<AdminRow> {
      return x.write(async (db) =>
        one(
          await db
            .insert(admins)
            .values({ email: identity, name, passwordHash: '', createdAt: at })
            .onConflictDoUpdate({ target: admins.email, set: { name } })
            .returning(),
        ),
      );
    },
  };
}
