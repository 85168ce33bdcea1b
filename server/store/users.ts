/** Queries about people who signed in with a provider. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { users, type UserRow } from './schema.ts';

export interface Profile {
  provider: string;
  subject: string;
  name: string;
  email: string | null;
  website: string | null;
}

export function userQueries(db: Db) {
  return {
    get(id: number): UserRow | undefined {
      return db.select().from(users).where(eq(users.id, id)).get();
    },
    find(provider: string, subject: string): UserRow | undefined {
      return db
        .select()
        .from(users)
        .where(and(eq(users.provider, provider), eq(users.subject, subject)))
        .get();
    },
    /** Creates the person on first sign-in; later sign-ins refresh name, email and website from the profile. */
    upsert(profile: Profile): UserRow {
      return db
        .insert(users)
        .values(profile)
        .onConflictDoUpdate({
          target: [users.provider, users.subject],
          set: {
            name: profile.name,
            email: profile.email,
            website: profile.website,
            signedInAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
          },
        })
        .returning()
        .get();
    },
  };
}
