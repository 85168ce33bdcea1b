/** Queries for moderation: the admin's comment lists, bulk status changes, bans, the audit log and the spam checks' look-ups. */
import { and, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AuditAction, BanKind } from '../../shared/moderation.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import { first, one, type Executor } from './executor.ts';
import { auditLog, bans, comments, sites, threads, users, type AuditRow, type BanRow, type CommentRow, type ThreadRow } from './schema.ts';
import { contains } from './sqlite-dialect.ts';

export interface CommentFilter {
  /** Only these comments (to read back what was just changed). */
  ids?: number[] | undefined;
  status?: CommentStatus | undefined;
  site?: string | undefined;
  /** Matched anywhere in the text, author name, email, and the page's key, address and title. */
  q?: string | undefined;
  offset: number;
  limit: number;
}

export interface ModeratedRow {
  comment: CommentRow;
  thread: ThreadRow;
  identity: string | null;
  parent: { id: number; authorName: string; bodyHtml: string } | null;
}

export function moderationQueries(x: Executor) {
  const parent = alias(comments, 'parent');
  const where = ({ ids, status, site, q }: CommentFilter) =>
    and(
      ids ? inArray(comments.id, ids) : undefined,
      status ? eq(comments.status, status) : undefined,
      site ? eq(threads.siteId, site) : undefined,
      q
        ? or(
            contains(comments.bodyMarkdown, q),
            contains(comments.authorName, q),
            contains(comments.authorEmail, q),
            contains(threads.pageKey, q),
            contains(threads.url, q),
            contains(threads.title, q),
          )
        : undefined,
    );
  return {
    /** Newest first, with each comment's page, the author's identity and the parent for context. */
    async list(filter: CommentFilter): Promise<{ rows: ModeratedRow[]; total: number }> {
      const rows = await x.read
        .select({
          comment: comments,
          thread: threads,
          identity: sql<string | null>`${users.provider} || ':' || ${users.subject}`,
          parentId: parent.id,
          parentName: parent.authorName,
          parentHtml: parent.bodyHtml,
        })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .leftJoin(users, eq(users.id, comments.userId))
        .leftJoin(parent, eq(parent.id, comments.parentId))
        .where(where(filter))
        .orderBy(desc(comments.createdAt), desc(comments.id))
        .limit(filter.limit)
        .offset(filter.offset);
      const total =
        first(await x.read.select({ n: count() }).from(comments).innerJoin(threads, eq(threads.id, comments.threadId)).where(where(filter)))
          ?.n ?? 0;
      return {
        rows: rows.map(({ comment, thread, identity, parentId, parentName, parentHtml }) => ({
          comment,
          thread,
          identity,
          parent: parentId === null ? null : { id: parentId, authorName: parentName ?? '', bodyHtml: parentHtml ?? '' },
        })),
        total,
      };
    },
    async pendingCount(): Promise<number> {
      return first(await x.read.select({ n: count() }).from(comments).where(eq(comments.status, 'pending')))?.n ?? 0;
    },
    /** Sets the status of every listed comment; returns the ids that exist. */
    async setStatus(ids: number[], status: CommentStatus): Promise<number[]> {
      if (ids.length === 0) return [];
      const changed = await x.write((db) =>
        db.update(comments).set({ status }).where(inArray(comments.id, ids)).returning({ id: comments.id }),
      );
      return changed.map((r) => r.id);
    },
    /** An edit by an admin: new text, rendered again. */
    async updateBody(id: number, bodyMarkdown: string, bodyHtml: string, editedAt: string): Promise<CommentRow | undefined> {
      return first(
        await x.write((db) => db.update(comments).set({ bodyMarkdown, bodyHtml, editedAt }).where(eq(comments.id, id)).returning()),
      );
    },
    setOrigins(siteId: string, origins: string[]): Promise<void> {
      return x.write(async (db) => {
        await db.update(sites).set({ origins }).where(eq(sites.id, siteId));
      });
    },
    async setThreadLocked(threadId: number, locked: boolean): Promise<ThreadRow | undefined> {
      return first(await x.write((db) => db.update(threads).set({ locked }).where(eq(threads.id, threadId)).returning()));
    },
    async getThread(threadId: number): Promise<ThreadRow | undefined> {
      return first(await x.read.select().from(threads).where(eq(threads.id, threadId)));
    },

    bans: {
      list(): Promise<BanRow[]> {
        return x.read.select().from(bans).orderBy(desc(bans.createdAt), desc(bans.id));
      },
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
      async match(marks: { email: string | null; identity: string | null; ipHash: string | null }): Promise<BanRow | undefined> {
        const conditions = [
          marks.email ? and(eq(bans.kind, 'email'), eq(bans.value, marks.email.toLowerCase())) : undefined,
          marks.identity ? and(eq(bans.kind, 'identity'), eq(bans.value, marks.identity)) : undefined,
          marks.ipHash ? and(eq(bans.kind, 'ip'), eq(bans.value, marks.ipHash)) : undefined,
        ].filter((c) => c !== undefined);
        if (conditions.length === 0) return undefined;
        return first(
          await x.read
            .select()
            .from(bans)
            .where(or(...conditions))
            .limit(1),
        );
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
                    db.select({ id: users.id }).from(users).where(sql`${users.provider} || ':' || ${users.subject} = ${value}`),
                  );
          const hidden = await db
            .update(comments)
            .set({ status: 'spam' })
            .where(and(author, inArray(comments.status, ['approved', 'pending'])))
            .returning({ id: comments.id });
          return hidden.map((r) => r.id);
        });
      },
    },

    audit: {
      add(actor: string, action: AuditAction, commentId: number | null, detail: string | null, createdAt: string): Promise<void> {
        return x.write(async (db) => {
          await db.insert(auditLog).values({ actor, action, commentId, detail, createdAt });
        });
      },
      list(limit: number, offset: number): Promise<AuditRow[]> {
        return x.read.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset);
      },
    },

    /** Whether this author has an approved comment on the site already (for "first-time commenters only"). */
    async hasApproved(siteId: string, author: { userId: number | null; email: string | null }): Promise<boolean> {
      const who =
        author.userId !== null
          ? eq(comments.userId, author.userId)
          : author.email
            ? sql`lower(${comments.authorEmail}) = ${author.email.toLowerCase()}`
            : undefined;
      if (!who) return false;
      const found = await x.read
        .select({ id: comments.id })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(and(who, eq(threads.siteId, siteId), eq(comments.status, 'approved')))
        .limit(1);
      return found.length > 0;
    },
    /** Whether the same author (account, name, email or address) posted the same text on the page before (and it was not deleted). */
    async isDuplicate(
      siteId: string,
      pageKey: string,
      bodyMarkdown: string,
      author: { userId: number | null; name: string; email: string | null; ipHash: string | null },
    ): Promise<boolean> {
      const sameAuthor = or(
        author.userId !== null
          ? eq(comments.userId, author.userId)
          : sql`${comments.userId} is null and lower(${comments.authorName}) = ${author.name.toLowerCase()}`,
        author.email ? sql`lower(${comments.authorEmail}) = ${author.email.toLowerCase()}` : undefined,
        author.ipHash ? eq(comments.ipHash, author.ipHash) : undefined,
      );
      const found = await x.read
        .select({ id: comments.id })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(
          and(
            eq(threads.siteId, siteId),
            eq(threads.pageKey, pageKey),
            eq(comments.bodyMarkdown, bodyMarkdown),
            ne(comments.status, 'deleted'),
            sameAuthor,
          ),
        )
        .limit(1);
      return found.length > 0;
    },
  };
}
