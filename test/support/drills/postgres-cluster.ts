// A PostgreSQL server of a drill's own, to restart mid-burst: the shared server at 127.0.0.1:5432
// is not ours to restart. Made with the machine's PostgreSQL server binaries (initdb, pg_ctl from
// /usr/lib/postgresql/<version>/bin) in a temporary folder, on a free port, durability settings
// off (a drill's data need not survive the machine). Run as the postgres user when we are root
// (PostgreSQL refuses to run as root).
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  binDir: string;
  /** Stops the server (`mode`: fast closes sessions cleanly, immediate as a crash), keeps it down
   * for `downMs`, and starts it again. */
  restart(options: { downMs: number; mode?: 'fast' | 'immediate' }): Promise<void>;
  destroy(): Promise<void>;
}

/** The folder holding initdb and pg_ctl, newest version first; undefined when none is installed. */
export async function postgresBinDir(): Promise<string | undefined> {
  const base = '/usr/lib/postgresql';
  const versions = await readdir(base).catch(() => [] as string[]);
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const bin = path.join(base, version, 'bin');
    const files = await readdir(bin).catch(() => [] as string[]);
    if (files.includes('initdb') && files.includes('pg_ctl') && files.includes('postgres')) return bin;
  }
  return undefined;
}

/** A free port below the range the system hands out by itself (listen on port 0, the local end of
 * every outgoing connection). The cluster is stopped and started again on its port mid-drill: a
 * port from that range was taken meanwhile, now and then, by a connection or a server of another
 * test, and the restart failed. */
async function freePort(): Promise<number> {
  const range = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '32768 60999');
  const low = Math.max(2_000, Number(range.trim().split(/\s+/)[0]) || 32_768);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 1_024 + Math.floor(Math.random() * (low - 1_024));
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
  throw new Error('no free port below the ephemeral range for the private PostgreSQL cluster');
}

export async function startPrivateCluster(): Promise<PrivateCluster | undefined> {
  const binDir = await postgresBinDir();
  if (!binDir) return undefined;
  const dir = await mkdtemp(path.join(tmpdir(), 'quorum-drill-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  let user: { uid: number; gid: number } | undefined;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    user = { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
    await chown(dir, user.uid, user.gid);
  }
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(binDir, tool), ...args], { cwd: dir }) : run(path.join(binDir, tool), args, { cwd: dir });
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50`;
  const start = () => pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '120', 'start']);
  const stop = (mode: 'fast' | 'immediate') => pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '120', 'stop']);
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    await start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    binDir,
    restart: async ({ downMs, mode = 'fast' }) => {
      await stop(mode);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start().catch(async (error: unknown) => {
        // pg_ctl says only "examine the log output": say what the log says.
        const log = await readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '');
        throw new Error(`the private PostgreSQL cluster did not start again: ${log.trim().split('\n').slice(-5).join(' | ')}`, { cause: error });
      });
    },
    destroy: async () => {
      await stop('immediate').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
