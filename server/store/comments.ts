/** Queries about comments: one, a thread's, writing and changing them, and what the spam checks ask of an author's earlier ones. */
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { HeldReason } from '../../shared/moderation.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import { first, one, preparedOn, type Executor } from './executor.ts';
import { MAX_IDS, preparedForIds } from './id-lists.ts';
import type { Db } from './database.ts';
import { bodyEnds } from './sql-words.ts';
import type { CommentRow, NewCommentRow, ThreadRow } from './schema.ts';

/** What ordering and counting a thread need of each comment: everything but its author and text. */
export type CommentOutline = Pick<CommentRow, 'id' | 'parentId' | 'status' | 'kind' | 'createdAt' | 'upvotes' | 'downvotes' | 'pinned'>;

/** Who wrote a comment, as the duplicate check compares authors. */
export interface AuthorMarks {
  userId: number | null;
  name: string;
  email: string | null;
  ipHash: string | null;
}

/**
 * What a new comment is stored with (a reader's post, the owner's reply): the columns it may
 * set; the others take their defaults (a comment, not pinned, no votes, never edited or imported).
 */
export type PostedCommentRow = Pick<NewCommentRow, 'threadId' | 'status' | 'authorName' | 'bodyMarkdown' | 'bodyHtml'> &
  Partial<
    Pick<
      NewCommentRow,
      'parentId' | 'heldReasons' | 'authorEmail' | 'authorWebsite' | 'authorBadge' | 'ipHash' | 'userId' | 'guestSecretHash'
    >
  > & { createdAt: string };

export function commentQueries(x: Executor) {
  const { comments, threads } = x.tables;
  const ph = sql.placeholder;
  /**
   * The insert of a new comment, prepared once. Held reasons are a JSON column, which would
   * store a null placeholder as the JSON text "null": a comment without any takes the column's
   * default instead, from a statement of its own.
   */
  const inserting = (held: boolean) =>
    preparedOn((db: Db) =>
      db
        .insert(comments)
        .values({
          threadId: ph('threadId'),
          parentId: ph('parentId'),
          status: ph('status'),
          ...(held ? { heldReasons: ph('heldReasons') } : {}),
          authorName: ph('authorName'),
          authorEmail: ph('authorEmail'),
          authorWebsite: ph('authorWebsite'),
          authorBadge: ph('authorBadge'),
          ipHash: ph('ipHash'),
          userId: ph('userId'),
          guestSecretHash: ph('guestSecretHash'),
          bodyMarkdown: ph('bodyMarkdown'),
          bodyHtml: ph('bodyHtml'),
          createdAt: ph('createdAt'),
        })
        .returning()
        .prepare(),
    );
  const insertHeld = inserting(true);
  const insertClear = inserting(false);
  /**
   * The duplicate check run for every new comment, prepared once for signed-in authors (same
   * account) and once for guests (same name). An email or address the author lacks is null,
   * and "= null" matches nothing. The text's ends pick the candidates from the index
   * comments_thread_body_ends, so the check reads a few rows whatever the thread's size.
   */
  const duplicates = (byAccount: boolean) =>
    preparedOn((db: Db) =>
      db
        .select({ id: comments.id })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(
          and(
            eq(threads.siteId, ph('siteId')),
            eq(threads.pageKey, ph('pageKey')),
            sql`${bodyEnds(comments.bodyMarkdown)} = ${bodyEnds(ph('bodyMarkdown'))}`,
            eq(comments.bodyMarkdown, ph('bodyMarkdown')),
            ne(comments.status, 'deleted'),
            or(
              byAccount
                ? eq(comments.userId, ph('userId'))
                : sql`${comments.userId} is null and lower(${comments.authorName}) = ${ph('name')}`,
              sql`lower(${comments.authorEmail}) = ${ph('email')}`,
              eq(comments.ipHash, ph('ipHash')),
            ),
          ),
        )
        .limit(1)
        .prepare(),
    );
  const duplicateOfAccount = duplicates(true);
  const duplicateOfGuest = duplicates(false);
  const outline = () => ({
    id: comments.id,
    parentId: comments.parentId,
    status: comments.status,
    kind: comments.kind,
    createdAt: comments.createdAt,
    upvotes: comments.upvotes,
    downvotes: comments.downvotes,
    pinned: comments.pinned,
  });
  // The reads of a thread's answer (its outlines, a page's comments, a cached thread's catch-up): prepared once, not built per call.
  const outlinesOfThread = x.read
    .select(outline())
    .from(comments)
    .where(eq(comments.threadId, ph('threadId')))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .prepare();
  const byIds = preparedForIds((ids) => x.read.select().from(comments).where(inArray(comments.id, ids)).prepare());
  const threadWithSome = preparedForIds((ids) =>
    x.read
      .select({ thread: threads, outline: outline() })
      .from(threads)
      .leftJoin(comments, and(eq(comments.threadId, threads.id), inArray(comments.id, ids)))
      .where(eq(threads.id, ph('threadId')))
      .prepare(),
  );
  return {
    async get(id: number): Promise<CommentRow | undefined> {
      return first(await x.read.select().from(comments).where(eq(comments.id, id)));
    },
    /** Every comment of a thread, whatever its status, oldest first. */
    listForThread(threadId: number): Promise<CommentRow[]> {
      return x.read.select().from(comments).where(eq(comments.threadId, threadId)).orderBy(asc(comments.createdAt), asc(comments.id));
    },
    /** Every comment of a thread, whatever its status, oldest first, without author or text: cheap for 10,000. */
    listOutlines(threadId: number): Promise<CommentOutline[]> {
      return outlinesOfThread.execute({ threadId });
    },
    /**
     * The thread and the outlines of those of `ids` still in it, read by one statement (one
     * snapshot of both): what a cached thread needs to catch up with a few changes. Undefined
     * if the thread is gone.
     */
    async threadWithOutlines(
      threadId: number,
      ids: readonly number[],
    ): Promise<{ thread: ThreadRow; outlines: CommentOutline[] } | undefined> {
      // No comment has id 0: a thread that changed no comment is read alone.
      const { statement, params } = threadWithSome(ids.length ? ids : [0]);
      const rows = await statement.execute({ ...params, threadId });
      const thread = rows[0]?.thread;
      if (!thread) return undefined;
      return { thread, outlines: rows.flatMap((row) => (row.outline ? [row.outline] : [])) };
    },
    /** The comments with these ids, in no particular order; ids with no comment are left out. */
    async getMany(ids: readonly number[]): Promise<CommentRow[]> {
      const found: CommentRow[] = [];
      for (let i = 0; i < ids.length; i += MAX_IDS) {
        const { statement, params } = byIds(ids.slice(i, i + MAX_IDS));
        found.push(...(await statement.execute(params)));
      }
      return found;
    },
    /** Pins or unpins a comment; undefined if there is no such comment. */
    async setPinned(id: number, pinned: boolean): Promise<CommentRow | undefined> {
      return first(await x.write((db) => db.update(comments).set({ pinned }).where(eq(comments.id, id)).returning()));
    },
    /** The comment with its thread (for the site, the page and the cache key), for edits and deletions. */
    async getWithThread(id: number): Promise<{ comment: CommentRow; thread: ThreadRow } | undefined> {
      return first(
        await x.read
          .select({ comment: comments, thread: threads })
          .from(comments)
          .innerJoin(threads, eq(threads.id, comments.threadId))
          .where(eq(comments.id, id)),
      );
    },
    /** The comment if it belongs to the thread; used to check a reply's parent. */
    async findInThread(threadId: number, id: number): Promise<CommentRow | undefined> {
      return first(
        await x.read
          .select()
          .from(comments)
          .where(and(eq(comments.id, id), eq(comments.threadId, threadId))),
      );
    },
    insert(row: PostedCommentRow): Promise<CommentRow> {
      const values = {
        threadId: row.threadId,
        parentId: row.parentId ?? null,
        status: row.status,
        authorName: row.authorName,
        authorEmail: row.authorEmail ?? null,
        authorWebsite: row.authorWebsite ?? null,
        authorBadge: row.authorBadge ?? null,
        ipHash: row.ipHash ?? null,
        userId: row.userId ?? null,
        guestSecretHash: row.guestSecretHash ?? null,
        bodyMarkdown: row.bodyMarkdown,
        bodyHtml: row.bodyHtml,
        createdAt: row.createdAt,
      };
      return x.write(async (db) =>
        one(
          await (row.heldReasons ? insertHeld(db).execute({ ...values, heldReasons: row.heldReasons }) : insertClear(db).execute(values)),
        ),
      );
    },
    /** An edit: new text, rendered again, and when it was edited; undefined if there is no such comment. */
    async updateBody(id: number, bodyMarkdown: string, bodyHtml: string, editedAt: string): Promise<CommentRow | undefined> {
      return first(
        await x.write((db) => db.update(comments).set({ bodyMarkdown, bodyHtml, editedAt }).where(eq(comments.id, id)).returning()),
      );
    },
    /** Puts a comment (back) in the queue, with why. */
    hold(id: number, status: Extract<CommentStatus, 'pending' | 'spam'>, heldReasons: HeldReason[]): Promise<CommentRow> {
      return x.write(async (db) => one(await db.update(comments).set({ status, heldReasons }).where(eq(comments.id, id)).returning()));
    },
    /** Sets the status of every listed comment; returns the ids that exist. */
    async setStatus(ids: number[], status: CommentStatus): Promise<number[]> {
      if (ids.length === 0) return [];
      const changed = await x.write((db) =>
        db.update(comments).set({ status }).where(inArray(comments.id, ids)).returning({ id: comments.id }),
      );
      return changed.map((r) => r.id);
    },

    /** Whether the account has an approved comment on the site already (for "first-time commenters only"). */
    async hasApprovedByAccount(siteId: string, userId: number): Promise<boolean> {
      const found = await x.read
        .select({ id: comments.id })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(and(eq(comments.userId, userId), eq(threads.siteId, siteId), eq(comments.status, 'approved')))
        .limit(1);
      return found.length > 0;
    },
    /** Which of these comments are approved guest comments on the site, with the hash of each one's guest secret. */
    approvedGuestComments(siteId: string, ids: number[]): Promise<{ id: number; guestSecretHash: string | null }[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return x.read
        .select({ id: comments.id, guestSecretHash: comments.guestSecretHash })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(and(inArray(comments.id, ids), eq(threads.siteId, siteId), eq(comments.status, 'approved')));
    },
    /** Whether the same author (account, name, email or address) posted the same text on the page before (and it was not deleted). */
    async isDuplicate(siteId: string, pageKey: string, bodyMarkdown: string, author: AuthorMarks): Promise<boolean> {
      const marks = {
        siteId,
        pageKey,
        bodyMarkdown,
        email: author.email ? author.email.toLowerCase() : null,
        ipHash: author.ipHash || null,
      };
      const found = await (author.userId !== null
        ? duplicateOfAccount(x.read).execute({ ...marks, userId: author.userId })
        : duplicateOfGuest(x.read).execute({ ...marks, name: author.name.toLowerCase() }));
      return found.length > 0;
    },
  };
}
