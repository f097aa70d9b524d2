// Whether an address is this machine's own: the playground answers only such browsers by default.
import ipaddr from 'ipaddr.js';

export function isLoopbackAddress(address: string): boolean {
  if (address === 'localhost') return true;
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.process(bare); // IPv4-mapped IPv6 (::ffff:127.0.0.1) becomes IPv4
  return parsed.range() === 'loopback';
}
