// fetch for addresses a person typed (a council's ModernGov site): refuses hosts on private,
// loopback or link-local networks, so the bot cannot be used to reach the machines around it.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export class PrivateAddressError extends Error {
  constructor(host: string) {
    super(`${host} is on a private network; Quorum only fetches public addresses`);
    this.name = 'PrivateAddressError';
  }
}

export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || v6 === '::' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}

async function requirePublic(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw new PrivateAddressError(host);
}

/** Follows redirects itself (at most 5), checking each address, so a public page cannot send
 * the request on to a private one. */
export const publicFetch: typeof fetch = async (input, init) => {
  let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  for (let hop = 0; hop <= 5; hop++) {
    await requirePublic(url);
    const response = await fetch(url, { ...init, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel().catch(() => undefined);
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
};
