/** The admin view's comment lists: the queue, search, filters (votes, pins), sorted, each with its page, author and parent. */
import { and, asc, count, desc, eq, gte, inArray, or, type SQL, sql } from 'drizzle-orm';
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

/**
 * A list's total is counted up to this many matches past its page's start, not over the whole
 * table: counting a million comments took 0.2-1 s at every request. Past that, `totalExact`
 * is false and the admin view says "more than".
 */
export const COUNT_AHEAD = 10_000;

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
  const { contains, searchIndex } = x.dialect;
  const parent = alias(comments, 'parent');
  /** The comments of the threads `on` picks (a site, a search of pages): threads are few, so they are picked first. */
  const inThreads = (on: SQL | undefined) => inArray(comments.threadId, x.read.select({ id: threads.id }).from(threads).where(on));
  /**
   * Matches `q` in the comment's text, author name or email, or its page's key, address or
   * title. The dialect's search index (SQLite: FTS5 trigrams) picks the candidates; LIKE then
   * keeps exactly what it matched before the index (ASCII case only, wildcards literal).
   */
  const search = (q: string) =>
    or(
      and(
        searchIndex(comments.id, q),
        or(contains(comments.bodyMarkdown, q), contains(comments.authorName, q), contains(comments.authorEmail, q)),
      ),
      inThreads(or(contains(threads.pageKey, q), contains(threads.url, q), contains(threads.title, q))),
    );
  /** The filter over `comments` alone (no join), so the page and its count read one table's indexes. */
  const where = ({ ids, status, site, q, minScore, pinned }: CommentFilter) =>
    and(
      ids ? inArray(comments.id, ids) : undefined,
      status ? eq(comments.status, status) : undefined,
      site ? inThreads(eq(threads.siteId, site)) : undefined,
      minScore === undefined ? undefined : gte(score, minScore),
      pinned === undefined ? undefined : eq(comments.pinned, pinned),
      q ? search(q) : undefined,
    );
  /** In the filter's order, with each comment's page, the author's identity and the parent for context. */
  const list = async (
    filter: CommentFilter,
    countAhead = COUNT_AHEAD,
  ): Promise<{ rows: ModeratedRow[]; total: number; totalExact: boolean }> => {
    const order = ORDER_BY[filter.sort ?? 'newest'];
    // The page's ids first, from comments alone: a deep offset then steps over index entries,
    // not over joined rows.
    const page = x.read
      .select({ id: comments.id })
      .from(comments)
      .where(where(filter))
      .orderBy(...order)
      .limit(filter.limit)
      .offset(filter.offset);
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
      .where(inArray(comments.id, page))
      .orderBy(...order);
    const counting = filter.offset + countAhead + 1;
    const matches = x.read.select({ one: sql`1` }).from(comments).where(where(filter)).limit(counting).as('matches');
    const counted = first(await x.read.select({ n: count() }).from(matches))?.n ?? 0;
    return {
      rows: rows.map(({ comment, thread, identity, parentId, parentName, parentHtml }) => ({
        comment,
        thread,
        identity,
        parent: parentId === null ? null : { id: parentId, authorName: parentName ?? '', bodyHtml: parentHtml ?? '' },
      })),
      total: Math.min(counted, counting - 1),
      totalExact: counted < counting,
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
