// Which addresses the import may connect to: every entry of the IANA special-purpose registries
// (IPv4 and IPv6) is refused, in every spelling, and ordinary public addresses are allowed.
import { describe, expect, it } from 'vitest';
import { addressRange, isPublicAddress } from '../../../src/integrations/public-address.ts';

describe('addressRange', () => {
  it.each([
    // IPv4 special-purpose registry
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    // IPv6 special-purpose registry
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['100::1', 'discard'],
    ['2001:db8::1', 'reserved'],
    ['2001:2::1', 'benchmarking'],
    ['3fff::1', 'reserved'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['4000::1', 'outside-global-unicast'],
    // IPv6 forms that carry an IPv4 address
    ['::ffff:127.0.0.1', 'ipv4Mapped:loopback'],
    ['::ffff:7f00:1', 'ipv4Mapped:loopback'],
    ['::FFFF:7F00:0001', 'ipv4Mapped:loopback'],
    ['0:0:0:0:0:ffff:127.0.0.1', 'ipv4Mapped:loopback'],
    ['::ffff:10.0.0.1', 'ipv4Mapped:private'],
    ['::ffff:169.254.169.254', 'ipv4Mapped:linkLocal'],
    ['::ffff:0.0.0.0', 'ipv4Mapped:unspecified'],
    ['64:ff9b::7f00:1', 'rfc6052:loopback'],
    ['64:ff9b::10.0.0.1', 'rfc6052:private'],
    ['64:ff9b:1::a00:1', 'rfc6052'],
    ['::127.0.0.1', 'outside-global-unicast'], // IPv4-compatible, not mapped: ipaddr.js alone reads it as mapped
    ['::8.8.8.8', 'outside-global-unicast'],
    ['::ffff:0:127.0.0.1', 'rfc6145'],
    ['2002:7f00:1::1', '6to4'],
    ['2002:808:808::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    // Not an address at all: names and the loose spellings only URL parsing accepts
    ['fe80::1%eth0', 'zone-scoped'],
    ['localhost', 'not-an-address'],
    ['127.1', 'not-an-address'],
    ['0x7f000001', 'not-an-address'],
    ['2130706433', 'not-an-address'],
    ['0177.0.0.1', 'not-an-address'],
    ['010.0.0.1', 'not-an-address'],
    ['[::1]', 'not-an-address'],
    ['', 'not-an-address'],
  ])('%s is %s, not public', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '81.2.69.160', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2a00:1450:4009:81a::200e', '2606:4700:4700::1111', '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808'])(
    '%s is public',
    (address) => {
      expect(addressRange(address)).toBe('public');
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});
