// The HTTP front door (front-door-worker.mjs says what it does and why): started here, on a
// thread of its own, in front of the service's HTTP app, which listens on a unix socket in a
// private folder that only this process can reach.
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Express } from 'express';
import type { Logger } from '../logger.ts';
import { deadlineIn } from '../kernel/deadline.ts';
import { within } from '../kernel/within.ts';
import { STOP_WAIT_MS } from '../platform.ts';

/** Requests on one path that the front door may answer itself: `module` (a plain JavaScript
 * module, no TypeScript loader on that thread) exports `earlyAnswer(request, options)`, which
 * returns the answer, or undefined to pass the request on. */
export interface EarlyAnswers {
  path: string;
  module: string;
  options: unknown;
  /** What is answered here goes to the service's thread as a message (FrontDoorOptions.handOver),
   * with the body `earlyAnswer` returns; otherwise over HTTP, as it came. */
  byMessage?: boolean;
}

export interface FrontDoor {
  /** The port the front door listens on (PORT=0 picks a free one). */
  port: number;
  /** The service's own HTTP server, on the unix socket. */
  server: Server;
  /** Waits (at most `waitMs`, STOP_WAIT_MS when not given) until no request is in progress, still
   * taking new ones: for a service whose requests send others to its own port (the playground's Bot
   * Connector). Event streams are not waited for. */
  drain(waitMs?: number): Promise<void>;
  /** Stops taking requests, hands the service those already answered (waiting at most `waitMs`,
   * STOP_WAIT_MS when not given; the first call's limit holds), closes the front door's connections. */
  closeDoor(waitMs?: number): Promise<void>;
  /** closeDoor(), then the service's own server (after the work it took has finished). */
  close(): Promise<void>;
  /** Tests only: the door's thread as it is now, to end it as a crash would. */
  currentThread(): Worker;
}

/** The header the front door sets to the browser's address; the service reads it with peerAddress(). */
const PEER_HEADER = 'x-quorum-peer';
/** The largest body the front door reads before deciding (Bolt's own limit; a larger one is passed on). */
const BODY_LIMIT = 4 * 1024 * 1024;

/** The address of whoever sent the request: the front door's word for it when it came through
 * the unix socket (only the front door can connect there), else the connection's own. */
export function peerAddress(req: IncomingMessage): string | undefined {
  if (req.socket.remoteAddress !== undefined) return req.socket.remoteAddress;
  const given = req.headers[PEER_HEADER];
  return Array.isArray(given) ? given[0] : given;
}

/** A request the front door answered itself, handed to the service's thread as a message: its
 * path, headers and body as the door read it (earlyAnswer's `body`). */
export interface HandedOver {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FrontDoorOptions {
  app: Express;
  host: string;
  port: number;
  early: EarlyAnswers[];
  logger: Logger;
  /** Takes the requests the door answered itself on a path marked `byMessage`, as messages (in the
   * order they came, before the door says it is drained or closed); without it they come over
   * HTTP, as any other request. */
  handOver?: (request: HandedOver) => void;
  /** Called when a door whose thread ended could not be opened again (its port taken meanwhile,
   * say): nothing listens for the service any more, and `npm start` exits 1 for its supervisor. */
  onLost?: (error: unknown) => void;
  /** Opening again: how many tries, the longest wait between two (tests shorten them). */
  reopen?: { attempts: number; maxWaitMs: number };
}

/** About a minute and a half of tries before the door is given up. */
const REOPEN = { attempts: 20, maxWaitMs: 5_000 };

export async function openFrontDoor(options: FrontDoorOptions): Promise<FrontDoor> {
  const { app, logger } = options;
  const folder = await mkdtemp(path.join(tmpdir(), 'quorum-http-'));
  const socketPath = path.join(folder, 'service.sock');
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(socketPath, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  // Longer than the front door keeps an idle connection (30 s), so that it never sends a request on
  // one this side is closing.
  server.keepAliveTimeout = 65_000;
  const closeServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(folder, { recursive: true, force: true });
  };
  let current: { worker: Worker; exited: Promise<void> };
  let port: number;
  try {
    const first = await startDoor({ ...options, port: options.port, upstream: socketPath });
    current = first;
    port = first.port;
  } catch (error) {
    await closeServer();
    throw error;
  }
  let stopping = false;
  let reopening: Promise<void> = Promise.resolve();
  /** Ends the wait between two tries to open the door again (stopping does not wait it out). */
  let wakeBackOff: (() => void) | undefined;
  // A door that stops unasked (its thread failed) is opened again on the same port, so that the
  // service is never left running with nothing listening.
  const watch = (door: { worker: Worker; exited: Promise<void> }) => {
    void door.exited.then(() => {
      if (stopping || door !== current) return;
      logger.error({ port }, 'the HTTP front door stopped unexpectedly; opening it again');
      const { attempts, maxWaitMs } = options.reopen ?? REOPEN;
      reopening = (async () => {
        let failure: unknown;
        for (let attempt = 1; !stopping; attempt++) {
          if (attempt > attempts) {
            logger.fatal({ err: failure, port }, 'the HTTP front door could not be opened again: nothing listens on the port');
            options.onLost?.(failure);
            return;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(maxWaitMs, 250 * attempt));
            timer.unref();
            wakeBackOff = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wakeBackOff = undefined;
          if (stopping) return;
          try {
            const opened = await startDoor({ ...options, port, upstream: socketPath });
            // Stopping began while it opened: it closes with the rest.
            current = opened;
            if (stopping) return;
            watch(opened);
            logger.info({ port }, 'the HTTP front door is open again');
            return;
          } catch (error) {
            failure = error;
            logger.error({ err: error, attempt }, 'the HTTP front door could not be opened again');
          }
        }
      })();
    });
  };
  watch(current);
  let closingDoor: Promise<void> | undefined;
  const closeDoor = (waitMs = STOP_WAIT_MS) =>
    (closingDoor ??= (async () => {
      stopping = true;
      const limit = deadlineIn(waitMs);
      // A door being opened again is waited for (a wait between tries ends at once; a try under way
      // is one thread starting), and then closed like any other, within the same limit.
      wakeBackOff?.();
      await reopening;
      const { worker, exited } = current;
      worker.postMessage({ type: 'close' });
      // It says when it is done; past the wait it is stopped as it is.
      const done = new Promise<void>((resolve) => worker.on('message', (message: { type: string }) => message.type === 'closed' && resolve()));
      if (!(await within(Promise.race([done, exited]).then(() => true), limit.left()))) logger.warn('the HTTP front door did not finish handing requests over in time');
      await worker.terminate();
      await exited;
    })());
  const drain = async (waitMs = STOP_WAIT_MS) => {
    // One limit for all of it, a door being opened again included (closeDoor then ends its tries).
    const limit = deadlineIn(waitMs);
    if (!(await within(reopening.then(() => true), limit.left()))) {
      logger.warn('the HTTP front door was still being opened again; stopping goes on');
      return;
    }
    const { worker, exited } = current;
    let listener: ((message: { type: string }) => void) | undefined;
    const drained = new Promise<void>((resolve) => {
      listener = (message) => message.type === 'drained' && resolve();
      worker.on('message', listener);
    });
    try {
      worker.postMessage({ type: 'drain' });
      // A thread that ends meanwhile has nothing left to wait for (a new one is opened, or none).
      if (!(await within(Promise.race([drained, exited]).then(() => true), limit.left()))) logger.warn('the HTTP front door still had requests in progress; stopping goes on');
    } finally {
      if (listener) worker.off('message', listener);
    }
  };
  let closing: Promise<void> | undefined;
  return {
    port,
    server,
    drain,
    closeDoor,
    currentThread: () => current.worker,
    close: () =>
      (closing ??= (async () => {
        await closeDoor();
        await closeServer();
      })()),
  };
}

/** Starts the door's thread; resolves once it listens, with the port it took. */
async function startDoor(options: { host: string; port: number; upstream: string; early: EarlyAnswers[]; logger: Logger; handOver?: (request: HandedOver) => void }): Promise<{ worker: Worker; exited: Promise<void>; port: number }> {
  const { logger } = options;
  // No TypeScript loader or V8 flags on this thread (it needs neither).
  const worker = new Worker(new URL('./front-door-worker.mjs', import.meta.url), {
    execArgv: [],
    // By message only where the service takes them so.
    workerData: { host: options.host, port: options.port, upstream: options.upstream, early: options.early.map((early) => ({ ...early, byMessage: early.byMessage === true && options.handOver !== undefined })), bodyLimit: BODY_LIMIT },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: { type: string; level?: 'warn' | 'error'; msg?: string; fields?: Record<string, unknown> } & Partial<HandedOver>) => {
    if (message.type === 'log' && message.level && message.msg) logger[message.level](message.fields ?? {}, message.msg);
    else if (message.type === 'handover' && message.path !== undefined && message.headers) options.handOver?.({ path: message.path, headers: message.headers, body: message.body });
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the HTTP front door stopped while starting (exit code ${code})`)));
      worker.on('message', (message: { type: string; port?: number; error?: { message: string; code?: string; syscall?: string; address?: string; port?: number } }) => {
        if (message.type === 'listening' && message.port !== undefined) resolve(message.port);
        // The same error listen() gives, so that start-up says what to do (startup-problems.ts).
        if (message.type === 'failed' && message.error) reject(Object.assign(new Error(message.error.message), message.error));
      });
    });
    worker.on('error', (error) => logger.error({ err: error }, 'the HTTP front door failed'));
    return { worker, exited, port };
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}
