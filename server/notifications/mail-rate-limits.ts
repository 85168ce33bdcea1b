/**
 * Per-sender limits on the mails a stranger can make the server send to an address that has
 * not asked for them: confirmations (a guest's "notify me") and sign-in mails. The per-address
 * limits are kept with the address in the database (confirmations.ts, email-sign-in.ts).
 */
import { MemoryStore } from 'hono-rate-limiter';

export interface MailRateLimits {
  /** Counts a confirmation mail for the sender; false past the limit. */
  confirmation(sender: string): boolean;
  /** Counts a sign-in mail for the sender; false past the limit. */
  signIn(sender: string): boolean;
}

const HOUR_MS = 3_600_000;

function counter(windowMs: number, limit: number): (key: string) => boolean {
  const counts = new MemoryStore();
  counts.init({ windowMs } as Parameters<MemoryStore['init']>[0]);
  return (key) => counts.increment(key).totalHits <= limit;
}

export function mailRateLimits(): MailRateLimits {
  return { confirmation: counter(HOUR_MS, 10), signIn: counter(HOUR_MS, 10) };
}
