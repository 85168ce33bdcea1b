/** The admin view's comment lists: the queue, search, filters (votes, pins), sorted, each with its page, author and parent. */
import { and, asc, count, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { AdminSort } from '../../shared/moderation.ts';
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
  /** Only comments whose score (upvotes minus downvotes) is at least this. */
  minScore?: number | undefined;
  /** Only pinned comments (true) or only others (false). */
  pinned?: boolean | undefined;
  /** Newest first unless said otherwise. */
  sort?: AdminSort | undefined;
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
  const score = sql`${comments.upvotes} - ${comments.downvotes}`;
  /** Each sort's ORDER BY; by score, pinned comments first, then the best scored, newest first among equals. */
  const ORDER_BY = {
    newest: [desc(comments.createdAt), desc(comments.id)],
    oldest: [asc(comments.createdAt), asc(comments.id)],
    score: [desc(comments.pinned), desc(score), desc(comments.createdAt), desc(comments.id)],
  } as const;
  const { contains } = x.dialect;
  const parent = alias(comments, 'parent');
  const where = ({ ids, status, site, q, minScore, pinned }: CommentFilter) =>
    and(
      ids ? inArray(comments.id, ids) : undefined,
      status ? eq(comments.status, status) : undefined,
      site ? eq(threads.siteId, site) : undefined,
      minScore === undefined ? undefined : gte(score, minScore),
      pinned === undefined ? undefined : eq(comments.pinned, pinned),
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
  /** In the filter's order, with each comment's page, the author's identity and the parent for context. */
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
      .orderBy(...ORDER_BY[filter.sort ?? 'newest'])
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
