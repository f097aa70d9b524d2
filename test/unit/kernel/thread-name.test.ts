// Thread names (src/kernel/thread-name.mjs): a thread renames itself, and no other.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const MODULE = new URL('../../../src/kernel/thread-name.mjs', import.meta.url).href;

describe('thread name', () => {
  it.runIf(process.platform === 'linux')('names the calling thread only, cut to Linux’s 15 characters', async () => {
    const mine = readFileSync('/proc/thread-self/comm', 'utf8');
    const code = `
      const { parentPort } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      import(${JSON.stringify(MODULE)}).then(({ nameThisThread }) => {
        nameThisThread('quorum-test-thread-longer-than-15');
        parentPort.postMessage(readFileSync('/proc/thread-self/comm', 'utf8').trim());
      });`;
    const worker = new Worker(code, { eval: true });
    const name = await new Promise<string>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (exitCode) => reject(new Error(`the thread ended (exit code ${exitCode}) without saying its name`)));
    });
    await worker.terminate();
    expect(name).toBe('quorum-test-thr');
    expect(readFileSync('/proc/thread-self/comm', 'utf8')).toBe(mine);
  });
});
