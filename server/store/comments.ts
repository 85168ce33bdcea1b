/** Queries about comments. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import type { HeldReason } from '../../shared/moderation.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import { comments, threads, type CommentRow, type NewCommentRow, type ThreadRow } from './schema.ts';

export function commentQueries(db: Db) {
  return {
    get(id: number): CommentRow | undefined {
      return db.select().from(comments).where(eq(comments.id, id)).get();
    },
    /** Every comment of a thread, whatever its status, oldest first. */
    listForThread(threadId: number): CommentRow[] {
      return db.select().from(comments).where(eq(comments.threadId, threadId)).orderBy(asc(comments.createdAt), asc(comments.id)).all();
    },
    insert(row: NewCommentRow): CommentRow {
      return db.insert(comments).values(row).returning().get();
    },
    /** The comment with its thread (for the site, the page and the cache key), for edits and deletions. */
    getWithThread(id: number): { comment: CommentRow; thread: ThreadRow } | undefined {
      return db
        .select({ comment: comments, thread: threads })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(eq(comments.id, id))
        .get();
    },
    /** An edit by the author: new text, rendered again, and when it was edited. */
    updateBody(id: number, bodyMarkdown: string, bodyHtml: string, editedAt: string): CommentRow {
      return db.update(comments).set({ bodyMarkdown, bodyHtml, editedAt }).where(eq(comments.id, id)).returning().get()!;
    },
    /** Puts a comment (back) in the queue, with why. */
    hold(id: number, status: Extract<CommentStatus, 'pending' | 'spam'>, heldReasons: HeldReason[]): CommentRow {
      return db.update(comments).set({ status, heldReasons }).where(eq(comments.id, id)).returning().get()!;
    },
    setStatus(id: number, status: CommentStatus): void {
      db.update(comments).set({ status }).where(eq(comments.id, id)).run();
    },
    /** The comment if it belongs to the thread; used to check a reply's parent. */
    findInThread(threadId: number, id: number): CommentRow | undefined {
      return db
        .select()
        .from(comments)
        .where(and(eq(comments.id, id), eq(comments.threadId, threadId)))
        .get();
    },
  };
}
