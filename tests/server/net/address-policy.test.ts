import { describe, expect, it } from 'vitest';
import { addressRefusal } from '../../../server/net/address-policy.ts';

describe('which addresses Riposte connects to for a stranger', () => {
  it('refuses loopback, private, link-local, unspecified, multicast and reserved addresses, in every IPv6 disguise', () => {
    const refused: [string, string][] = [
      ['127.0.0.1', 'a loopback address'],
      ['127.255.0.7', 'a loopback address'],
      ['::1', 'a loopback address'],
      ['10.0.0.1', 'a private address'],
      ['172.16.0.1', 'a private address'],
      ['172.31.255.254', 'a private address'],
      ['192.168.1.1', 'a private address'],
      ['100.64.0.1', 'a private address'],
      ['fc00::1', 'a private address'],
      ['fd12:3456::1', 'a private address'],
      ['169.254.169.254', 'a link-local address'],
      ['fe80::1', 'a link-local address'],
      ['0.0.0.0', 'an unspecified address'],
      ['::', 'an unspecified address'],
      ['224.0.0.1', 'a multicast address'],
      ['ff02::1', 'a multicast address'],
      ['255.255.255.255', 'a broadcast address'],
      ['240.0.0.1', 'a reserved address'],
      ['2001:db8::1', 'a reserved address'],
      // IPv4-mapped, -translated, -compatible and NAT64 forms of the same.
      ['::ffff:127.0.0.1', 'a loopback address'],
      ['::ffff:7f00:1', 'a loopback address'],
      ['::ffff:169.254.169.254', 'a link-local address'],
      ['::ffff:a00:1', 'a private address'],
      ['::ffff:0:a00:1', 'a private address'],
      ['::127.0.0.1', 'a loopback address'],
      ['64:ff9b::10.0.0.1', 'a private address'],
      ['64:ff9b::a9fe:a9fe', 'a link-local address'],
      ['64:ff9b:1::1', 'a reserved address'],
      ['not-an-address', 'not an IP address'],
    ];
    for (const [address, refusal] of refused) expect(addressRefusal(address, 80), address).toBe(refusal);
  });

  it('allows public unicast addresses, including a public IPv4 behind NAT64', () => {
    for (const address of ['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '64:ff9b::5db8:d70e', '::ffff:93.184.215.14']) {
      expect(addressRefusal(address, 443), address).toBeNull();
    }
  });

  it('allows loopback only when a test asks, on any port or only on the ports it names', () => {
    expect(addressRefusal('127.0.0.1', 8080, { allowLoopback: true })).toBeNull();
    expect(addressRefusal('::1', 8080, { allowLoopback: [8080] })).toBeNull();
    expect(addressRefusal('127.0.0.1', 8081, { allowLoopback: [8080] })).toBe('a loopback address');
    expect(addressRefusal('10.0.0.1', 8080, { allowLoopback: true })).toBe('a private address');
    expect(addressRefusal('0.0.0.0', 8080, { allowLoopback: true })).toBe('an unspecified address');
  });
});
