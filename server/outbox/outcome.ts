/**
 * How one attempt at a delivery ended, as every sender reports it, and what the worker does
 * with that: the retry policy (backoff with jitter, a ceiling on attempts per channel) and the
 * pause of a channel whose server is the trouble.
 */
import type { DeliveryChannel } from '../../shared/notifications.ts';
import type { AttemptResult } from '../store/outbox.ts';

export type Outcome =
  /** Accepted by the other side; `payload` replaces the stored one (a sign-in mail's code is not kept). */
  | { kind: 'sent'; response: string; payload?: Record<string, unknown> }
  /** No longer wanted (the comment was removed, the reader unsubscribed): not an error. */
  | { kind: 'cancelled'; reason: string }
  /** Refused for good: trying again would fail again. */
  | { kind: 'failed'; error: string; response?: string }
  /** Failed this time; may work later. */
  | { kind: 'retry'; error: string; response?: string }
  /** The channel's server is the trouble (login, TLS, no connection): the delivery waits, untried. */
  | { kind: 'paused'; error: string };

/** Attempts before a delivery counts as failed; with the backoff below, about a day for mail and webhooks. */
export const MAX_ATTEMPTS: Record<DeliveryChannel, number> = { mail: 10, webhook: 10, webmention: 6 };

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;

/** The wait after the `attempt`-th failed attempt: doubling from 30 s to at most 6 hours, give or take a fifth. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_RETRY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** How long a channel waits after its server failed `times` times in a row: 30 s doubling to 15 minutes. */
export function pauseMs(times: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, times - 1), 15 * 60_000);
}

/** What the outbox row becomes after the attempt (`attempts` is the count before it). */
export function attemptResult(
  outcome: Exclude<Outcome, { kind: 'paused' }>,
  channel: DeliveryChannel,
  attempts: number,
  now: Date,
): AttemptResult {
  switch (outcome.kind) {
    case 'sent':
      return { status: 'sent', response: outcome.response, ...(outcome.payload ? { payload: outcome.payload } : {}) };
    case 'cancelled':
      return { status: 'cancelled', error: outcome.reason };
    case 'failed':
      return { status: 'failed', error: outcome.error, response: outcome.response ?? null };
    case 'retry': {
      const made = attempts + 1;
      if (made >= MAX_ATTEMPTS[channel]) {
        return { status: 'failed', error: `${outcome.error} (gave up after ${made} attempts)`, response: outcome.response ?? null };
      }
      return {
        status: 'pending',
        error: outcome.error,
        response: outcome.response ?? null,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(made)).toISOString(),
      };
    }
  }
}
