/** Queries about admins: who may open /admin, by password or by provider identity. */
import { asc, eq } from 'drizzle-orm';
import { first, one, type Executor } from './executor.ts';
import { adminSessions, admins, type AdminRow } from './schema.ts';
import { rowsAffected } from './sqlite-dialect.ts';

export function adminQueries(x: Executor) {
  return {
    async findByEmail(email: string): Promise<AdminRow | undefined> {
      return first(await x.read.select().from(admins).where(eq(admins.email, email)));
    },
    list(): Promise<AdminRow[]> {
      return x.read.select().from(admins).orderBy(asc(admins.id));
    },
    /** Adds the admin, or sets a new password (and name, if given) for one that exists. */
    upsert(email: string, name: string | null, passwordHash: string, at: string): Promise<{ admin: AdminRow; created: boolean }> {
      return x.write(async (db) => {
        const existing = first(await db.select().from(admins).where(eq(admins.email, email)));
        if (existing) {
          const admin = one(
            await db
              .update(admins)
              .set({ name: name ?? existing.name, passwordHash })
              .where(eq(admins.id, existing.id))
              .returning(),
          );
          // A new password ends every session opened with the old one.
          await db.delete(adminSessions).where(eq(adminSessions.adminId, existing.id));
          return { admin, created: false };
        }
        const admin = one(
          await db
            .insert(admins)
            .values({ email, name: name ?? email.split('@')[0]!, passwordHash, createdAt: at })
            .returning(),
        );
        return { admin, created: true };
      });
    },
    /** Removes the admin and, with them, their sessions; false if there was none. */
    async remove(email: string): Promise<boolean> {
      return rowsAffected(await x.write((db) => db.delete(admins).where(eq(admins.email, email)))) > 0;
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
