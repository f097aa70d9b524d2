// The import's fetch refuses every way of reaching the machine it runs on (and its networks):
// every spelling of loopback, through redirects, and through a DNS answer that changes between
// a check and a connection. A real server on loopback plays the target; plain fetch reaching it
// in the same spelling proves each refusal is the check's, not a network failure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../src/errors.ts';
import { fetchModernGovMeeting } from '../../../src/integrations/moderngov/index.ts';
import { createPublicFetchAlsoAllowingForTests, publicFetch, redirectTarget } from '../../../src/integrations/public-fetch.ts';
import { startHostileSite, type HostileSite } from '../../support/hostile-site.ts';

let site: HostileSite;
beforeAll(async () => {
  site = await startHostileSite();
});
afterAll(() => site.close());
beforeEach(() => {
  site.hits.length = 0;
});

const refusal = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => new Error('fetched, but should have been refused'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('publicFetch refuses this machine in every spelling', () => {
  const spellings = (port: number): [string, boolean][] => [
    // [address, whether plain fetch reaches the site with it]
    [`http://127.0.0.1:${port}/ok`, true],
    [`http://127.0.0.2:${port}/ok`, true],
    [`http://2130706433:${port}/ok`, true],
    [`http://0x7f000001:${port}/ok`, true],
    [`http://0x7f.1:${port}/ok`, true],
    [`http://0177.0.0.1:${port}/ok`, true],
    [`http://127.1:${port}/ok`, true],
    [`http://0.0.0.0:${port}/ok`, true],
    [`http://0:${port}/ok`, true],
    [`http://[::1]:${port}/ok`, true],
    [`http://[0:0:0:0:0:0:0:1]:${port}/ok`, true],
    [`http://[::]:${port}/ok`, true],
    [`http://[::ffff:127.0.0.1]:${port}/ok`, true],
    [`http://[::ffff:7f00:1]:${port}/ok`, true],
    [`http://[0:0:0:0:0:ffff:127.0.0.1]:${port}/ok`, true],
    [`http://[::ffff:0.0.0.0]:${port}/ok`, true],
    [`http://[::127.0.0.1]:${port}/ok`, false],
    [`http://[::ffff:0:127.0.0.1]:${port}/ok`, false],
    [`http://[64:ff9b::7f00:1]:${port}/ok`, false],
    [`http://localhost:${port}/ok`, true],
    [`http://LOCALHOST:${port}/ok`, true],
    [`http://localhost.:${port}/ok`, false],
    [`http://board.localhost:${port}/ok`, false],
    [`https://127.0.0.1:${port}/ok`, false],
  ];

  it('refuses each spelling before anything reaches the site', async () => {
    for (const [address, reachable] of spellings(site.port)) {
      if (reachable) {
        const control = await fetch(address);
        expect(control.status, `control: plain fetch reaches ${address}`).toBe(200);
        await control.text();
      }
      site.hits.length = 0;
      const error = await refusal(publicFetch(address));
      expect(error.code, address).toBe(ErrorCode.IMPORT_BLOCKED_ADDRESS);
      expect(error.say).toMatch(/is not a public internet address.*Quorum will not fetch from it/);
      expect(site.hits, address).toEqual([]);
    }
  });

  it('refuses private, link-local and metadata addresses without trying them', async () => {
    for (const address of ['http://10.0.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://100.100.100.200/', 'http://[fe80::1]/']) {
      expect((await refusal(publicFetch(address))).code, address).toBe(ErrorCode.IMPORT_BLOCKED_ADDRESS);
    }
  });

  it('refuses other schemes and addresses with credentials', async () => {
    for (const address of ['file:///etc/passwd', 'ftp://example.org/', 'gopher://example.org/', 'http://clerk:secret@example.org/', 'https://user@example.org/']) {
      expect((await refusal(publicFetch(address))).code, address).toBe(ErrorCode.IMPORT_ADDRESS_INVALID);
    }
  });

  it('the ModernGov import refuses loopback with the coded error, not a generic failure', async () => {
    const error = await refusal(fetchModernGovMeeting({ baseUrl: `http://[::ffff:127.0.0.1]:${site.port}`, meetingId: 1, fetch: publicFetch }));
    expect(error.code).toBe(ErrorCode.IMPORT_BLOCKED_ADDRESS);
    expect(error.say).toBe('[::ffff:7f00:1] is not a public internet address (it is private, local or reserved), so Quorum will not fetch from it. Give the public web address of the site.');
    expect(site.hits).toEqual([]);
  });
});

describe('redirects', () => {
  // The site plays a public one at 127.0.0.1 only (the test seam); every other loopback spelling stays refused.
  const fetchAsPublic = () => createPublicFetchAlsoAllowingForTests(['127.0.0.1']);
  const redirect = (to: string, extra = ''): string => `http://127.0.0.1:${site.port}/redirect?to=${encodeURIComponent(to)}${extra}`;

  it('follows redirects between allowed addresses', async () => {
    const response = await fetchAsPublic()(redirect('/ok', '&times=2'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello from the site');
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`http://127.0.0.1:${site.port}/ok`);
  });

  it.each([301, 302, 303, 307, 308])('re-checks the address a %i redirect names', async (status) => {
    for (const target of [
      `http://[::ffff:127.0.0.1]:${site.port}/ok`,
      `http://[::ffff:7f00:1]:${site.port}/ok`,
      `http://[::1]:${site.port}/ok`,
      `http://127.0.0.2:${site.port}/ok`,
      `http://localhost:${site.port}/ok`,
      `http://0.0.0.0:${site.port}/ok`,
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      site.hits.length = 0;
      const error = await refusal(fetchAsPublic()(redirect(target, `&status=${status}`)));
      expect(error.code, target).toBe(ErrorCode.IMPORT_BLOCKED_ADDRESS);
      expect(site.hits.map((hit) => hit.path.split('?')[0])).toEqual(['/redirect']);
    }
  });

  it('follows at most 5 redirects', async () => {
    expect((await fetchAsPublic()(redirect('/ok', '&times=4'))).status).toBe(200);
    site.hits.length = 0;
    const error = await refusal(fetchAsPublic()(redirect('/ok', '&times=5')));
    expect(error.code).toBe(ErrorCode.IMPORT_BLOCKED_REDIRECT);
    expect(error.say).toMatch(/redirected more than 5 times/);
    expect(site.hits).toHaveLength(6);
  });

  it('does not carry credentials to another origin', async () => {
    const twoSites = createPublicFetchAlsoAllowingForTests(['127.0.0.1', '127.0.0.3']);
    const headers = { authorization: 'Bearer council-token', cookie: 'session=1' };
    await (await twoSites(redirect(`http://127.0.0.1:${site.port}/ok`), { headers })).text();
    await (await twoSites(redirect(`http://127.0.0.3:${site.port}/ok`), { headers })).text();
    expect(site.hits.map((hit) => [hit.localAddress, hit.credentials])).toEqual([
      ['::ffff:127.0.0.1', true],
      ['::ffff:127.0.0.1', true],
      ['::ffff:127.0.0.1', true],
      ['::ffff:127.0.0.3', false],
    ]);
  });

  it('refuses redirects to other schemes or to addresses with credentials', async () => {
    for (const target of ['file:///etc/passwd', 'ftp://example.org/', `http://user:pw@127.0.0.1:${site.port}/ok`, 'http://[::1']) {
      const error = await refusal(fetchAsPublic()(redirect(target)));
      expect(error.code, target).toBe(ErrorCode.IMPORT_BLOCKED_REDIRECT);
    }
  });

  it('refuses a redirect from https down to http, and follows one up from http to https', () => {
    expect(() => redirectTarget(new URL('https://democracy.example.gov.uk/a'), 'http://democracy.example.gov.uk/b')).toThrow(
      expect.objectContaining({ code: ErrorCode.IMPORT_BLOCKED_REDIRECT, message: expect.stringMatching(/from a secure \(https\) address to an insecure \(http\) one/) }),
    );
    expect(redirectTarget(new URL('http://democracy.example.gov.uk/a'), 'https://democracy.example.gov.uk/b').href).toBe('https://democracy.example.gov.uk/b');
    expect(redirectTarget(new URL('https://democracy.example.gov.uk/a/b'), '../c?x=1').href).toBe('https://democracy.example.gov.uk/c?x=1');
  });
});

describe('DNS rebinding', () => {
  // A resolver that answers the "public" address (the seam's 127.0.0.1) first and a private one
  // (127.0.0.2, the same site on another loopback address) after: an attacker's DNS.
  const rebinding = () => {
    const answers = [['127.0.0.1'], ['127.0.0.2']];
    const asked: string[] = [];
    const resolve = async (hostname: string): Promise<string[]> => {
      asked.push(hostname);
      return answers[Math.min(asked.length - 1, answers.length - 1)] as string[];
    };
    return { asked, fetch: createPublicFetchAlsoAllowingForTests(['127.0.0.1'], { resolve }) };
  };

  it('connects to the address it checked, asking DNS once per connection', async () => {
    const dns = rebinding();
    const response = await dns.fetch(`http://council.example:${site.port}/ok`);
    expect(await response.text()).toBe('hello from the site');
    expect(dns.asked).toEqual(['council.example']);
    expect(site.hits.map((hit) => hit.localAddress)).toEqual(['::ffff:127.0.0.1']);
    // The next connection gets the private answer, and is refused before connecting.
    const error = await refusal(dns.fetch(`http://council.example:${site.port}/ok`));
    expect(error.code).toBe(ErrorCode.IMPORT_BLOCKED_ADDRESS);
    expect(error.say).toMatch(/^council\.example is not a public internet address/);
    expect(error.say).not.toMatch(/127\.0\.0/);
    expect(dns.asked).toHaveLength(2);
    expect(site.hits).toHaveLength(1);
  });

  it('checks the answer again for each redirect, even to the same name', async () => {
    const dns = rebinding();
    const error = await refusal(dns.fetch(`http://council.example:${site.port}/redirect?to=/ok`));
    expect(error.code).toBe(ErrorCode.IMPORT_BLOCKED_ADDRESS);
    expect(dns.asked).toEqual(['council.example', 'council.example']);
    expect(site.hits.map((hit) => hit.path.split('?')[0])).toEqual(['/redirect']);
  });

  it('refuses a name with any private address among its answers', async () => {
    const fetchMixed = createPublicFetchAlsoAllowingForTests(['127.0.0.1'], { resolve: async () => ['127.0.0.1', '10.0.0.7'] });
    expect((await refusal(fetchMixed(`http://council.example:${site.port}/ok`))).code).toBe(ErrorCode.IMPORT_BLOCKED_ADDRESS);
    expect(site.hits).toEqual([]);
  });

  it('says a name that does not exist cannot be reached, as fetch does', async () => {
    const fetchNowhere = createPublicFetchAlsoAllowingForTests([], { resolve: async () => [] });
    const error = await fetchNowhere('http://no-such-council.example/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ENOTFOUND');
  });
});

describe('https', () => {
  // Self-signed for council.example and 127.0.0.1, made for this test only and trusted nowhere.
  const CERT = `-----BEGIN CERTIFICATE-----
MIIBrjCCAVOgAwIBAgIUIdrCsgZUNY7D3X+6unXKsnuhcwMwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPY291bmNpbC5leGFtcGxlMCAXDTI2MTEzMDEwNDY0MVoYDzIx
MjYxMTA2MTA0NjQxWjAaMRgwFgYDVQQDDA9jb3VuY2lsLmV4YW1wbGUwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAAR8yteNWJDMyc4+KTpzvInXj5VSaf+P9X296jjQ
zIyhnoNSK0V2+pdpXROPzIJDz0HdfNONPYM0OIICfAwI7dJjo3UwczAdBgNVHQ4E
FgQUhl2tfwHl94SbBkM0jwd+aX4rGQgwHwYDVR0jBBgwFoAUhl2tfwHl94SbBkM0
jwd+aX4rGQgwDwYDVR0TAQH/BAUwAwEB/zAgBgNVHREEGTAXgg9jb3VuY2lsLmV4
YW1wbGWHBH8AAAEwCgYIKoZIzj0EAwIDSQAwRgIhAMXrxfSSm3QDJEDTvMpde+kA
Uj3kmZUCquEQ3qogOjJZAiEAnwLmxjuklt9POBe4Unn/FsKt98KKOMyTIVRWtZSs
Pnw=
-----END CERTIFICATE-----`;
  const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgwC/Qmb9KaQwojUG7
NF8AIrvzHYvxIIjOG8YcKQM6BDOhRANCAAR8yteNWJDMyc4+KTpzvInXj5VSaf+P
9X296jjQzIyhnoNSK0V2+pdpXROPzIJDz0HdfNONPYM0OIICfAwI7dJj
-----END PRIVATE KEY-----`;

  it('goes through the same checked connection and keeps certificate verification on', async () => {
    let requests = 0;
    let handshakes = 0;
    const server = createHttpsServer({ cert: CERT, key: KEY }, (_req, res) => {
      requests += 1;
      res.end('secret');
    });
    server.on('connection', () => (handshakes += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      expect((await refusal(publicFetch(`https://127.0.0.1:${port}/ok`))).code).toBe(ErrorCode.IMPORT_BLOCKED_ADDRESS);
      expect(handshakes).toBe(0);
      const asPublic = createPublicFetchAlsoAllowingForTests(['127.0.0.1'], { resolve: async () => ['127.0.0.1'] });
      const error = await asPublic(`https://council.example:${port}/ok`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as { cause?: { code?: string } }).cause?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
      expect(handshakes).toBe(1);
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the test seam', () => {
  it('is named nowhere in the service but where it is defined, so configuration cannot reach it', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    const naming = ['src', 'adapters', 'cards']
      .flatMap((dir) => files(dir))
      .filter((file) => /\.(ts|js|mjs)$/.test(file) && readFileSync(file, 'utf8').includes('AlsoAllowingForTests'));
    expect(naming).toEqual([join('src', 'integrations', 'public-fetch.ts')]);
  });
});
