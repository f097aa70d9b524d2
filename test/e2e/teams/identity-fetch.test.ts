// The limits on botbuilder's identity traffic, against local servers that misbehave on purpose:
// bounded requests, the channel's signing keys (BoundedOpenIdMetadata and its place in
// botbuilder's cache), and MSAL's network client for the bot's own tokens.
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor.js';
import { boundedMsalNetworkClient } from '../../../adapters/teams/credentials.ts';
import { boundedRequest, IdentityFetchError, IDENTITY_TIMEOUT_MS } from '../../../adapters/teams/identity-fetch.ts';
import { BoundedOpenIdMetadata, boundSigningKeyFetches, SigningKeysUnavailable } from '../../../adapters/teams/signing-keys.ts';
import { startSlowServer, type Misbehaviour, type SlowServer } from '../../support/slow-server.ts';

const slow: Partial<Record<Misbehaviour, SlowServer>> = {};
beforeAll(async () => {
  for (const misbehaviour of ['hang', 'stall', 'trickle', 'flood'] as const) slow[misbehaviour] = await startSlowServer(misbehaviour);
});
afterAll(async () => {
  for (const server of Object.values(slow)) await server.close();
});

/** Times `work` from before it starts: its time limit is set as it starts, and a clock started
 * after that (once the request was made) missed whatever ran or waited in between; a 400 ms limit
 * was measured as 347 ms on a loaded machine (CI, once). */
async function timed<T>(work: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await work();
    return { error: undefined, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

describe('boundedRequest', () => {
  it.each([
    ['never answers', 'hang'],
    ['sends its headers and stalls', 'stall'],
    ['trickles its body for ever', 'trickle'],
  ] as const)('gives up on a server that %s, within its time limit', async (_what, misbehaviour) => {
    const { error, ms } = await timed(() => boundedRequest(slow[misbehaviour]!.url('/keys'), { timeoutMs: 400 }));
    expect(error).toBeInstanceOf(IdentityFetchError);
    expect((error as Error).message).toBe(`GET ${slow[misbehaviour]!.url('/keys')}: no complete answer within 400 ms`);
    expect(ms).toBeGreaterThanOrEqual(350);
    expect(ms).toBeLessThan(2_000);
  });

  it('stops reading an answer larger than its size limit', async () => {
    const { error, ms } = await timed(() => boundedRequest(slow.flood!.url('/keys'), { timeoutMs: 5_000, maxBytes: 100_000 }));
    expect((error as Error).message).toMatch(/the answer is larger than 100000 bytes$/);
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses what is not http or https, and leaves the query out of its messages', async () => {
    await expect(boundedRequest('file:///etc/passwd')).rejects.toThrow('only http and https are fetched');
    const { error } = await timed(() => boundedRequest(`${slow.hang!.url('/token')}?client_secret=hunter2`, { timeoutMs: 100 }));
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('has a default time limit of a few seconds', () => {
    expect(IDENTITY_TIMEOUT_MS).toBeGreaterThanOrEqual(1_000);
    expect(IDENTITY_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
  });
});

/** A channel's metadata and key set, counting the requests for each. */
async function startKeyHost() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  let keys: unknown[] = [{ ...jwk, kid: 'key-one', endorsements: ['msteams'] }];
  let failing = false;
  const count = { metadata: 0, keys: 0 };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (failing) return void res.writeHead(503).end();
    if (path === '/metadata') {
      count.metadata += 1;
      return void res.end(JSON.stringify({ jwks_uri: `${base}/keys` }));
    }
    count.keys += 1;
    res.end(JSON.stringify({ keys }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/metadata`,
    count,
    jwk,
    setKeys: (next: unknown[]) => void (keys = next),
    fail: (on: boolean) => void (failing = on),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('BoundedOpenIdMetadata', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('finds a key by its id, as a PEM with its endorsements, and shares one fetch between concurrent checks', async () => {
    const host = await startKeyHost();
    const metadata = new BoundedOpenIdMetadata(host.metadataUrl, 1_000);
    const found = await Promise.all(Array.from({ length: 5 }, () => metadata.getKey('key-one')));
    expect(found[0]?.key).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(found[0]?.endorsements).toEqual(['msteams']);
    expect(host.count).toEqual({ metadata: 1, keys: 1 });
    await host.close();
  });

  it('looks again for an unknown key id at most once an hour, and skips keys it cannot read', async () => {
    const host = await startKeyHost();
    const metadata = new BoundedOpenIdMetadata(host.metadataUrl, 1_000);
    await metadata.getKey('key-one');
    host.setKeys([{ kid: 'broken', n: 42 }, { kid: 'ec-key', kty: 'EC' }, { ...host.jwk, kid: 'key-two' }]);
    expect(await metadata.getKey('key-two')).toBeNull();
    expect(host.count.keys).toBe(1);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 61 * 60 * 1000);
    expect(await metadata.getKey('key-two')).toMatchObject({ key: expect.stringContaining('PUBLIC KEY') as unknown });
    expect(await metadata.getKey('broken')).toBeNull();
    expect(await metadata.getKey('ec-key')).toBeNull();
    expect(host.count.keys).toBe(2);
    await host.close();
  });

  it('keeps using the keys it holds when the daily refresh fails, and fails without any', async () => {
    const host = await startKeyHost();
    const metadata = new BoundedOpenIdMetadata(host.metadataUrl, 1_000);
    await metadata.getKey('key-one');
    host.fail(true);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 25 * 60 * 60 * 1000);
    expect(await metadata.getKey('key-one')).not.toBeNull();
    await expect(new BoundedOpenIdMetadata(host.metadataUrl, 1_000).getKey('key-one')).rejects.toThrow(/answered HTTP 503/);
    await host.close();
  });

  it('fails with SigningKeysUnavailable within its time limit when the metadata host hangs', async () => {
    const { error, ms } = await timed(() => new BoundedOpenIdMetadata(slow.hang!.url('/metadata'), 400).getKey('any'));
    expect(error).toBeInstanceOf(SigningKeysUnavailable);
    expect((error as Error).message).toContain('no complete answer within 400 ms');
    expect(ms).toBeLessThan(2_000);
  });

  it('takes the place of botbuilder\u2019s own metadata for every URL botbuilder asks for', () => {
    boundSigningKeyFetches();
    boundSigningKeyFetches(); // once per process, however often asked
    const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache: Map<string, unknown> }).openIdMetadataCache;
    const extractor = new JwtTokenExtractor({}, 'https://login.botframework.com/v1/.well-known/openidconfiguration', ['RS256']);
    expect(extractor.openIdMetadata).toBeInstanceOf(BoundedOpenIdMetadata);
    expect(cache.get('https://enterprise.example/v1/.well-known/openidconfiguration')).toBeInstanceOf(BoundedOpenIdMetadata);
  });
});

describe('the MSAL network client', () => {
  it('gives up on a login authority that never answers a token request', async () => {
    const client = boundedMsalNetworkClient({ timeoutMs: 400 });
    const { error, ms } = await timed(() => client.sendPostRequestAsync(slow.hang!.url('/botframework.com/oauth2/v2.0/token'), { body: 'grant_type=client_credentials&client_secret=hunter2' }));
    expect(error).toBeInstanceOf(IdentityFetchError);
    expect((error as Error).message).not.toContain('hunter2');
    expect(ms).toBeLessThan(2_000);
  });

  it('honours a shorter limit MSAL asks for, and hands MSAL JSON or an OAuth error object', async () => {
    const client = boundedMsalNetworkClient({ timeoutMs: 5_000 });
    const { ms } = await timed(() => client.sendGetRequestAsync(slow.hang!.url('/discovery'), {}, 300));
    expect(ms).toBeLessThan(2_000);

    const host = await startKeyHost();
    const ok = await client.sendGetRequestAsync<{ jwks_uri: string }>(host.metadataUrl);
    expect(ok).toMatchObject({ status: 200, body: { jwks_uri: expect.stringContaining('/keys') as unknown } });
    host.fail(true);
    const failed = await client.sendGetRequestAsync(host.metadataUrl);
    expect(failed).toMatchObject({ status: 503, body: { error: 'server_error' } });
    await host.close();
  });
});
