/** Queries about bans: authors refused by email (lower-cased), signed-in identity or IP hash. */
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { BanKind } from '../../shared/moderation.ts';
import { first, one, preparedOn, type Executor } from './executor.ts';
import type { BanRow } from './schema.ts';
import { userIdentity } from './users.ts';

/** The marks a sender leaves, any of which a ban may match. */
export interface SenderMarks {
  email: string | null;
  identity: string | null;
  ipHash: string | null;
}

export function banQueries(x: Executor) {
  const { bans, comments, users } = x.tables;
  // Asked before every comment is stored. A mark the sender lacks is null, and "value = null" matches no ban.
  const matching = preparedOn((db) =>
    db
      .select()
      .from(bans)
      .where(
        or(
          and(eq(bans.kind, 'email'), eq(bans.value, sql.placeholder('email'))),
          and(eq(bans.kind, 'identity'), eq(bans.value, sql.placeholder('identity'))),
          and(eq(bans.kind, 'ip'), eq(bans.value, sql.placeholder('ip'))),
        ),
      )
      .limit(1)
      .prepare(),
  );
  return {
    list(): Promise<BanRow[]> {
      return x.read.select().from(bans).orderBy(desc(bans.createdAt), desc(bans.id));
    },
    /** Bans the author (again, with new details, if banned already). */
    add(kind: BanKind, value: string, hidExisting: boolean, createdBy: string, createdAt: string): Promise<BanRow> {
      return x.write(async (db) =>
        one(
          await db
            .insert(bans)
            .values({ kind, value, hidExisting, createdBy, createdAt })
            .onConflictDoUpdate({ target: [bans.kind, bans.value], set: { hidExisting, createdBy } })
            .returning(),
        ),
      );
    },
    async remove(id: number): Promise<BanRow | undefined> {
      return first(await x.write((db) => db.delete(bans).where(eq(bans.id, id)).returning()));
    },
    /** The first ban matching any of the sender's marks. */
    async match({ email, identity, ipHash }: SenderMarks): Promise<BanRow | undefined> {
      if (!email && !identity && !ipHash) return undefined;
      const marks = { email: email ? email.toLowerCase() : null, identity: identity || null, ip: ipHash || null };
      return first(await matching(x.read).execute(marks));
    },
    /** Marks the banned author's visible and held comments as spam; returns their ids. */
    hideComments(kind: BanKind, value: string): Promise<number[]> {
      return x.write(async (db) => {
        const author =
          kind === 'email'
            ? sql`lower(${comments.authorEmail}) = ${value}`
            : kind === 'ip'
              ? eq(comments.ipHash, value)
              : inArray(
                  comments.userId,
                  db
                    .select({ id: users.id })
                    .from(users)
                    .where(eq(userIdentity(users), value)),
                );
        const hidden = await db
          .update(comments)
          .set({ status: 'spam' })
          .where(and(author, inArray(comments.status, ['approved', 'pending'])))
          .returning({ id: comments.id });
        return hidden.map((r) => r.id);
      });
    },
  };
}
