// The console capture around Teams requests: scoped to the request's async context, one short line
// per console call with keys and tokens masked, and the console given back when the last adapter stops.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { captureConsole, consoleText, holdConsoleCapture, type ConsoleLine } from '../../../adapters/teams/sdk-console.ts';

let original: MockInstance<(...args: unknown[]) => void>;
beforeEach(() => {
  original = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  original.mockRestore();
});

describe('holdConsoleCapture and captureConsole', () => {
  it('hands what is written during the request to its sink, however deep the awaits, and nothing else', async () => {
    const release = holdConsoleCapture();
    const lines: ConsoleLine[] = [];
    await captureConsole(
      (line) => lines.push(line),
      async () => {
        console.error('first');
        await new Promise((resolve) => setTimeout(resolve, 5));
        await Promise.resolve().then(() => console.error(new TypeError('second')));
      },
    );
    console.error('outside');
    release();
    expect(lines).toEqual([
      { method: 'error', said: 'first' },
      { method: 'error', said: 'TypeError: second' },
    ]);
    expect(original.mock.calls).toEqual([['outside']]);
  });

  it('keeps two concurrent requests apart', async () => {
    const release = holdConsoleCapture();
    const a: ConsoleLine[] = [];
    const b: ConsoleLine[] = [];
    const work = (name: string) => async () => {
      await new Promise((resolve) => setTimeout(resolve, name === 'a' ? 10 : 1));
      console.error(name);
    };
    await Promise.all([captureConsole((line) => a.push(line), work('a')), captureConsole((line) => b.push(line), work('b'))]);
    release();
    expect(a.map((l) => l.said)).toEqual(['a']);
    expect(b.map((l) => l.said)).toEqual(['b']);
  });

  it('gives the console back when the last holder lets go, and leaves a wrapper installed since alone', () => {
    const first = holdConsoleCapture();
    const second = holdConsoleCapture();
    const wrapped = console.error;
    expect(wrapped).not.toBe(original);
    first();
    first(); // a second release by the same holder changes nothing
    expect(console.error).toBe(wrapped);
    second();
    expect(console.error).toBe(original);

    const release = holdConsoleCapture();
    const theirs = vi.fn();
    console.error = theirs;
    release();
    expect(console.error).toBe(theirs);
    console.error = original as unknown as typeof console.error;
  });
});

describe('consoleText', () => {
  it('writes an error as its name and message, without the stack', () => {
    const error = new Error('The token has expired');
    expect(consoleText([error])).toBe('Error: The token has expired');
  });

  it('masks keys, tokens and credentials, and keeps to one short line', () => {
    const pem = '-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA\nAAAA\n-----END RSA PUBLIC KEY-----\n';
    expect(consoleText(['Error finding key for token. Available keys:', pem])).toBe('Error finding key for token. Available keys: [key]');
    expect(consoleText(['token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl was refused'])).toBe('token [token] was refused');
    expect(consoleText(['header', 'Bearer abc.def'])).toBe('header Bearer [redacted]');
    expect(consoleText([{ nested: { deep: [1, 2, 3] } }])).toBe('{ nested: { deep: [ 1, 2, 3 ] } }');
    const long = consoleText(['x'.repeat(5_000)]);
    expect(long).toHaveLength(300);
    expect(consoleText(['a\n   b\tc'])).toBe('a b c');
  });
});
