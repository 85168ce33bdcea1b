/**
 * Per-account limit on new comments, beside the per-address one (http/address-rate-limit.ts): a
 * signed-in author who changes addresses is still counted by their account.
 */
import { RiposteError } from '../http/errors.ts';
import type { CountStore } from '../http/rate-limit-counts.ts';

export type IdentityRateLimit = (identity: string) => Promise<void>;

/** `perMinute` 0 turns the limit off. Throws 429 past the limit. `counts` is where hits are counted (http/rate-limit-counts.ts). */
export function identityRateLimit(perMinute: number, counts: CountStore): IdentityRateLimit {
  // Only the window matters to a store outside a middleware (an in-memory one needs it told).
  counts.init?.({ windowMs: 60_000 } as Parameters<NonNullable<CountStore['init']>>[0]);
  return async function checkIdentityRate(identity) {
    if (perMinute === 0) return;
    if ((await counts.increment(identity)).totalHits > perMinute) {
      throw new RiposteError(429, 'rate_limited', 'Too many comments from you; wait a minute and try again.');
    }
  };
}
