/** Limits how many writes (comments, likes) one sender may make per minute, answering 429 beyond. */
import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from './app-env.ts';
import { clientIp } from './client-ip.ts';
import { RiposteError } from './errors.ts';

export function writeRateLimit(perMinute: number, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  const limiter = rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => clientIp(c, trustProxy) ?? 'unknown',
    handler: () => {
      throw new RiposteError(429, 'rate_limited', 'Too many posts from your address; wait a minute and try again.');
    },
  });
  return async function writeRateLimitHandler(c, next) {
    if (perMinute === 0 || c.req.method === 'GET' || c.req.method === 'OPTIONS') return next();
    return limiter(c, next);
  };
}
