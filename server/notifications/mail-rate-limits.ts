/**
 * Per-sender limits on the mails a stranger can make the server send to an address that has
 * not asked for them: confirmations (a guest's "notify me") and sign-in mails. Counted where
 * the other rate limits are (http/rate-limit-counts.ts): in the database on PostgreSQL, so
 * several instances hold one limit together; in memory on SQLite (one process). The
 * per-address limits are kept with the address in the database (confirmations.ts, email-sign-in.ts).
 */
import { MemoryStore } from 'hono-rate-limiter';
import type { AppDeps } from '../http/app-env.ts';
import type { StoreTransaction } from '../store/index.ts';

/** Where a hit is counted: the store, or the transaction the mail is queued in (so the count holds no second connection). */
export type MailCounts = Pick<StoreTransaction['rateLimits'], 'hit'>;

export interface MailRateLimits {
  /** Counts a confirmation mail for the sender; false past the limit. */
  confirmation(counts: MailCounts, sender: string): Promise<boolean>;
  /** Counts a sign-in mail for the sender; false past the limit. */
  signIn(counts: MailCounts, sender: string): Promise<boolean>;
}

const HOUR_MS = 3_600_000;
/** Mails of each kind one sender may cause per hour. */
const PER_SENDER = 10;

function counter(deps: Pick<AppDeps, 'store' | 'now'>, name: string): (counts: MailCounts, sender: string) => Promise<boolean> {
  if (deps.store.dialect === 'postgres') {
    return async (counts, sender) => (await counts.hit(`${name}:${sender}`, deps.now(), HOUR_MS)).hits <= PER_SENDER;
  }
  const memory = new MemoryStore();
  memory.init({ windowMs: HOUR_MS } as Parameters<MemoryStore['init']>[0]);
  return async (_counts, sender) => (await memory.increment(sender)).totalHits <= PER_SENDER;
}

export function mailRateLimits(deps: Pick<AppDeps, 'store' | 'now'>): MailRateLimits {
  return { confirmation: counter(deps, 'mail-confirm'), signIn: counter(deps, 'mail-sign-in') };
}
