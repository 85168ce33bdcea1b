/**
 * Queries about the addresses Riposte mails: whether each is confirmed, bouncing or stopped for
 * a site, and the per-address limit on confirmation mails. Addresses are kept lower-cased.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { first, type Executor } from './executor.ts';
import type { MailAddressRow } from './schema.ts';

/** Whether an address may be mailed about a site, and if not, why. */
export interface AddressState {
  confirmed: boolean;
  bounced: boolean;
  stopped: boolean;
}

const DAY_MS = 86_400_000;

export function mailAddressQueries(x: Executor) {
  const { mailAddresses, mailStops, subscriptions, threads } = x.tables;
  const get = async (address: string): Promise<MailAddressRow | undefined> =>
    first(await x.read.select().from(mailAddresses).where(eq(mailAddresses.address, address.toLowerCase())));
  const ensure = (db: Db, address: string, at: string) => db.insert(mailAddresses).values({ address, createdAt: at }).onConflictDoNothing();

  return {
    get,
    /**
     * Whether the address's owner has shown it is theirs: a confirmation link, a sign-in by
     * mail, or a provider that vouches for it. (Hardening's "known commenter" asks this too.)
     */
    async isConfirmed(address: string): Promise<boolean> {
      return (await get(address))?.confirmedAt != null;
    },
    /** The addresses among these that are confirmed (lower-cased). */
    async confirmedAmong(addresses: string[]): Promise<Set<string>> {
      if (addresses.length === 0) return new Set();
      const rows = await x.read
        .select({ address: mailAddresses.address })
        .from(mailAddresses)
        .where(
          and(
            inArray(
              mailAddresses.address,
              addresses.map((a) => a.toLowerCase()),
            ),
            isNotNull(mailAddresses.confirmedAt),
          ),
        );
      return new Set(rows.map((r) => r.address));
    },
    async state(address: string, siteId: string): Promise<AddressState> {
      const row = await get(address);
      const stop = first(
        await x.read
          .select({ at: mailStops.createdAt })
          .from(mailStops)
          .where(and(eq(mailStops.address, address.toLowerCase()), eq(mailStops.siteId, siteId))),
      );
      return { confirmed: row?.confirmedAt != null, bounced: row?.bouncedAt != null, stopped: stop !== undefined };
    },
    /** Marks the address as its owner's (the first time counts); a bounce is forgotten: the owner just showed it works. */
    confirm(address: string, at: string): Promise<void> {
      const lower = address.toLowerCase();
      return x.write(async (db) => {
        await ensure(db, lower, at);
        await db
          .update(mailAddresses)
          .set({ confirmedAt: sql`coalesce(${mailAddresses.confirmedAt}, ${at})`, bouncedAt: null })
          .where(eq(mailAddresses.address, lower));
      });
    },
    /**
     * Counts a confirmation mail against the address's daily limit: true when it may be sent
     * (and is counted), false when `perDay` went out in the last 24 hours.
     */
    reserveConfirmation(address: string, now: Date, perDay: number): Promise<boolean> {
      const lower = address.toLowerCase();
      const at = now.toISOString();
      const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
      return x.write(async (db) => {
        await ensure(db, lower, at);
        const row = first(await db.select().from(mailAddresses).where(eq(mailAddresses.address, lower)))!;
        const fresh = row.confirmationsSince === null || row.confirmationsSince <= dayAgo;
        if (!fresh && row.confirmationsSent >= perDay) return false;
        await db
          .update(mailAddresses)
          .set(fresh ? { confirmationsSince: at, confirmationsSent: 1 } : { confirmationsSent: row.confirmationsSent + 1 })
          .where(eq(mailAddresses.address, lower));
        return true;
      });
    },
    /** A server refused a mail to the address for good: nothing more goes to it until an admin retries. */
    markBounced(address: string, at: string): Promise<void> {
      const lower = address.toLowerCase();
      return x.write(async (db) => {
        await ensure(db, lower, at);
        await db.update(mailAddresses).set({ bouncedAt: at }).where(eq(mailAddresses.address, lower));
      });
    },
    clearBounce(address: string): Promise<void> {
      return x.write(async (db) => {
        await db.update(mailAddresses).set({ bouncedAt: null }).where(eq(mailAddresses.address, address.toLowerCase()));
      });
    },
    /** "No more mail from this site": ends the address's subscriptions there and keeps it from being mailed again. */
    stop(address: string, siteId: string, at: string): Promise<void> {
      const lower = address.toLowerCase();
      return x.write(async (db) => {
        await db.insert(mailStops).values({ address: lower, siteId, createdAt: at }).onConflictDoNothing();
        await db
          .delete(subscriptions)
          .where(
            and(
              eq(subscriptions.address, lower),
              inArray(subscriptions.threadId, db.select({ id: threads.id }).from(threads).where(eq(threads.siteId, siteId))),
            ),
          );
      });
    },
  };
}
