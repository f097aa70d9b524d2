// Names the calling thread as `top -H` and `ps -L` show it, so that which of the service's threads
// is busy can be seen from outside: the HTTP front door (`quorum-door`) and the embedded database
// (`quorum-db`); the service's own thread is the process's first. Linux only (a thread may rename
// itself through /proc); elsewhere, or without /proc, nothing changes.
// Plain JavaScript: the front door's and PGlite's threads run without the TypeScript loader.
import { writeFileSync } from 'node:fs';

/** @param {string} name at most 15 characters are kept (Linux's limit) */
export function nameThisThread(name) {
  if (process.platform !== 'linux') return;
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // A name is a convenience: the thread runs the same without it.
  }
}
