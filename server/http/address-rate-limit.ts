/** Limits how many requests one address may make per minute, answering 429 beyond. */
import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from './app-env.ts';
import { clientIp, senderKey } from './client-ip.ts';
import { RiposteError } from './errors.ts';
import type { CountStore } from './rate-limit-counts.ts';

export interface AddressRateLimit {
  /** 0 turns the limit off. */
  perMinute: number;
  trustProxy: boolean;
  /** Writes only (reads are cached and cheap), or every request (sign-ins store a row each). */
  counts: 'writes' | 'all';
  message: string;
  /** Where hits are counted (http/rate-limit-counts.ts). */
  store: CountStore<AppEnv>;
  /** Requests counted by a limit of their own instead (votes, previews). */
  skip?: (path: string) => boolean;
}

export function addressRateLimit({ perMinute, trustProxy, counts, message, store, skip }: AddressRateLimit): MiddlewareHandler<AppEnv> {
  const limiter = rateLimiter<AppEnv>({
    store,
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => senderKey(clientIp(c, trustProxy)),
    handler: () => {
      throw new RiposteError(429, 'rate_limited', message);
    },
  });
  return async function addressRateLimitHandler(c, next) {
    if (perMinute === 0 || c.req.method === 'OPTIONS') return next();
    if (counts === 'writes' && c.req.method === 'GET') return next();
    if (skip?.(c.req.path)) return next();
    return limiter(c, next);
  };
}
