/** Queries for what blogs list across pages: many threads' comment counts at once, a site's newest comments. */
import { and, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from './executor.ts';
import type { CommentRow, ThreadRow } from './schema.ts';

/** A thread as a listing needs it: which page keys reach it, and its version (what a cached count is good for). */
export type ListedThread = Pick<ThreadRow, 'id' | 'pageKey' | 'externalId' | 'version'>;

/** A comment with the page it is on. */
export interface RecentComment {
  comment: CommentRow;
  thread: Pick<ThreadRow, 'pageKey' | 'url' | 'title'>;
}

export function listingQueries(x: Executor) {
  const { comments, threads } = x.tables;
  /** The comments readers count: approved ones, pingbacks and trackbacks only where the site shows them. */
  const counted = (withPingbacks: boolean) =>
    withPingbacks ? eq(comments.status, 'approved') : and(eq(comments.status, 'approved'), eq(comments.kind, 'comment'));
  return {
    /** The site's threads reached by any of these page keys (or, for imported threads, their old ids). */
    threadsFor(siteId: string, keys: string[]): Promise<ListedThread[]> {
      return x.read
        .select({ id: threads.id, pageKey: threads.pageKey, externalId: threads.externalId, version: threads.version })
        .from(threads)
        .where(and(eq(threads.siteId, siteId), or(inArray(threads.pageKey, keys), inArray(threads.externalId, keys))));
    },
    /** Thread id -> number of comments readers see; threads with none are left out. */
    async countsFor(threadIds: number[], withPingbacks: boolean): Promise<Map<number, number>> {
      if (threadIds.length === 0) return new Map();
      const rows = await x.read
        .select({ threadId: comments.threadId, n: count() })
        .from(comments)
        .where(and(inArray(comments.threadId, threadIds), counted(withPingbacks)))
        .groupBy(comments.threadId);
      return new Map(rows.map((row) => [row.threadId, row.n]));
    },
    /** The site's newest comments that readers see, newest first. */
    recent(siteId: string, limit: number, withPingbacks: boolean): Promise<RecentComment[]> {
      return x.read
        .select({ comment: comments, thread: { pageKey: threads.pageKey, url: threads.url, title: threads.title } })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(and(eq(threads.siteId, siteId), counted(withPingbacks)))
        .orderBy(desc(comments.createdAt), desc(comments.id))
        .limit(limit);
    },
  };
}
