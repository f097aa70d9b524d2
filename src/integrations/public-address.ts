// Which IP addresses count as "the public internet" for fetches a person asked for (a council's
// ModernGov site). An allow rule, not a block list: an address is public only when ipaddr.js (a
// maintained table of the IANA special-purpose registries) calls it ordinary unicast, and for IPv6
// only inside global unicast (2000::/3). IPv6 forms that carry an IPv4 address are judged by that
// IPv4 address (IPv4-mapped ::ffff:a.b.c.d, and NAT64 64:ff9b::/96, which DNS64 networks give
// real sites) or refused outright (IPv4-compatible ::a.b.c.d, SIIT ::ffff:0:a.b.c.d, 6to4,
// Teredo, local NAT64), since they can reach an IPv4 address no check has seen.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** "public", or the name of the special range the address belongs to (for tests and reasoning). */
export type AddressRange = 'public' | 'not-an-address' | 'zone-scoped' | 'outside-global-unicast' | string;

function ipv4Range(address: ipaddr.IPv4): AddressRange {
  const range = address.range();
  return range === 'unicast' ? 'public' : range;
}

const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const [high = 0, low = 0] = address.parts.slice(6);
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function ipv6Range(address: ipaddr.IPv6): AddressRange {
  const range = address.range();
  if (range === 'ipv4Mapped') {
    const inner = ipv4Range(embeddedIPv4(address));
    return inner === 'public' ? 'public' : `ipv4Mapped:${inner}`;
  }
  if (address.match(NAT64_WELL_KNOWN)) {
    const inner = ipv4Range(embeddedIPv4(address));
    return inner === 'public' ? 'public' : `rfc6052:${inner}`;
  }
  if (range !== 'unicast') return range;
  return address.match(GLOBAL_UNICAST) ? 'public' : 'outside-global-unicast';
}

/**
 * The range an address is in. Takes only what Node itself accepts as an address (dotted decimal
 * IPv4, any IPv6 spelling); anything else is 'not-an-address'. IPv6 is first rewritten in the
 * URL standard's canonical form, so ipaddr.js never sees a dotted tail it would read loosely
 * (it reads ::127.0.0.1 as ::ffff:127.0.0.1).
 */
export function addressRange(address: string): AddressRange {
  const version = isIP(address);
  if (version === 4) return ipv4Range(ipaddr.IPv4.parse(address));
  if (version !== 6) return 'not-an-address';
  // A zone (fe80::1%eth0) only means something on a local link.
  if (address.includes('%')) return 'zone-scoped';
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return 'not-an-address';
  }
  return ipv6Range(ipaddr.IPv6.parse(canonical));
}

export const isPublicAddress = (address: string): boolean => addressRange(address) === 'public';
