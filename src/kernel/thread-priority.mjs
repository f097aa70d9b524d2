// Which of the service's threads get the larger share of the CPU when they all want a core. Under a
// burst of clicks, the HTTP front door's thread must answer each one at once (Slack waits for that
// answer), while the work those clicks start, on the service's thread and the embedded database's,
// can wait a few milliseconds. So those two run at a lower priority (a higher nice value: weights
// about 1024, 335 and 110 for the door, the service and the database), and the door is seldom kept
// waiting behind them. Without it, on a two-core machine, ack p99 was 1.3 to 3.9 times a bare Bolt
// app's under `npm run bench -- ack`; with it 0.9 to 1.7 times (the README has the runs).
// "The service's thread" is its JavaScript thread: the threads Node and V8 start for themselves
// (libuv's pool for files and DNS, the garbage collector's, the compiler's) keep the priority they
// were started with.
// Linux only: there a nice value belongs to one thread; elsewhere setpriority() sets the whole
// process's, and would slow the door with the rest, so nothing changes there. A process may always
// lower its priority, never raise it back without privilege: `npm start` (src/main.ts, and so the
// fault drills' service processes) and the ack bench ask for it; the in-process services of the
// tests do not, as they share their process with the test runner.
// Plain JavaScript: the PGlite and front-door threads run without the TypeScript loader.
import { writeFileSync } from 'node:fs';
import os from 'node:os';

/** How much lower than the door's each thread runs (nice values; 0 to 19 for an unprivileged process). */
export const LOWER_BY = Object.freeze({ service: 5, database: 10 });

const LINUX = process.platform === 'linux';

/** Names the calling thread as `top -H` and `ps -L` show it (Linux; at most 15 characters). */
export function nameThisThread(name) {
  if (!LINUX) return;
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // A name is a convenience: a system without /proc/thread-self runs the same without it.
  }
}

/** Lowers the calling thread's priority by `by` (Linux only); returns the nice value it runs at, or
 * undefined where nothing was changed. Threads it starts afterwards inherit it. */
export function lowerThisThread(by) {
  if (!LINUX) return undefined;
  try {
    const nice = Math.min(19, os.getPriority(0) + by);
    os.setPriority(0, nice);
    return nice;
  } catch {
    return undefined;
  }
}
