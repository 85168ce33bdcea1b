/** Queries about mentions: other pages that link to ours, received by Webmention, one per thread and source. */
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { MentionStatus } from '../../shared/notifications.ts';
import { first, type Executor } from './executor.ts';
import type { MentionRow, ThreadRow } from './schema.ts';

export type MentionFields = Omit<MentionRow, 'id' | 'threadId' | 'source' | 'status' | 'createdAt' | 'updatedAt'>;

export interface MentionFilter {
  status?: MentionStatus | undefined;
  offset: number;
  limit: number;
}

export function mentionQueries(x: Executor) {
  const { mentions, threads } = x.tables;
  // Read whenever a thread's answer is made: prepared once, not built per call.
  const approved = x.read
    .select()
    .from(mentions)
    .where(and(eq(mentions.threadId, sql.placeholder('threadId')), eq(mentions.status, 'approved')))
    .orderBy(mentions.createdAt, mentions.id)
    .prepare();
  return {
    async find(threadId: number, source: string): Promise<MentionRow | undefined> {
      return first(
        await x.read
          .select()
          .from(mentions)
          .where(and(eq(mentions.threadId, threadId), eq(mentions.source, source))),
      );
    },
    /** A new mention, or the source's earlier one of the thread brought up to date, with the status given. */
    async save(threadId: number, source: string, fields: MentionFields, status: MentionStatus, at: string): Promise<MentionRow> {
      const rows = await x.write((db) =>
        db
          .insert(mentions)
          .values({ ...fields, threadId, source, status, createdAt: at, updatedAt: at })
          .onConflictDoUpdate({ target: [mentions.threadId, mentions.source], set: { ...fields, status, updatedAt: at } })
          .returning(),
      );
      return rows[0]!;
    },
    /** Removes the source's mention of the thread (the source is gone or no longer links); true if there was one. */
    async remove(threadId: number, source: string): Promise<boolean> {
      const removed = await x.write((db) =>
        db
          .delete(mentions)
          .where(and(eq(mentions.threadId, threadId), eq(mentions.source, source)))
          .returning({ id: mentions.id }),
      );
      return removed.length > 0;
    },
    /** The approved mentions of a thread, oldest first, for its answer. */
    approvedForThread(threadId: number): Promise<MentionRow[]> {
      return approved.execute({ threadId });
    },
    /** Whether a page of `origin` (`https://host`) has a mention approved on the site already ("first-time" moderation). */
    async hasApprovedFrom(siteId: string, origin: string): Promise<boolean> {
      const prefix = `${origin}/`;
      const found = await x.read
        .select({ id: mentions.id })
        .from(mentions)
        .innerJoin(threads, eq(threads.id, mentions.threadId))
        .where(
          and(
            eq(threads.siteId, siteId),
            eq(mentions.status, 'approved'),
            sql`substr(${mentions.source}, 1, ${prefix.length}) = ${prefix}`,
          ),
        )
        .limit(1);
      return found.length > 0;
    },
    /** Newest first, each with its thread. */
    async list(filter: MentionFilter): Promise<{ rows: { mention: MentionRow; thread: ThreadRow }[]; total: number }> {
      const where = filter.status ? eq(mentions.status, filter.status) : undefined;
      const rows = await x.read
        .select({ mention: mentions, thread: threads })
        .from(mentions)
        .innerJoin(threads, eq(threads.id, mentions.threadId))
        .where(where)
        .orderBy(desc(mentions.createdAt), desc(mentions.id))
        .limit(filter.limit)
        .offset(filter.offset);
      const total = first(await x.read.select({ n: count() }).from(mentions).where(where))?.n ?? 0;
      return { rows, total };
    },
    async pendingCount(): Promise<number> {
      return first(await x.read.select({ n: count() }).from(mentions).where(eq(mentions.status, 'pending')))?.n ?? 0;
    },
    /** Sets the status of every listed mention; returns the ids that exist. */
    async setStatus(ids: number[], status: MentionStatus): Promise<number[]> {
      if (ids.length === 0) return [];
      const changed = await x.write((db) =>
        db.update(mentions).set({ status }).where(inArray(mentions.id, ids)).returning({ id: mentions.id }),
      );
      return changed.map((r) => r.id);
    },
    /** Deletes the listed mentions (a source that sends again comes back as new); returns the ids that existed. */
    async delete(ids: number[]): Promise<number[]> {
      if (ids.length === 0) return [];
      const removed = await x.write((db) => db.delete(mentions).where(inArray(mentions.id, ids)).returning({ id: mentions.id }));
      return removed.map((r) => r.id);
    },
  };
}
