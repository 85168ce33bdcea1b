/** Queries about readers' subscriptions: who is mailed about replies to a comment or about a page's new comments. */
import { and, desc, eq, or } from 'drizzle-orm';
import type { SubscriptionKind } from '../../shared/notifications.ts';
import { first, type Executor } from './executor.ts';
import type { SubscriptionRow, ThreadRow } from './schema.ts';

export interface NewSubscription {
  threadId: number;
  kind: SubscriptionKind;
  /** The reader's own comment, for `replies`. */
  commentId: number | null;
  address: string;
  userId: number | null;
  createdAt: string;
}

/** Someone to tell of a new comment, and why. */
export interface Subscriber {
  address: string;
  kind: SubscriptionKind;
  userId: number | null;
}

export function subscriptionQueries(x: Executor) {
  const { subscriptions, threads } = x.tables;
  return {
    /** Adds the subscription; asking again for the same one changes nothing. */
    add(row: NewSubscription): Promise<void> {
      return x.write(async (db) => {
        await db
          .insert(subscriptions)
          .values({ ...row, address: row.address.toLowerCase() })
          .onConflictDoNothing();
      });
    },
    /** Everyone subscribed to replies to `parentId` or to every comment on the thread. */
    subscribersOf(threadId: number, parentId: number | null): Promise<Subscriber[]> {
      const replies = parentId === null ? undefined : and(eq(subscriptions.kind, 'replies'), eq(subscriptions.commentId, parentId));
      return x.read
        .select({ address: subscriptions.address, kind: subscriptions.kind, userId: subscriptions.userId })
        .from(subscriptions)
        .where(or(replies, and(eq(subscriptions.kind, 'thread'), eq(subscriptions.threadId, threadId))))
        .orderBy(subscriptions.id);
    },
    /** Whether the address still wants mail of this kind about the thread (checked again when the mail's turn comes). */
    async isSubscribed(address: string, threadId: number, kind: SubscriptionKind): Promise<boolean> {
      const found = await x.read
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(and(eq(subscriptions.address, address.toLowerCase()), eq(subscriptions.threadId, threadId), eq(subscriptions.kind, kind)))
        .limit(1);
      return found.length > 0;
    },
    /** A signed-in reader's subscriptions (those made while signed in, or with their confirmed address), newest first. */
    listFor(userId: number, address: string | null): Promise<{ subscription: SubscriptionRow; thread: ThreadRow }[]> {
      return x.read
        .select({ subscription: subscriptions, thread: threads })
        .from(subscriptions)
        .innerJoin(threads, eq(threads.id, subscriptions.threadId))
        .where(or(eq(subscriptions.userId, userId), address ? eq(subscriptions.address, address.toLowerCase()) : undefined))
        .orderBy(desc(subscriptions.id));
    },
    async get(id: number): Promise<SubscriptionRow | undefined> {
      return first(await x.read.select().from(subscriptions).where(eq(subscriptions.id, id)));
    },
    remove(id: number): Promise<void> {
      return x.write(async (db) => {
        await db.delete(subscriptions).where(eq(subscriptions.id, id));
      });
    },
    /** Unsubscribes the address from everything about the thread; returns how many subscriptions ended. */
    async removeForThread(address: string, threadId: number): Promise<number> {
      const removed = await x.write((db) =>
        db
          .delete(subscriptions)
          .where(and(eq(subscriptions.address, address.toLowerCase()), eq(subscriptions.threadId, threadId)))
          .returning({ id: subscriptions.id }),
      );
      return removed.length;
    },
  };
}
