/** The admin view's comment lists: the queue, search, filters, newest first, each with its page, author and parent. */
import { and, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { CommentStatus } from '../../shared/wire.ts';
import { first, type Executor } from './executor.ts';
import type { CommentRow, ThreadRow } from './schema.ts';
import { alias } from './sql-words.ts';
import { userIdentity } from './users.ts';

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

export function adminCommentQueries(x: Executor) {
  const { comments, threads, users } = x.tables;
  const { contains } = x.dialect;
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
  /** Newest first, with each comment's page, the author's identity and the parent for context. */
  const list = async (filter: CommentFilter): Promise<{ rows: ModeratedRow[]; total: number }> => {
    const rows = await x.read
      .select({
        comment: comments,
        thread: threads,
        identity: userIdentity(users),
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
  };
  return {
    list,
    /** One comment as the admin view lists it, or undefined. */
    async get(id: number): Promise<ModeratedRow | undefined> {
      return first((await list({ ids: [id], offset: 0, limit: 1 })).rows);
    },
    async pendingCount(): Promise<number> {
      return first(await x.read.select({ n: count() }).from(comments).where(eq(comments.status, 'pending')))?.n ?? 0;
    },
  };
}
