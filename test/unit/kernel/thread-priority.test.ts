// The front door's thread goes first (src/kernel/thread-priority.ts): the process's own thread and
// the database's are lowered, the door's and Node's helpers are not, and threads started afterwards
// by a lowered thread start lowered. Run in a
// process of its own, so that the test runner's own threads keep their priority.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const PRIORITY = new URL('../../../src/kernel/thread-priority.ts', import.meta.url).href;
const NAMES = new URL('../../../src/kernel/thread-name.mjs', import.meta.url).href;

/** Runs `body` in a fresh Node process with two named worker threads started; prints JSON. */
function inChild(body: string, startNice = 0): Record<string, unknown> {
  const code = `
    import { Worker } from 'node:worker_threads';
    import { readdirSync, readFileSync } from 'node:fs';
    import { setPriority } from 'node:os';
    const { lowerThreads, putTheDoorFirst } = await import(${JSON.stringify(PRIORITY)});
    setPriority(${startNice});
    const named = (name) => new Promise((resolve, reject) => {
      const worker = new Worker(\`Promise.all([import(${JSON.stringify(NAMES)}), import('node:worker_threads')]).then(([{ nameThisThread }, { parentPort }]) => { nameThisThread('\${name}'); parentPort.postMessage('named'); setInterval(() => {}, 1000); });\`, { eval: true });
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });
    const threads = () => Object.fromEntries(readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [tid, { name: readFileSync('/proc/self/task/' + tid + '/comm', 'utf8').trim(), nice: Number(fields[16]) }];
    }));
    const workers = [await named('quorum-door'), await named('quorum-db')];
    ${body}
    for (const worker of workers) await worker.terminate();
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`child failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

type Thread = { name: string; nice: number };

describe.runIf(process.platform === 'linux')('thread priority', () => {
  it('lowers the service’s own thread and the database’s by ten nice levels, not the door’s or Node’s helpers, and reports each', () => {
    const out = inChild(`
      const lowered = putTheDoorFirst();
      console.log(JSON.stringify({ lowered, after: threads(), pid: process.pid }));
    `) as { lowered: { tid: number; name: string; nice: number }[]; after: Record<string, Thread>; pid: number };
    const after = Object.entries(out.after).map(([tid, thread]) => ({ tid: Number(tid), ...thread }));
    const work = after.filter((thread) => thread.tid === out.pid || thread.name === 'quorum-db');
    expect(work).toHaveLength(2);
    for (const thread of work) expect(thread.nice).toBe(10);
    const rest = after.filter((thread) => !work.includes(thread));
    // The door, and the helpers Node starts with every process (V8's platform, libuv's).
    expect(rest.map((thread) => thread.name)).toContain('quorum-door');
    expect(rest.length).toBeGreaterThan(1);
    for (const thread of rest) expect(thread.nice).toBe(0);
    expect(out.lowered.map((thread) => thread.tid).sort()).toEqual(work.map((thread) => thread.tid).sort());
    expect(out.lowered.every((thread) => thread.nice === 10)).toBe(true);
  });

  it('goes no lower than 19, and a thread started afterwards by a lowered one starts as low', () => {
    const out = inChild(`
      lowerThreads(({ name }) => name !== 'quorum-door', 10);
      workers.push(await named('quorum-later'));
      console.log(JSON.stringify({ after: threads() }));
    `, 15) as { after: Record<string, Thread> };
    const byName = (name: string) => Object.values(out.after).filter((thread) => thread.name === name);
    // The door was started at the process's 15 and kept it; the rest went from 15 to 19, not 25.
    expect(byName('quorum-door')).toEqual([{ name: 'quorum-door', nice: 15 }]);
    expect(byName('quorum-db')).toEqual([{ name: 'quorum-db', nice: 19 }]);
    expect(byName('quorum-later')).toEqual([{ name: 'quorum-later', nice: 19 }]);
  });
});
