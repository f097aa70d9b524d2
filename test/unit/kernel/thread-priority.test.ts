// Thread priorities (src/kernel/thread-priority.mjs): a thread lowers its own priority and no
// other's, and names itself, as the service's threads do under `npm start`.
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const MODULE = new URL('../../../src/kernel/thread-priority.mjs', import.meta.url).href;

/** Runs the module in a thread of its own: lowers it by 3 and names it; says what /proc shows of it. */
function inAThread(): Promise<{ returned: number | undefined; nice: number; name: string }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    import(${JSON.stringify(MODULE)}).then(({ lowerThisThread, nameThisThread }) => {
      nameThisThread('quorum-test-thread-longer-than-15');
      const returned = lowerThisThread(3);
      const stat = readFileSync('/proc/thread-self/stat', 'utf8');
      const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      parentPort.postMessage({ returned, nice, name: readFileSync('/proc/thread-self/comm', 'utf8').trim() });
    });`;
  const worker = new Worker(code, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { returned: number | undefined; nice: number; name: string }) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread ended (exit code ${code}) without saying what it saw`)));
  });
}

describe('thread priority', () => {
  it.runIf(process.platform === 'linux')('lowers the calling thread only, and names it (cut to Linux’s 15 characters)', async () => {
    const before = getPriority(0);
    const thread = await inAThread();
    expect(thread).toEqual({ returned: Math.min(19, before + 3), nice: Math.min(19, before + 3), name: 'quorum-test-thr' });
    // This thread (and so the process, for anything reading it) runs as before.
    expect(getPriority(0)).toBe(before);
  });
});
