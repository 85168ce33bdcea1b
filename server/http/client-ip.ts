/** The sender's IP, for rate limits and "same sender" hashes; never stored raw. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  // app.request() in tests has no socket behind it.
  if (!c.env || typeof c.env !== 'object' || !('incoming' in c.env)) return undefined;
  return getConnInfo(c).remote.address;
}
