/** Queries about people who signed in with a provider. */
import { and, eq, sql } from 'drizzle-orm';
import { first, one, type Executor, type Tables } from './executor.ts';
import type { UserRow } from './schema.ts';

export interface Profile {
  provider: string;
  subject: string;
  name: string;
  email: string | null;
  website: string | null;
}

/** A person's identity, `provider:subject`, as RIPOSTE_ADMINS, bans and the admin view name it (auth/identity.ts's identityOf, in SQL). */
export const userIdentity = (users: Tables['users']) => sql<string | null>`${users.provider} || ':' || ${users.subject}`;

export function userQueries(x: Executor) {
  const { users } = x.tables;
  return {
    async get(id: number): Promise<UserRow | undefined> {
      return first(await x.read.select().from(users).where(eq(users.id, id)));
    },
    async find(provider: string, subject: string): Promise<UserRow | undefined> {
      return first(
        await x.read
          .select()
          .from(users)
          .where(and(eq(users.provider, provider), eq(users.subject, subject))),
      );
    },
    /** Creates the person on first sign-in; later sign-ins (at `at`) refresh name, email and website from the profile. */
    upsert(profile: Profile, at: string): Promise<UserRow> {
      return x.write(async (db) =>
        one(
          await db
            .insert(users)
            .values({ ...profile, createdAt: at, signedInAt: at })
            .onConflictDoUpdate({
              target: [users.provider, users.subject],
              set: {
                name: profile.name,
                email: profile.email,
                website: profile.website,
                signedInAt: at,
              },
            })
            .returning(),
        ),
      );
    },
  };
}
