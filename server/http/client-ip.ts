/** The sender's IP, for rate limits and "same sender" hashes; never stored raw. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    // The last entry is the one our own proxy added; anything left of it the client wrote itself.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  // app.request() in tests has no socket behind it.
  if (!c.env || typeof c.env !== 'object' || !('incoming' in c.env)) return undefined;
  return getConnInfo(c).remote.address;
}
