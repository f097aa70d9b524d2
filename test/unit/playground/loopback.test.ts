// The playground answers only browsers on this machine unless told otherwise.
import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../../../adapters/playground/loopback.ts';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost'])('%s is this machine', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });
  it.each(['10.0.0.5', '192.168.1.20', '0.0.0.0', '::', '::ffff:10.0.0.5', 'fe80::1', '8.8.8.8', '', 'example.org', '127.0.0.1.example.org'])('%s is not', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});
