// The first minutes: start-up failures say what to do in one line ("port 3978 is in use: set
// PORT", "database quorum does not exist: createdb quorum"), and /healthz answers ready only once
// start-up has finished.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { get } from 'node:http';
import { createServer, type Server } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { startQuorum } from '../../../src/main.ts';
import { pgliteLockFile, type Database } from '../../../src/persistence/database.ts';
import { lockFolder } from '../../../src/persistence/folder-lock.ts';
import { startupProblem } from '../../../src/startup-problems.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../support/database.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function occupiedPort(): Promise<number> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as { port: number }).port;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** GET /healthz on a fresh connection each time (the server may close an idle one meanwhile). */
function health(port: number): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    request.on('error', () => resolve(undefined));
  });
}

async function testDb(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanups.push(() => db.destroy());
  return db;
}

describe('start-up failures', () => {
  it('a port in use: says so and what to set', async () => {
    const port = await occupiedPort();
    const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', PLAYGROUND: 'off', LOG_LEVEL: 'silent' });
    const error = await startQuorum({ config, logger: capturingLogger('silent').logger, db: await testDb(), manualScheduler: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(startupProblem(error, config)).toBe(`port ${port} is in use (another Quorum, or another program, listens there): stop it, or set PORT to a free port, e.g. PORT=${port + 1} npm start`);
  }, 120_000);

  it('an embedded database folder another Quorum holds: says whose it is and what to do, in one line', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'quorum-locked-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const held = await lockFolder(pgliteLockFile(dataDir));
    cleanups.push(() => held.release());
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLAYGROUND: 'off', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    const error = await startQuorum({ config, logger: capturingLogger('silent').logger, manualScheduler: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(startupProblem(error, config)).toBe(
      `The embedded database folder is in use by another Quorum process (pid ${process.pid}; lock file ${pgliteLockFile(dataDir)}). ` +
        'Stop that process first, or give this one its own DATA_DIR. Two processes on one PGlite folder would lose data.',
    );
  }, 120_000);

  it('no PostgreSQL server at DATABASE_URL: npm start says so in one line and exits 1', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      // eslint-disable-next-line no-restricted-syntax -- the child process needs the PATH to find its tools
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATABASE_URL: `postgres://quorum@127.0.0.1:${port}/quorum` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    const fatal = output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown })
      .find((entry) => entry.level === 60);
    expect(fatal?.msg).toBe(`Quorum could not start: no PostgreSQL server answers at 127.0.0.1:${port}: start it, or correct DATABASE_URL`);
    expect(fatal?.err).toBeUndefined();
  }, 120_000);

  it.skipIf(!testServerUrl())('a database that does not exist on the server: names it and how to create it', async () => {
    const server = new URL(testServerUrl() as string);
    const name = `quorum_missing_${randomBytes(4).toString('hex')}`;
    server.pathname = `/${name}`;
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', PLAYGROUND: 'off', LOG_LEVEL: 'silent', DATABASE_URL: server.toString() });
    const error = await startQuorum({ config, logger: capturingLogger('silent').logger, manualScheduler: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(startupProblem(error, config)).toBe(
      `database ${name} does not exist on the PostgreSQL server at ${server.hostname}:${server.port || '5432'}: createdb ${name} (or CREATE DATABASE ${name}), or point DATABASE_URL at one that does`,
    );
  }, 120_000);

  it('anything else is not dressed up', () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    expect(startupProblem(new Error('something unexpected'), config)).toBeUndefined();
    expect(startupProblem(Object.assign(new Error('listen EACCES'), { code: 'EACCES', syscall: 'listen' }), config)).toBe('port 3978 needs administrator rights on this machine: set PORT to 1024 or above, e.g. PORT=3978');
  });
});

describe('/healthz', () => {
  it('answers "starting" (503) until start-up has finished, then ready', async () => {
    const db = await testDb();
    // The playground's demo check is the last thing start-up waits for: hold it there.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const board = db.prisma.board;
    const prisma = new Proxy(db.prisma, {
      get: (target, key) => {
        if (key === 'board') return new Proxy(board, { get: (b, k) => (k === 'count' ? async (...args: Parameters<typeof board.count>) => (await held, board.count(...args)) : Reflect.get(b, k)) });
        // Everything else is the client itself ($transaction bound to it, not to this proxy).
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const port = await freePort();
    const config = loadConfig({ PORT: String(port), LOG_LEVEL: 'silent' });
    const starting = startQuorum({ config, logger: capturingLogger('silent').logger, db: { ...db, prisma } as Database, manualScheduler: true });
    let early: Awaited<ReturnType<typeof health>>;
    for (let i = 0; i < 900 && !early; i++) {
      early = await health(port);
      if (!early) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(early).toMatchObject({ status: 503, body: { status: 'starting', database: { ok: true } } });
    release();
    const quorum = await starting;
    cleanups.push(() => quorum.stop());
    expect(await health(port)).toMatchObject({ status: 200, body: { status: 'ok' } });
  }, 120_000);
});
