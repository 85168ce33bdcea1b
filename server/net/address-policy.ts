/**
 * Which IP addresses Riposte may connect to when a stranger names the URL (a Webmention source,
 * a webhook): public unicast only. Loopback is allowed only when tests ask for it.
 */
import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /**
   * Tests only: allow loopback addresses (127.0.0.0/8, ::1), on any port (`true`) or only on
   * these ports. Nothing a server operator configures should set it.
   */
  allowLoopback?: boolean | readonly number[];
}

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  uniqueLocal: 'a private address',
  carrierGradeNat: 'a private address',
  linkLocal: 'a link-local address',
  deprecatedSiteLocal: 'a site-local address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

/** The IPv4 address an IPv6 address stands for (mapped, translated, NAT64), so its own range decides. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const [a, b, c, d, e, f, g, h] = address.parts as [number, number, number, number, number, number, number, number];
  const translated = range === 'ipv4Mapped' || range === 'rfc6145' || (range === 'rfc6052' && c === 0);
  // IPv4-compatible addresses (::a.b.c.d, deprecated) are read as IPv4 too, not as public IPv6.
  const compatible = [a, b, c, d, e, f].every((part) => part === 0) && range !== 'loopback' && range !== 'unspecified';
  return translated || compatible ? new ipaddr.IPv4([g >> 8, g & 0xff, h >> 8, h & 0xff]) : null;
}

/**
 * Null when Riposte may connect to `address` on `port`; otherwise what the address is, for a
 * message ("a private address"). Anything but public unicast is refused.
 */
export function addressRefusal(address: string, port: number, policy: AddressPolicy = {}): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.parse(address);
  const range = (parsed instanceof ipaddr.IPv6 ? (embeddedIpv4(parsed) ?? parsed) : parsed).range();
  if (range === 'unicast') return null;
  if (range === 'loopback') {
    const allowed = policy.allowLoopback;
    if (allowed === true || (typeof allowed === 'object' && allowed.includes(port))) return null;
  }
  return RANGE_WORDS[range] ?? 'a reserved address';
}
