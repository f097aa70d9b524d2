// The embedded PGlite, run in a worker thread so that its work (WebAssembly, synchronous while a
// statement runs) never blocks the HTTP server's event loop. It is served over the PostgreSQL
// protocol on a unix socket (@electric-sql/pglite-socket), so the service reaches it with
// node-postgres and @prisma/adapter-pg exactly as it reaches a PostgreSQL server.
// Plain JavaScript: a worker is started by Node itself, without the TypeScript loader.
import { Blob } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { nameThisThread } from '../kernel/thread-name.mjs';

/** @type {{ dataDir?: string; socketPath: string; image?: Uint8Array; maxConnections: number; pgliteWasmModule?: WebAssembly.Module; initdbWasmModule?: WebAssembly.Module }} */
const options = workerData;
nameThisThread('quorum-db');

async function open() {
  // PostgreSQL's default 128 MB of shared buffers is allocated and touched at start inside the
  // WebAssembly memory, so it is resident for the life of the process; a board's whole database is
  // a few megabytes, and 16 MB of buffers holds it with room to spare (about 110 MiB less RSS).
  const pgliteOptions = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };
  if (options.dataDir) pgliteOptions.dataDir = options.dataDir;
  // Compiled once by the service's thread for every worker it starts (database.ts).
  if (options.pgliteWasmModule) pgliteOptions.pgliteWasmModule = options.pgliteWasmModule;
  if (options.initdbWasmModule) pgliteOptions.initdbWasmModule = options.initdbWasmModule;
  // A migrated image (a tar of a data folder, as dumpDataDir writes it) to start from.
  if (options.image) pgliteOptions.loadDataDir = new Blob([options.image]);
  const db = await PGlite.create(pgliteOptions);
  const server = new PGLiteSocketServer({ db, path: options.socketPath, maxConnections: options.maxConnections });
  await server.start();
  return { db, server };
}

let opened;
try {
  opened = await open();
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

parentPort.on('message', async (message) => {
  try {
    if (message.type === 'dump') {
      const tar = await opened.db.dumpDataDir('none');
      const bytes = new Uint8Array(await tar.arrayBuffer());
      parentPort.postMessage({ type: 'dumped', id: message.id, bytes }, [bytes.buffer]);
    } else if (message.type === 'disconnect') {
      // Fault drills (test/support/drills): every client connection is dropped at once, as when a
      // server restarts or the network cuts them; each one's open transaction is rolled back.
      // pglite-socket keeps its connections in a private field (checked, not assumed).
      const handlers = opened.server.handlers;
      if (!(handlers instanceof Set)) throw new Error('this version of pglite-socket does not expose its connections');
      const dropped = [...handlers];
      await Promise.all(dropped.map((handler) => handler.detach(true)));
      parentPort.postMessage({ type: 'disconnected', id: message.id, count: dropped.length });
    } else if (message.type === 'close') {
      await opened.server.stop();
      await opened.db.close();
      parentPort.postMessage({ type: 'closed', id: message.id });
      parentPort.close();
    }
  } catch (error) {
    parentPort.postMessage({
      type: 'error',
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
