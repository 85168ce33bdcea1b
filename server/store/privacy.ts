/**
 * Queries about one person's data, for privacy requests (server/privacy/): everything stored
 * about them, found by their accounts, addresses, guest secrets and browser ids; its erasure in
 * one transaction; and the retention clean-up that drops old comments' emails and IP hashes.
 * Thread versions and vote counts follow by the triggers, as for every other write.
 */
import { and, eq, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { ErasureSummary } from '../../shared/privacy.ts';
import { first, type Executor } from './executor.ts';
import type { CommentRow, SubscriptionRow, ThreadRow, UserRow } from './schema.ts';

/** Values asked for in one IN (...) at most (well under both databases' limits on parameters). */
const PER_QUERY = 500;

/** How a person is recognised: each list may be empty. Addresses lower-cased. */
export interface PersonKeys {
  userIds: number[];
  addresses: string[];
  /** SHA-256 of guest secrets (comments.guest_secret_hash). */
  secretHashes: string[];
  /** Keyed hashes of the browser's liker id (page likes; votes as `liker:HASH`). */
  likerHashes: string[];
}

/** The page a row belongs to. */
export type PageOf = Pick<ThreadRow, 'siteId' | 'pageKey' | 'url' | 'title'>;

/** What erasing does to comments: these stay as placeholders (others replied), these go. */
export interface ErasePlan {
  placeholders: number[];
  removed: number[];
}

/** The rows of `query(part)` for each slice of `values`, together (none asked: none). */
async function sliced<V, R>(values: readonly V[], query: (part: V[]) => Promise<R[]>): Promise<R[]> {
  const found: R[] = [];
  for (let i = 0; i < values.length; i += PER_QUERY) found.push(...(await query(values.slice(i, i + PER_QUERY))));
  return found;
}

/** `column IN values`, or nothing when there are none. */
const within = <T>(column: Parameters<typeof inArray>[0], values: readonly T[]): SQL | undefined =>
  values.length ? inArray(column, [...values]) : undefined;

export function privacyQueries(x: Executor) {
  const { comments, threads, users, sessions, commentVotes, pageLikes, subscriptions, mailAddresses, outbox, outboxEvents } = x.tables;
  const page = { siteId: threads.siteId, pageKey: threads.pageKey, url: threads.url, title: threads.title };
  const voters = (keys: PersonKeys) => [...keys.userIds.map((id) => `user:${id}`), ...keys.likerHashes.map((hash) => `liker:${hash}`)];

  return {
    /** Accounts whose profile gives this address, or that signed in by mail with it. */
    usersByAddress(address: string): Promise<UserRow[]> {
      const lower = address.toLowerCase();
      return x.read
        .select()
        .from(users)
        .where(or(sql`lower(${users.email}) = ${lower}`, and(eq(users.provider, 'email'), eq(users.subject, lower))));
    },
    usersByIds(ids: readonly number[]): Promise<UserRow[]> {
      return sliced(ids, (part) => x.read.select().from(users).where(inArray(users.id, part)));
    },
    /** The person's comments, any status, oldest first, each with its page. */
    async comments(keys: PersonKeys): Promise<{ comment: CommentRow; page: PageOf }[]> {
      const mine = or(
        within(comments.userId, keys.userIds),
        keys.addresses.length ? inArray(sql`lower(${comments.authorEmail})`, keys.addresses) : undefined,
        within(comments.guestSecretHash, keys.secretHashes),
      );
      if (!mine) return [];
      const rows = await x.read
        .select({ comment: comments, page })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(mine)
        .orderBy(comments.createdAt, comments.id);
      return rows;
    },
    /** Ids of replies to these comments, with their parent. */
    repliesTo(ids: readonly number[]): Promise<{ id: number; parentId: number | null }[]> {
      return sliced(ids, (part) =>
        x.read.select({ id: comments.id, parentId: comments.parentId }).from(comments).where(inArray(comments.parentId, part)),
      );
    },
    /** The person's votes on comments, with the comment's page. */
    votes(keys: PersonKeys): Promise<{ commentId: number; value: number; createdAt: string; page: PageOf }[]> {
      return sliced(voters(keys), (part) =>
        x.read
          .select({ commentId: commentVotes.commentId, value: commentVotes.value, createdAt: commentVotes.createdAt, page })
          .from(commentVotes)
          .innerJoin(comments, eq(comments.id, commentVotes.commentId))
          .innerJoin(threads, eq(threads.id, comments.threadId))
          .where(inArray(commentVotes.voter, part)),
      );
    },
    /** The pages this browser likes. */
    likes(keys: PersonKeys): Promise<{ createdAt: string; page: PageOf }[]> {
      return sliced(keys.likerHashes, (part) =>
        x.read
          .select({ createdAt: pageLikes.createdAt, page })
          .from(pageLikes)
          .innerJoin(threads, eq(threads.id, pageLikes.threadId))
          .where(inArray(pageLikes.likerHash, part)),
      );
    },
    /** Subscriptions made by the accounts, to the addresses, or on these comments. */
    async subscriptions(keys: PersonKeys, commentIds: readonly number[]): Promise<{ subscription: SubscriptionRow; page: PageOf }[]> {
      const found = new Map<number, { subscription: SubscriptionRow; page: PageOf }>();
      const pieces: [readonly (number | string)[], (part: (number | string)[]) => SQL][] = [
        [keys.userIds, (part) => inArray(subscriptions.userId, part.map(Number))],
        [keys.addresses, (part) => inArray(subscriptions.address, part.map(String))],
        [commentIds, (part) => inArray(subscriptions.commentId, part.map(Number))],
      ];
      for (const [values, where] of pieces) {
        const rows = await sliced(values, (part) =>
          x.read
            .select({ subscription: subscriptions, page })
            .from(subscriptions)
            .innerJoin(threads, eq(threads.id, subscriptions.threadId))
            .where(where(part)),
        );
        for (const row of rows) found.set(row.subscription.id, row);
      }
      return [...found.values()].sort((a, b) => a.subscription.id - b.subscription.id);
    },
    /** When each of the accounts' sign-ins started and ends (the tokens' hashes stay out). */
    sessions(userIds: readonly number[]): Promise<{ userId: number; createdAt: string; expiresAt: string }[]> {
      return sliced(userIds, (part) =>
        x.read
          .select({ userId: sessions.userId, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
          .from(sessions)
          .where(inArray(sessions.userId, part)),
      );
    },
    /** What the server knows about mailing these addresses: confirmed, bouncing. */
    mailAddresses(addresses: readonly string[]) {
      return sliced(addresses, (part) =>
        x.read
          .select({
            address: mailAddresses.address,
            confirmedAt: mailAddresses.confirmedAt,
            bouncedAt: mailAddresses.bouncedAt,
            createdAt: mailAddresses.createdAt,
          })
          .from(mailAddresses)
          .where(inArray(mailAddresses.address, part)),
      );
    },

    /**
     * Erases the person, all in one transaction: votes, likes, subscriptions, pending and past
     * deliveries about their comments or to their addresses, then the comments (emptied to a
     * placeholder, or removed), sessions, sign-ins under way and the accounts. The addresses'
     * "no more mail" requests stay (see README, Privacy).
     */
    erase(keys: PersonKeys, plan: ErasePlan): Promise<ErasureSummary> {
      const all = [...plan.placeholders, ...plan.removed];
      const { authRequests, emailSignIns } = x.tables;
      return x.write(async (db) => {
        const count = async (rows: Promise<unknown[]>) => (await rows).length;
        const each = async (values: readonly (number | string)[], run: (part: (number | string)[]) => Promise<number>) => {
          let n = 0;
          for (let i = 0; i < values.length; i += PER_QUERY) n += await run(values.slice(i, i + PER_QUERY));
          return n;
        };
        const ids = (part: (number | string)[]) => part.map(Number);
        const texts = (part: (number | string)[]) => part.map(String);
        // Their own votes (the triggers take them off the counts), and others' votes on comments that go.
        const votes = await each(voters(keys), (part) =>
          count(
            db
              .delete(commentVotes)
              .where(inArray(commentVotes.voter, texts(part)))
              .returning({ id: commentVotes.commentId }),
          ),
        );
        await each(plan.removed, (part) =>
          count(
            db
              .delete(commentVotes)
              .where(inArray(commentVotes.commentId, ids(part)))
              .returning(),
          ),
        );
        const likes = await each(keys.likerHashes, (part) =>
          count(
            db
              .delete(pageLikes)
              .where(inArray(pageLikes.likerHash, texts(part)))
              .returning({ id: pageLikes.threadId }),
          ),
        );
        let subs = 0;
        for (const [values, column] of [
          [keys.userIds, subscriptions.userId],
          [keys.addresses, subscriptions.address],
          [all, subscriptions.commentId],
        ] as const) {
          subs += await each(values, (part) =>
            count(db.delete(subscriptions).where(inArray(column, part)).returning({ id: subscriptions.id })),
          );
        }
        // Deliveries and events carry the comment's text (webhooks) or go to the person (mail).
        // Events first: on PostgreSQL, an outbox worker expanding one of them meanwhile holds its
        // row, so this waits for it to commit its deliveries, which the next statement then sees.
        await each(all, (part) =>
          count(
            db
              .delete(outboxEvents)
              .where(inArray(outboxEvents.commentId, ids(part)))
              .returning(),
          ),
        );
        let deliveries = await each(all, (part) =>
          count(
            db
              .delete(outbox)
              .where(inArray(outbox.commentId, ids(part)))
              .returning({ id: outbox.id }),
          ),
        );
        deliveries += await each(keys.addresses, (part) =>
          count(
            db
              .delete(outbox)
              .where(and(eq(outbox.channel, 'mail'), inArray(outbox.recipient, texts(part))))
              .returning({ id: outbox.id }),
          ),
        );
        await each(plan.placeholders, (part) =>
          count(
            db
              .update(comments)
              .set({
                status: 'deleted',
                authorName: '',
                authorEmail: null,
                authorWebsite: null,
                authorBadge: null,
                ipHash: null,
                bodyMarkdown: '',
                bodyHtml: '',
                editedAt: null,
                userId: null,
                guestSecretHash: null,
                heldReasons: null,
                pinned: false,
              })
              .where(inArray(comments.id, ids(part)))
              .returning({ id: comments.id }),
          ),
        );
        const removed = await each(plan.removed, (part) =>
          count(
            db
              .delete(comments)
              .where(inArray(comments.id, ids(part)))
              .returning({ id: comments.id }),
          ),
        );
        const sessionsEnded = await each(keys.userIds, (part) =>
          count(
            db
              .delete(sessions)
              .where(inArray(sessions.userId, ids(part)))
              .returning({ id: sessions.userId }),
          ),
        );
        await each(keys.userIds, (part) =>
          count(
            db
              .delete(authRequests)
              .where(inArray(authRequests.userId, ids(part)))
              .returning(),
          ),
        );
        await each(keys.addresses, (part) =>
          count(
            db
              .delete(emailSignIns)
              .where(inArray(emailSignIns.address, texts(part)))
              .returning(),
          ),
        );
        await each(keys.addresses, (part) =>
          count(
            db
              .delete(mailAddresses)
              .where(inArray(mailAddresses.address, texts(part)))
              .returning(),
          ),
        );
        const identities = await each(keys.userIds, (part) =>
          count(
            db
              .delete(users)
              .where(inArray(users.id, ids(part)))
              .returning({ id: users.id }),
          ),
        );
        return {
          commentsRemoved: removed,
          commentsEmptied: plan.placeholders.length,
          votes,
          likes,
          subscriptions: subs,
          sessions: sessionsEnded,
          identities,
          deliveries,
        };
      });
    },

    /**
     * Retention, one batch: up to `limit` of the site's comments posted before `before` lose
     * their IP hash. Returns how many did (fewer than `limit`: none is left), so a large first
     * run never holds the database's write lock for long.
     */
    dropOldIpHashes(siteId: string, before: string, limit: number): Promise<number> {
      return x.write(async (db) => {
        const due = db
          .select({ id: comments.id })
          .from(comments)
          .innerJoin(threads, eq(threads.id, comments.threadId))
          .where(and(eq(threads.siteId, siteId), isNotNull(comments.ipHash), lt(comments.createdAt, before)))
          .limit(limit);
        const done = await db.update(comments).set({ ipHash: null }).where(inArray(comments.id, due)).returning({ id: comments.id });
        return done.length;
      });
    },
    /**
     * Retention, one batch: as dropOldIpHashes, for emails no mail needs: a comment keeps its
     * email while its author is subscribed to replies to it, or to the page with that address;
     * the owner's replies from /admin keep theirs.
     */
    dropOldEmails(siteId: string, before: string, limit: number): Promise<number> {
      return x.write(async (db) => {
        const subscribed = sql`exists (select 1 from ${subscriptions} where ${subscriptions.commentId} = ${comments.id}
          or (${subscriptions.kind} = 'thread' and ${subscriptions.threadId} = ${comments.threadId} and ${subscriptions.address} = lower(${comments.authorEmail})))`;
        const ownerReply = and(isNotNull(comments.authorBadge), isNull(comments.userId));
        const due = db
          .select({ id: comments.id })
          .from(comments)
          .innerJoin(threads, eq(threads.id, comments.threadId))
          .where(
            and(
              eq(threads.siteId, siteId),
              isNotNull(comments.authorEmail),
              lt(comments.createdAt, before),
              sql`not ${subscribed}`,
              sql`not (${ownerReply})`,
            ),
          )
          .limit(limit);
        const done = await db.update(comments).set({ authorEmail: null }).where(inArray(comments.id, due)).returning({ id: comments.id });
        return done.length;
      });
    },

    /**
     * Claims the daily clean-up: true for the one caller (of any instance) whose claim moved
     * the next run from at or before `now` to `next`. One statement, re-checked on the row it
     * changes, as the outbox claims its deliveries.
     */
    async claimCleanup(now: string, next: string): Promise<boolean> {
      const { settings } = x.tables;
      return x.write(async (db) => {
        await db.insert(settings).values({ key: CLEANUP_KEY, value: now }).onConflictDoNothing();
        const claimed = await db
          .update(settings)
          .set({ value: next })
          .where(and(eq(settings.key, CLEANUP_KEY), lte(settings.value, now)))
          .returning({ key: settings.key });
        return claimed.length > 0;
      });
    },
    /** Gives back a claim that moved the next run to `claimed` (a clean-up cut short): due again at `now`. */
    async releaseCleanup(claimed: string, now: string): Promise<void> {
      const { settings } = x.tables;
      await x.write((db) =>
        db
          .update(settings)
          .set({ value: now })
          .where(and(eq(settings.key, CLEANUP_KEY), eq(settings.value, claimed))),
      );
    },
    /** When the next clean-up is due (null before the first). */
    async cleanupDue(): Promise<string | null> {
      const { settings } = x.tables;
      return first(await x.read.select().from(settings).where(eq(settings.key, CLEANUP_KEY)))?.value ?? null;
    },
  };
}

/** The settings row that holds when the next retention clean-up is due (never exported). */
const CLEANUP_KEY = 'retention_next_run';
