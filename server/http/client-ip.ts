/** The sender's IP, for rate limits and "same sender" hashes; never stored raw. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import ipaddr from 'ipaddr.js';

export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    // The last entry is the one our own proxy added; anything left of it the client wrote itself.
    // Not an address (a proxy's "unknown", or a client reaching the port past the proxy): the
    // connection's own address counts instead, so made-up text never becomes a rate-limit key.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded && ipaddr.isValid(forwarded)) return forwarded;
  }
  // app.request() in tests has no socket behind it.
  if (!c.env || typeof c.env !== 'object' || !('incoming' in c.env)) return undefined;
  return getConnInfo(c).remote.address;
}

/**
 * Who a rate limit counts: an IPv4 address as it is, an IPv6 one by its /64 network, since
 * one home or server is given a whole /64 and may send from any address in it.
 */
export function senderKey(ip: string | undefined): string {
  if (ip === undefined || !ipaddr.isValid(ip)) return ip ?? 'unknown';
  const address = ipaddr.parse(ip);
  if (address instanceof ipaddr.IPv4) return address.toString();
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  return `${address.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}
