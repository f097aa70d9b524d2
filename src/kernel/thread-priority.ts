// The front door's thread goes first: the threads that do the work after an ack (the service's
// own, where the core, Prisma and the adapters run, and the embedded database's) are lowered ten
// nice levels below it, so that when the machine's cores are all busy (a burst of clicks, whose work
// runs on those threads) the scheduler runs the thread that acknowledges the next click, and anything
// else on the machine, before that work. On an idle machine nothing changes: a priority only matters
// when threads wait for a core. V8's and libuv's helper threads are left as they are: the door's own
// garbage collection waits on V8's, and a helper kept waiting would hold the door up too. Only
// lowering is asked for, which any process may do to its own threads (raising the door's needs
// privileges). Linux only: it keeps a nice value per thread and lists a process's threads in /proc;
// elsewhere nothing changes. Measured with `npm run bench -- ack` (README, "Figures").
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { THREAD_NAMES } from './thread-name.mjs';

/** How many nice levels the work goes below the door: under contention Linux gives a thread at +10
 * about a tenth of the time it gives one at 0. */
export const BACKGROUND_NICE_STEPS = 10;

export interface LoweredThread {
  tid: number;
  name: string;
  nice: number;
}

/** Lowers the threads of this process that `which` picks (by id, or by the name `nameThisThread`
 * gave it) by `steps` nice levels (at most to 19), and returns the threads it lowered. A thread that ends
 * meanwhile, or one that cannot be changed, is left as it is. Threads started later by a lowered
 * thread start as low as it is. */
export function lowerThreads(which: (thread: { tid: number; name: string }) => boolean, steps: number = BACKGROUND_NICE_STEPS): LoweredThread[] {
  if (process.platform !== 'linux') return [];
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return [];
  }
  const lowered: LoweredThread[] = [];
  for (const task of tasks) {
    const tid = Number(task);
    try {
      const name = readFileSync(`/proc/self/task/${task}/comm`, 'utf8').trim();
      if (!which({ tid, name })) continue;
      const nice = Math.min(19, getPriority(tid) + steps);
      setPriority(tid, nice);
      lowered.push({ tid, name, nice });
    } catch {
      // Ended since the list was read, or not ours to change: it runs as before.
    }
  }
  return lowered;
}

/** What `npm start` does once the service is listening: the service's own thread and the embedded
 * database's go below the front door's. */
export function putTheDoorFirst(): LoweredThread[] {
  return lowerThreads(({ tid, name }) => tid === process.pid || name === THREAD_NAMES.database);
}
