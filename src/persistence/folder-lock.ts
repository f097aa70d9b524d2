// One process at a time on a PGlite data folder: PGlite is a single-user PostgreSQL, and two
// processes writing the same files lose data. The lock is a file beside the data holding the
// owner's pid, created exclusively; a lock whose pid is no longer running (a crash, kill -9) is
// stale and taken over.
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';

export class FolderLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database folder is in use by another Quorum process (pid ${ownerPid}; lock file ${lockFile}). ` +
        'Stop that process first, or give this one its own DATA_DIR. Two processes on one PGlite folder would lose data.',
    );
    this.name = 'FolderLockedError';
  }
}

export interface FolderLock {
  readonly file: string;
  release(): Promise<void>;
}

/** Locks held by this process, so that a second open in the same process is refused too. */
const heldHere = new Set<string>();

interface LockContent {
  pid: number;
  host?: string;
  since?: string;
}

async function readOwner(file: string): Promise<LockContent | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? (parsed as LockContent) : undefined;
  } catch {
    return undefined; // missing, half-written or not ours: treated as stale
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holdsLock(owner: LockContent, file: string): boolean {
  if (owner.host !== undefined && owner.host !== hostname()) return true; // cannot check another machine's pids
  if (owner.pid === process.pid) return heldHere.has(file); // our pid, left by an earlier process (pid reuse after a restart)
  return isRunning(owner.pid);
}

export async function lockFolder(file: string): Promise<FolderLock> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
        await handle.writeFile(`${JSON.stringify(content)}\n`);
      } finally {
        await handle.close();
      }
      heldHere.add(file);
      let released = false;
      return {
        file,
        release: async () => {
          if (released) return;
          released = true;
          heldHere.delete(file);
          const owner = await readOwner(file);
          if (owner?.pid === process.pid) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    if (owner && holdsLock(owner, file)) throw new FolderLockedError(file, owner.pid);
    // Stale (its process is gone) or unreadable: take it over. Another starter racing for the
    // same stale lock is settled by the exclusive create on the next attempt.
    await rm(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing hands.`);
}
