// The channel's signing keys, for botbuilder's token checks, fetched within the identity time limit.
// botbuilder keeps one OpenIdMetadata per metadata URL in a cache of its own and fetches through it
// with no time limit; boundSigningKeyFetches() puts a bounded equivalent in that cache for every URL.
import { createPublicKey } from 'node:crypto';
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor.js';
import { z } from 'zod';
import { boundedRequest, IDENTITY_TIMEOUT_MS, type BoundedResponse } from './identity-fetch.ts';

/** The signing keys behind a token could not be loaded: the token cannot be checked. */
export class SigningKeysUnavailable extends Error {
  override name = 'SigningKeysUnavailable';
}

const openIdConfiguration = z.object({ jwks_uri: z.url({ protocol: /^https?$/ }) });
const signingKey = z.object({
  kid: z.string().max(512),
  n: z.string().max(4096).optional(),
  e: z.string().max(64).optional(),
  endorsements: z.array(z.string().max(256)).max(100).optional(),
});
type SigningKey = z.infer<typeof signingKey>;

const HOUR_MS = 60 * 60 * 1000;

/**
 * The signing keys published at one OpenID metadata URL: botbuilder's OpenIdMetadata with the same
 * answers and refresh rules (every 24 hours, and at most once an hour for a key id it does not
 * know), fetched within the identity time limit. Concurrent refreshes share one request; when a
 * scheduled refresh fails, the keys already held are used until one succeeds.
 */
export class BoundedOpenIdMetadata {
  private keys: SigningKey[] | undefined;
  private lastUpdated = 0;
  private refreshing: Promise<void> | undefined;
  private readonly pems = new Map<string, string | null>();

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number = IDENTITY_TIMEOUT_MS,
    private readonly refreshIntervalHours = 24,
  ) {}

  async getKey(keyId: string): Promise<{ key: string; endorsements?: string[] } | null> {
    if (this.lastUpdated < Date.now() - this.refreshIntervalHours * HOUR_MS) {
      try {
        await this.refresh();
      } catch (error) {
        if (!this.keys) throw error;
      }
      return this.findKey(keyId);
    }
    const key = this.findKey(keyId);
    if (key || this.lastUpdated >= Date.now() - HOUR_MS) return key;
    await this.refresh();
    return this.findKey(keyId);
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const metadata = openIdConfiguration.safeParse(await this.getJson(this.url));
    if (!metadata.success) throw new SigningKeysUnavailable(`the OpenID metadata at ${endpointOf(this.url)} names no jwks_uri`);
    const keySet = z.object({ keys: z.array(z.unknown()).max(1000) }).safeParse(await this.getJson(metadata.data.jwks_uri));
    if (!keySet.success) throw new SigningKeysUnavailable(`the key set at ${endpointOf(metadata.data.jwks_uri)} holds no keys`);
    // A malformed key is skipped, not fatal: the others still check tokens.
    this.keys = keySet.data.keys.flatMap((key) => {
      const parsed = signingKey.safeParse(key);
      return parsed.success ? [parsed.data] : [];
    });
    this.pems.clear();
    this.lastUpdated = Date.now();
  }

  private async getJson(url: string): Promise<unknown> {
    let response: BoundedResponse;
    try {
      response = await boundedRequest(url, { timeoutMs: this.timeoutMs, headers: { accept: 'application/json' } });
    } catch (error) {
      throw new SigningKeysUnavailable(`could not load ${endpointOf(url)}: ${(error as Error).message}`);
    }
    if (response.status < 200 || response.status > 299) throw new SigningKeysUnavailable(`${endpointOf(url)} answered HTTP ${response.status}`);
    try {
      return JSON.parse(response.body) as unknown;
    } catch {
      throw new SigningKeysUnavailable(`${endpointOf(url)} did not answer JSON`);
    }
  }

  private findKey(keyId: string): { key: string; endorsements?: string[] } | null {
    const found = this.keys?.find((key) => key.kid === keyId);
    if (!found?.n || !found.e) return null; // not an RSA key: botbuilder refuses it too
    if (!this.pems.has(keyId)) {
      try {
        this.pems.set(keyId, createPublicKey({ key: { kty: 'RSA', n: found.n, e: found.e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString());
      } catch {
        this.pems.set(keyId, null);
      }
    }
    const pem = this.pems.get(keyId);
    return pem ? { key: pem, ...(found.endorsements ? { endorsements: found.endorsements } : {}) } : null;
  }
}

const endpointOf = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'an invalid URL';
  }
};

/** botbuilder's cache of metadata per URL, made to hold only bounded metadata, whatever the URL
 * (the issuer of a token chooses among channel, emulator, government and enterprise URLs). */
class BoundedMetadataCache extends Map<string, BoundedOpenIdMetadata> {
  /** A shorter limit for a URL (tests' endpoint overrides), set before its first use. */
  readonly limits = new Map<string, number>();

  constructor(private readonly timeoutMs: number) {
    super();
  }

  override get(url: string): BoundedOpenIdMetadata {
    let metadata = super.get(url);
    if (!metadata) {
      metadata = new BoundedOpenIdMetadata(url, this.limits.get(url) ?? this.timeoutMs);
      super.set(url, metadata);
    }
    return metadata;
  }

  /** botbuilder's own (unbounded) metadata never enters: the URL gets a bounded one instead. */
  override set(url: string, _metadata: unknown): this {
    this.get(url);
    return this;
  }
}

/**
 * Makes every token check fetch its signing keys within the time limit. botbuilder offers no hook
 * for this: JwtTokenExtractor fetches through node-fetch with neither a timeout nor a signal, from
 * a per-URL cache it keeps as a private static field. That field is replaced here, once per process,
 * by a cache that only ever hands out BoundedOpenIdMetadata. If a botbuilder upgrade moves the
 * cache, this throws at start-up rather than leaving the fetches unbounded; the Teams tests prove
 * the bound with a metadata host that never answers.
 */
export function boundSigningKeyFetches(timeoutMs = IDENTITY_TIMEOUT_MS): void {
  const extractor = JwtTokenExtractor as unknown as { openIdMetadataCache?: unknown };
  if (extractor.openIdMetadataCache instanceof BoundedMetadataCache) return;
  if (!(extractor.openIdMetadataCache instanceof Map)) {
    throw new Error('botframework-connector no longer keeps its OpenID metadata in JwtTokenExtractor.openIdMetadataCache; see adapters/teams/signing-keys.ts');
  }
  extractor.openIdMetadataCache = new BoundedMetadataCache(timeoutMs);
}

/** Another time limit for one metadata URL (an endpoint override's), before its first use. */
export function limitSigningKeyFetches(url: string, timeoutMs: number): void {
  boundSigningKeyFetches();
  const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache: BoundedMetadataCache }).openIdMetadataCache;
  cache.limits.set(url, timeoutMs);
  cache.delete(url);
}
