/**
 * Per-account limit on new comments, beside the per-address one (http/address-rate-limit.ts): a
 * signed-in author who changes addresses is still counted by their account.
 */
import { MemoryStore } from 'hono-rate-limiter';
import { RiposteError } from '../http/errors.ts';

export type IdentityRateLimit = (identity: string) => void;

/** `perMinute` 0 turns the limit off. Throws 429 past the limit. */
export function identityRateLimit(perMinute: number): IdentityRateLimit {
  const counts = new MemoryStore();
  counts.init({ windowMs: 60_000 } as Parameters<MemoryStore['init']>[0]);
  return function checkIdentityRate(identity) {
    if (perMinute === 0) return;
    if (counts.increment(identity).totalHits > perMinute) {
      throw new RiposteError(429, 'rate_limited', 'Too many comments from you; wait a minute and try again.');
    }
  };
}
