// One process at a time on a PGlite data folder: a second one is refused with a message naming
// the owner; a lock left by a process that died (kill -9) is taken over.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderLockedError, lockFolder } from '../../../src/persistence/folder-lock.ts';
import { openDatabase, pgliteLockFile } from '../../../src/persistence/database.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quorum-lock-'));
  dirs.push(dir);
  return dir;
}

/** Another process that takes the lock on `file` and holds it until killed. */
async function holdLockInAnotherProcess(file: string): Promise<ChildProcess> {
  const script = `
    import { lockFolder } from ${JSON.stringify(path.join(root, 'src/persistence/folder-lock.ts'))};
    await lockFolder(${JSON.stringify(file)});
    process.stdout.write('locked\\n');
    setInterval(() => undefined, 60_000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('locked')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}: ${output}`)));
  });
  return child;
}

describe('the PGlite data folder lock', () => {
  it('refuses a second process on the same folder, naming the owner, and takes over once it is killed (kill -9)', async () => {
    const dir = await dataDir();
    const holder = await holdLockInAnotherProcess(pgliteLockFile(dir));

    const refused = openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(refused).rejects.toBeInstanceOf(FolderLockedError);
    await expect(refused).rejects.toThrow(
      new RegExp(`in use by another Quorum process \\(pid ${holder.pid}; lock file .*pglite\\.lock\\)`),
    );

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const lock = await lockFolder(pgliteLockFile(dir));
    expect(JSON.parse(await readFile(pgliteLockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    await expect(readFile(pgliteLockFile(dir), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a second open in the same process', async () => {
    const file = pgliteLockFile(await dataDir());
    const lock = await lockFolder(file);
    await expect(lockFolder(file)).rejects.toThrow(`pid ${process.pid}`);
    await lock.release();
    const again = await lockFolder(file);
    await again.release();
  });

  it('takes over a lock whose process is gone, and one left half-written', async () => {
    const file = pgliteLockFile(await dataDir());
    // A pid that is not running: a child that has already exited.
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(file, JSON.stringify({ pid: gone.pid }));
    const lock = await lockFolder(file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();

    await writeFile(file, '{"pi');
    const second = await lockFolder(file);
    await second.release();
  });

  it('treats our own pid in a lock we do not hold as left by an earlier process (pid reuse after a restart)', async () => {
    const file = pgliteLockFile(await dataDir());
    await writeFile(file, JSON.stringify({ pid: process.pid }));
    const lock = await lockFolder(file);
    await lock.release();
  });
});
