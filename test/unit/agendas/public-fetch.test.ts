import { describe, expect, it } from 'vitest';
import { fetchModernGovMeeting } from '../../../src/integrations/moderngov/index.ts';
import { isPrivateAddress, publicFetch } from '../../../src/integrations/public-fetch.ts';

describe('publicFetch', () => {
  it('knows private, loopback and link-local addresses', () => {
    for (const a of ['10.1.2.3', '127.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '100.64.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2a00:1450::1', '81.2.69.160']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses to fetch a private address, and the ModernGov import says why', async () => {
    await expect(publicFetch('http://127.0.0.1:9/x')).rejects.toThrow(/private network/);
    await expect(publicFetch('http://localhost:9/x')).rejects.toThrow(/private network/);
    await expect(fetchModernGovMeeting({ baseUrl: 'http://169.254.169.254', meetingId: 1, fetch: publicFetch })).rejects.toThrow(
      /Could not reach the ModernGov server at 169\.254\.169\.254 .*private network/,
    );
  });
});
