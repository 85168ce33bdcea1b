/** Queries about comments. */
import { and, asc, eq } from 'drizzle-orm';
import type { HeldReason } from '../../shared/moderation.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import { first, one, type Executor } from './executor.ts';
import { comments, threads, type CommentRow, type NewCommentRow, type ThreadRow } from './schema.ts';

export function commentQueries(x: Executor) {
  return {
    async get(id: number): Promise<CommentRow | undefined> {
      return first(await x.read.select().from(comments).where(eq(comments.id, id)));
    },
    /** Every comment of a thread, whatever its status, oldest first. */
    listForThread(threadId: number): Promise<CommentRow[]> {
      return x.read.select().from(comments).where(eq(comments.threadId, threadId)).orderBy(asc(comments.createdAt), asc(comments.id));
    },
    insert(row: NewCommentRow & { createdAt: string }): Promise<CommentRow> {
      return x.write(async (db) => one(await db.insert(comments).values(row).returning()));
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
    /** An edit by the author: new text, rendered again, and when it was edited. */
    updateBody(id: number, bodyMarkdown: string, bodyHtml: string, editedAt: string): Promise<CommentRow> {
      return x.write(async (db) =>
        one(await db.update(comments).set({ bodyMarkdown, bodyHtml, editedAt }).where(eq(comments.id, id)).returning()),
      );
    },
    /** Puts a comment (back) in the queue, with why. */
    hold(id: number, status: Extract<CommentStatus, 'pending' | 'spam'>, heldReasons: HeldReason[]): Promise<CommentRow> {
      return x.write(async (db) => one(await db.update(comments).set({ status, heldReasons }).where(eq(comments.id, id)).returning()));
    },
    setStatus(id: number, status: CommentStatus): Promise<void> {
      return x.write(async (db) => {
        await db.update(comments).set({ status }).where(eq(comments.id, id));
      });
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
  };
}
