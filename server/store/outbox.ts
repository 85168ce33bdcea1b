/**
 * The outbox: comment events written with the change that caused them, the deliveries (mails,
 * webhook POSTs, Webmention verifications) the worker makes of them, claimed with a lease so a
 * crashed sender's rows come back, and the admin view's list of them.
 */
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { CommentEvent, DeliveryChannel, DeliveryStatus } from '../../shared/notifications.ts';
import type { CommentStatus } from '../../shared/wire.ts';
import { first, type Executor } from './executor.ts';
import type { NewOutboxRow, OutboxEventRow, OutboxRow } from './schema.ts';

export interface NewEvent {
  type: CommentEvent;
  commentId: number;
  siteId: string;
  status: CommentStatus;
  payload: unknown;
  occurredAt: string;
}

export type NewDelivery = Omit<NewOutboxRow, 'id' | 'status' | 'attempts' | 'lockedUntil' | 'lastError' | 'lastResponse' | 'doneAt'>;

/** How an attempt ended: done for good (sent, failed, cancelled), or to be tried again at `nextAttemptAt`. */
export type AttemptResult =
  | { status: Exclude<DeliveryStatus, 'pending'>; response?: string | null; error?: string | null; payload?: Record<string, unknown> }
  | { status: 'pending'; nextAttemptAt: string; response?: string | null; error?: string | null };

export interface DeliveryFilter {
  status?: DeliveryStatus | undefined;
  channel?: DeliveryChannel | undefined;
  offset: number;
  limit: number;
}

export function outboxQueries(x: Executor) {
  const { outbox, outboxEvents } = x.tables;
  return {
    addEvent(event: NewEvent): Promise<void> {
      return x.write(async (db) => {
        await db.insert(outboxEvents).values(event);
      });
    },
    /** Events not yet made into deliveries, oldest first. */
    unexpandedEvents(limit: number): Promise<OutboxEventRow[]> {
      return x.read.select().from(outboxEvents).where(isNull(outboxEvents.expandedAt)).orderBy(asc(outboxEvents.id)).limit(limit);
    },
    /** Marks the event done; false when another worker did it first. */
    async markExpanded(id: number, at: string): Promise<boolean> {
      const changed = await x.write((db) =>
        db
          .update(outboxEvents)
          .set({ expandedAt: at })
          .where(and(eq(outboxEvents.id, id), isNull(outboxEvents.expandedAt)))
          .returning({ id: outboxEvents.id }),
      );
      return changed.length > 0;
    },
    /** Adds a delivery unless one with its dedupe key exists; true when added. */
    async enqueue(delivery: NewDelivery): Promise<boolean> {
      const added = await x.write((db) => db.insert(outbox).values(delivery).onConflictDoNothing().returning({ id: outbox.id }));
      return added.length > 0;
    },
    /**
     * Takes up to `limit` deliveries that are due at `now` and not held by another worker,
     * holding them until `leaseUntil`. One statement, so two workers never take the same row:
     * on PostgreSQL the rows it picks are locked as picked and a worker passes over those
     * another is taking (`for update skip locked`), so two workers take different rows at once.
     */
    claim(now: string, leaseUntil: string, limit: number, channels: readonly DeliveryChannel[]): Promise<OutboxRow[]> {
      if (channels.length === 0 || limit <= 0) return Promise.resolve([]);
      const free = and(eq(outbox.status, 'pending'), or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, now)));
      return x.write((db) => {
        const dueWhere = and(free, lte(outbox.nextAttemptAt, now), inArray(outbox.channel, [...channels]));
        const due = sql`(select ${outbox.id} from ${outbox} where ${dueWhere} order by ${outbox.nextAttemptAt}, ${outbox.id} limit ${limit} ${x.dialect.skipLocked})`;
        // `free` again on the rows updated: where writers run side by side (PostgreSQL), one that
        // waited for another's claim checks the row anew and leaves it to the one that took it.
        return db
          .update(outbox)
          .set({ lockedUntil: leaseUntil })
          .where(and(sql`${outbox.id} in ${due}`, free))
          .returning();
      });
    },
    /**
     * Records an attempt: counts it, keeps what the other side said, and either ends the
     * delivery or puts it back for later. A Webmention's dedupe key is let go once it is done,
     * so the source can be sent again.
     */
    finishAttempt(row: Pick<OutboxRow, 'id' | 'kind'>, result: AttemptResult, at: string): Promise<void> {
      return x.write(async (db) => {
        const common = {
          attempts: sql`${outbox.attempts} + 1`,
          lockedUntil: null,
          lastResponse: result.response ?? null,
          lastError: result.error ?? null,
        };
        if (result.status === 'pending') {
          await db
            .update(outbox)
            .set({ ...common, nextAttemptAt: result.nextAttemptAt })
            .where(eq(outbox.id, row.id));
          return;
        }
        await db
          .update(outbox)
          .set({
            ...common,
            status: result.status,
            doneAt: at,
            ...(result.payload ? { payload: result.payload } : {}),
            ...(row.kind === 'webmention' ? { dedupeKey: null } : {}),
          })
          .where(eq(outbox.id, row.id));
      });
    },
    /** Gives a claimed delivery back untried (its channel is paused), with why, so it is taken again later. */
    release(id: number, error: string, nextAttemptAt: string): Promise<void> {
      return x.write(async (db) => {
        await db.update(outbox).set({ lockedUntil: null, lastError: error, nextAttemptAt }).where(eq(outbox.id, id));
      });
    },
    async get(id: number): Promise<OutboxRow | undefined> {
      return first(await x.read.select().from(outbox).where(eq(outbox.id, id)));
    },
    /** An admin's retry: a failed or cancelled delivery is due again at once, with its attempts counted from zero. */
    async retry(id: number, now: string): Promise<OutboxRow | undefined> {
      return first(
        await x.write((db) =>
          db
            .update(outbox)
            .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, doneAt: null })
            .where(and(eq(outbox.id, id), inArray(outbox.status, ['failed', 'cancelled'])))
            .returning(),
        ),
      );
    },
    /** Newest first. */
    async list(filter: DeliveryFilter): Promise<{ rows: OutboxRow[]; total: number }> {
      const where = and(
        filter.status ? eq(outbox.status, filter.status) : undefined,
        filter.channel ? eq(outbox.channel, filter.channel) : undefined,
      );
      const rows = await x.read
        .select()
        .from(outbox)
        .where(where)
        .orderBy(desc(outbox.createdAt), desc(outbox.id))
        .limit(filter.limit)
        .offset(filter.offset);
      const total = first(await x.read.select({ n: count() }).from(outbox).where(where))?.n ?? 0;
      return { rows, total };
    },
    async failedCount(): Promise<number> {
      return first(await x.read.select({ n: count() }).from(outbox).where(eq(outbox.status, 'failed')))?.n ?? 0;
    },
    /**
     * The earliest time a pending delivery of these channels may be taken, if any: when it is
     * due, or when the lease of the process that took it runs out (a crashed sender's rows).
     */
    async nextDue(channels: readonly DeliveryChannel[]): Promise<string | null> {
      if (channels.length === 0) return null;
      const takeable = sql`case when ${outbox.lockedUntil} > ${outbox.nextAttemptAt} then ${outbox.lockedUntil} else ${outbox.nextAttemptAt} end`;
      const row = first(
        await x.read
          .select({ at: sql<string | null>`min(${takeable})` })
          .from(outbox)
          .where(and(eq(outbox.status, 'pending'), inArray(outbox.channel, [...channels]))),
      );
      return row?.at ?? null;
    },
    /** Forgets deliveries done before `before` (sent, cancelled; failed ones stay for the admin) and events expanded before it. */
    prune(before: string): Promise<void> {
      return x.write(async (db) => {
        await db.delete(outbox).where(and(inArray(outbox.status, ['sent', 'cancelled']), lt(outbox.doneAt, before)));
        await db.delete(outboxEvents).where(lt(outboxEvents.expandedAt, before));
      });
    },
  };
}
