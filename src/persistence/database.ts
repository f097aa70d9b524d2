// Opens the database the configuration names: the embedded PGlite in a local folder (the
// default, nothing to install) or a PostgreSQL server. Both are reached the same way, through
// node-postgres and Prisma's pg adapter: PGlite runs in a worker thread and is served over the
// PostgreSQL protocol on a private unix socket, so its work never blocks the HTTP server.
// The drivers are loaded when a database is opened, not when this module is imported.
import { access, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Pool, PoolConfig } from 'pg';
import type { Logger } from '../logger.ts';
import type { PrismaClient } from './generated/client.ts';
import { lockFolder, type FolderLock } from './folder-lock.ts';
import { migrate, type MigrationResult } from './migrator.ts';
import { oneQueryAtATime } from './one-query-at-a-time.ts';
import { pgConnection, type SqlConnection } from './sql.ts';

export type { PrismaClient } from './generated/client.ts';

/** no dataDir: in memory (tests); image: a data folder tar (dumpDataDir) to start from;
 * creating: told when dataDir holds no database yet and one is about to be made there */
type PgliteTarget = { kind: 'pglite'; dataDir?: string; image?: Uint8Array; creating?: () => void };

export type DatabaseTarget = PgliteTarget | { kind: 'postgres'; url: string; schema?: string };

export interface Database {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  sql: SqlConnection;
  /** Applies pending migrations. */
  migrate(logger?: Logger): Promise<MigrationResult>;
  /** A cheap round trip, for /healthz. */
  ping(): Promise<{ ok: true; ms: number } | { ok: false; error: string }>;
  /** PGlite only: the whole data folder as a tar, to start other instances from (test templates). */
  dumpImage?(): Promise<Uint8Array>;
  /** PGlite only: drops every client connection to the embedded server at once, as a server
   * restart would (fault drills; on PostgreSQL, pg_terminate_backend does it). Returns how many. */
  dropConnections?(): Promise<number>;
  close(): Promise<void>;
}

/** Changes to one agenda (or one board's meetings) lock its row and take their turn, so a burst of
 * them queues: each may wait for a connection and the lock longer than Prisma's defaults (2 s to
 * start, 5 s to finish), which failed the late ones of 60 forms sent together. */
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

/** The lock file beside a PGlite data folder; one process at a time may hold it. */
export function pgliteLockFile(dataDir: string): string {
  return path.resolve(dataDir, 'pglite.lock');
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') return openPglite(target);
  return openPool(
    'postgres',
    {
      connectionString: target.url,
      max: 10,
      ...(target.schema ? { options: `-c search_path=${quoteIdent(target.schema)}` } : {}),
    },
    target.schema,
  );
}

async function openPool(
  kind: Database['kind'],
  config: PoolConfig,
  schema: string | undefined,
  extra: { close?: () => Promise<void>; dumpImage?: () => Promise<Uint8Array>; dropConnections?: () => Promise<number> } = {},
): Promise<Database> {
  const [{ default: pg }, { PrismaPg }, { PrismaClient }] = await Promise.all([
    import('pg'),
    import('@prisma/adapter-pg'),
    import('./generated/client.ts'),
  ]);
  const pool: Pool = new pg.Pool({ ...config, Client: oneQueryAtATime(pg.Client) });
  // An idle client losing its server connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // errorFormat 'minimal' (Prisma's own default under NODE_ENV=production, set here whatever the
  // environment): otherwise Prisma makes an Error on every call to point a failure at its caller,
  // and reads its stack, source maps and all, when a call fails (measured under the ack bench's
  // bursts: about 2% of the main thread's work, and a 37 ms pause at the first failing call,
  // while acks waited). Failures keep their code and message.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined), transactionOptions: TRANSACTION_OPTIONS, errorFormat: 'minimal' });
  const sql = pgConnection(pool);
  return {
    kind,
    prisma,
    sql,
    migrate: (logger) => migrate(sql, logger ? { logger } : {}),
    ping: async () => {
      const started = performance.now();
      try {
        await sql.query('SELECT 1');
        return { ok: true, ms: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    ...(extra.dumpImage ? { dumpImage: extra.dumpImage } : {}),
    ...(extra.dropConnections ? { dropConnections: extra.dropConnections } : {}),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      await extra.close?.();
    },
  };
}

async function openPglite(target: PgliteTarget): Promise<Database> {
  // Before the folder is locked: a failure here leaves nothing to undo.
  const modules = await pgliteModules();
  let lock: FolderLock | undefined;
  let dataDir: string | undefined;
  if (target.dataDir) {
    await mkdir(target.dataDir, { recursive: true });
    lock = await lockFolder(pgliteLockFile(target.dataDir));
    dataDir = path.resolve(target.dataDir, 'pglite');
    await mkdir(dataDir, { recursive: true });
  }
  // A private folder (0700, from mkdtemp) for the socket: only this user can connect.
  // node-postgres finds a server's socket as <host>/.s.PGSQL.<port>.
  const socketDir = await mkdtemp(path.join(tmpdir(), 'quorum-pglite-'));
  const workerData = {
    ...(dataDir ? { dataDir } : {}),
    ...(target.image ? { image: target.image } : {}),
    socketPath: path.join(socketDir, '.s.PGSQL.5432'),
    maxConnections: 4,
    ...modules,
  };
  let worker: PgliteWorker | undefined;
  try {
    const fresh = dataDir !== undefined && !(await exists(path.join(dataDir, 'PG_VERSION')));
    if (fresh) target.creating?.();
    worker = await PgliteWorker.start(workerData);
    if (fresh) {
      // Creating a data folder runs initdb in a WebAssembly instance of its own, which stays
      // resident (about 400 MiB) for as long as its thread lives: start again on the new folder.
      await worker.close();
      worker = await PgliteWorker.start(workerData);
    }
    const running = worker;
    return await openPool(
      'pglite',
      // One connection: PGlite is a single session, and pglite-socket interleaves the
      // extended-protocol messages of concurrent connections. The pool queues the callers.
      { host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 },
      undefined,
      {
        dumpImage: () => running.dump(),
        dropConnections: () => running.disconnect(),
        close: async () => {
          await running.close();
          await rm(socketDir, { recursive: true, force: true });
          await lock?.release();
        },
      },
    );
  } catch (error) {
    await worker?.close().catch(() => undefined);
    await rm(socketDir, { recursive: true, force: true });
    await lock?.release();
    throw error;
  }
}

/** PGlite's WebAssembly, compiled once per process and handed to each worker that opens a
 * database: a worker would otherwise compile it again (measured: opening a database from an
 * image took 1.7 s of CPU, 0.8 s with the module shared; a fresh folder's set-up opens two, and
 * the test suite one per file). A compiled module is shared by the threads of a process. */
let compiled: Promise<{ pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module }> | undefined;
/** Node's WebAssembly global (TypeScript declares its value only with the DOM library). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;
function pgliteModules() {
  // require.resolve, not import.meta.resolve: vitest's module runner (the tests' global setup) has no import.meta.resolve.
  const compile = async (name: string) => wasm.compile(await readFile(createRequire(import.meta.url).resolve(`@electric-sql/pglite/${name}`)));
  compiled ??= Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]).then(
    ([pgliteWasmModule, initdbWasmModule]) => ({ pgliteWasmModule, initdbWasmModule }),
    (error: unknown) => {
      compiled = undefined; // not remembered: the next open tries again
      throw error;
    },
  );
  return compiled;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'dumped'; id: number; bytes: Uint8Array }
  | { type: 'closed'; id: number }
  | { type: 'disconnected'; id: number; count: number }
  | { type: 'error'; id: number; message: string };

/** The worker thread that owns the PGlite instance (src/persistence/pglite-worker.mjs). */
class PgliteWorker {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<void>;
  private dead = false;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (reply: WorkerReply) => {
      if (!('id' in reply)) return;
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.type === 'error') waiter?.reject(new Error(reply.message));
      else waiter?.resolve(reply);
    });
    worker.on('exit', (code) => {
      this.dead = true;
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`the PGlite worker stopped (exit code ${code})`));
      this.waiting.clear();
    });
  }

  static async start(data: { dataDir?: string; image?: Uint8Array; socketPath: string; maxConnections: number; pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module }) {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: data });
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the PGlite worker stopped while starting (exit code ${code})`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', (reply: WorkerReply) => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        if (reply.type === 'ready') resolve();
        else reject(new Error(`PGlite could not open: ${reply.type === 'failed' ? reply.message : reply.type}`));
      });
    });
    // Errors after start (say the worker runs out of memory) surface as failed queries and in /healthz.
    worker.on('error', () => undefined);
    return new PgliteWorker(worker);
  }

  private request(type: 'dump' | 'close' | 'disconnect'): Promise<WorkerReply> {
    const id = this.nextId++;
    if (this.dead) return Promise.reject(new Error('the PGlite worker has stopped'));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ type, id });
    });
  }

  async dump(): Promise<Uint8Array> {
    const reply = await this.request('dump');
    if (reply.type !== 'dumped') throw new Error(`unexpected reply from the PGlite worker: ${reply.type}`);
    return reply.bytes;
  }

  async disconnect(): Promise<number> {
    const reply = await this.request('disconnect');
    if (reply.type !== 'disconnected') throw new Error(`unexpected reply from the PGlite worker: ${reply.type}`);
    return reply.count;
  }

  private closing: Promise<void> | undefined;
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.request('close');
      } catch {
        // Already stopped: nothing to close.
      }
      await this.exited;
    })();
    return this.closing;
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
