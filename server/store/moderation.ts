/** Queries for moderation: the admin's comment lists, bulk status changes, bans, the audit log and the spam checks' look-ups. */
import { and, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AuditAction, BanKind } from '../../shared/moderation.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import type { Db } from './database.ts';
import { auditLog, bans, comments, sites, threads, users, type AuditRow, type BanRow, type CommentRow, type ThreadRow } from './schema.ts';

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

/** `%q%` with LIKE's own wildcards escaped, so a search for "50%" means that. */
const contains = (column: SQLiteColumn, q: string): SQL =>
  sql`${column} like ${`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} escape '\\'`;

export function moderationQueries(db: Db) {
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
    list(filter: CommentFilter): { rows: ModeratedRow[]; total: number } {
      const rows = db
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
        .offset(filter.offset)
        .all();
      const total =
        db.select({ n: count() }).from(comments).innerJoin(threads, eq(threads.id, comments.threadId)).where(where(filter)).get()?.n ?? 0;
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
    pendingCount(): number {
      return db.select({ n: count() }).from(comments).where(eq(comments.status, 'pending')).get()?.n ?? 0;
    },
    /** Sets the status of every listed comment; returns the ids that exist. */
    setStatus(ids: number[], status: CommentStatus): number[] {
      if (ids.length === 0) return [];
      return db
        .update(comments)
        .set({ status })
        .where(inArray(comments.id, ids))
        .returning({ id: comments.id })
        .all()
        .map((r) => r.id);
    },
    /** An edit by an admin: new text, rendered again. */
    updateBody(id: number, bodyMarkdown: string, bodyHtml: string, editedAt: string): CommentRow | undefined {
      return db.update(comments).set({ bodyMarkdown, bodyHtml, editedAt }).where(eq(comments.id, id)).returning().get();
    },
    setOrigins(siteId: string, origins: string[]): void {
      db.update(sites).set({ origins }).where(eq(sites.id, siteId)).run();
    },
    setThreadLocked(threadId: number, locked: boolean): ThreadRow | undefined {
      return db.update(threads).set({ locked }).where(eq(threads.id, threadId)).returning().get();
    },
    getThread(threadId: number): ThreadRow | undefined {
      return db.select().from(threads).where(eq(threads.id, threadId)).get();
    },

    bans: {
      list(): BanRow[] {
        return db.select().from(bans).orderBy(desc(bans.createdAt), desc(bans.id)).all();
      },
      add(kind: BanKind, value: string, hidExisting: boolean, createdBy: string): BanRow {
        return db
          .insert(bans)
          .values({ kind, value, hidExisting, createdBy })
          .onConflictDoUpdate({ target: [bans.kind, bans.value], set: { hidExisting, createdBy } })
          .returning()
          .get();
      },
      remove(id: number): BanRow | undefined {
        return db.delete(bans).where(eq(bans.id, id)).returning().get();
      },
      /** The first ban matching any of the sender's marks. */
      match(marks: { email: string | null; identity: string | null; ipHash: string | null }): BanRow | undefined {
        const conditions = [
          marks.email ? and(eq(bans.kind, 'email'), eq(bans.value, marks.email.toLowerCase())) : undefined,
          marks.identity ? and(eq(bans.kind, 'identity'), eq(bans.value, marks.identity)) : undefined,
          marks.ipHash ? and(eq(bans.kind, 'ip'), eq(bans.value, marks.ipHash)) : undefined,
        ].filter((c) => c !== undefined);
        if (conditions.length === 0) return undefined;
        return db
          .select()
          .from(bans)
          .where(or(...conditions))
          .get();
      },
      /** Marks the banned author's visible and held comments as spam; returns their ids. */
      hideComments(kind: BanKind, value: string): number[] {
        const author =
          kind === 'email'
            ? sql`lower(${comments.authorEmail}) = ${value}`
            : kind === 'ip'
              ? eq(comments.ipHash, value)
              : inArray(
                  comments.userId,
                  db.select({ id: users.id }).from(users).where(sql`${users.provider} || ':' || ${users.subject} = ${value}`),
                );
        return db
          .update(comments)
          .set({ status: 'spam' })
          .where(and(author, inArray(comments.status, ['approved', 'pending'])))
          .returning({ id: comments.id })
          .all()
          .map((r) => r.id);
      },
    },

    audit: {
      add(actor: string, action: AuditAction, commentId: number | null, detail: string | null): void {
        db.insert(auditLog).values({ actor, action, commentId, detail }).run();
      },
      list(limit: number, offset: number): AuditRow[] {
        return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset).all();
      },
    },

    /** Whether this author has an approved comment on the site already (for "first-time commenters only"). */
    hasApproved(siteId: string, author: { userId: number | null; email: string | null }): boolean {
      const who =
        author.userId !== null
          ? eq(comments.userId, author.userId)
          : author.email
            ? sql`lower(${comments.authorEmail}) = ${author.email.toLowerCase()}`
            : undefined;
      if (!who) return false;
      return !!db
        .select({ id: comments.id })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(and(who, eq(threads.siteId, siteId), eq(comments.status, 'approved')))
        .limit(1)
        .get();
    },
    /** Whether the same author (account, name, email or address) posted the same text on the page before (and it was not deleted). */
    isDuplicate(
      siteId: string,
      pageKey: string,
      bodyMarkdown: string,
      author: { userId: number | null; name: string; email: string | null; ipHash: string | null },
    ): boolean {
      const sameAuthor = or(
        author.userId !== null
          ? eq(comments.userId, author.userId)
          : sql`${comments.userId} is null and lower(${comments.authorName}) = ${author.name.toLowerCase()}`,
        author.email ? sql`lower(${comments.authorEmail}) = ${author.email.toLowerCase()}` : undefined,
        author.ipHash ? eq(comments.ipHash, author.ipHash) : undefined,
      );
      return !!db
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
        .limit(1)
        .get();
    },
  };
}
