// What the composition root needs of a chat platform adapter. Implemented in adapters/.
import type { Messenger } from './delivery/port.ts';
import type { Directory } from './directory/port.ts';
import type { EarlyAnswers } from './http/front-door.ts';
import type { ComponentState, HttpMount } from './http/server.ts';
import { within } from './kernel/within.ts';
import type { Logger } from './logger.ts';

export interface PlatformAdapter {
  readonly platform: 'slack' | 'teams';
  /** Sends the outbox's messages on this platform. */
  readonly messenger?: Messenger;
  /** Who is in a channel, who a user id or an email address is, on this platform. */
  readonly directory?: Directory;
  /** Routes to mount on the service's HTTP server (none in Slack Socket Mode). */
  readonly mounts: HttpMount[];
  /** Requests the HTTP front door may acknowledge itself, on its own thread (front-door.ts). */
  readonly earlyAnswers?: EarlyAnswers;
  /** For /healthz. */
  state(): ComponentState;
  /** Connects outward where needed (Socket Mode); HTTP routes work without it. */
  start(): Promise<void>;
  /** Waits for the work that requests already answered started (at most ADAPTER_STOP_WAIT_MS,
   * what is left logged): Slack's acknowledged clicks and commands, Teams' answers that outran
   * their invoke. stop() does it too; the playground's stop calls it while its port is still open. */
  finishWork(): Promise<void>;
  /** finishWork(), then lets go of what start() took; before the database closes. */
  stop(): Promise<void>;
}

/** How long an adapter waits for work already acknowledged when stopping: a request stuck on the
 * network or on a database that does not answer must not hold the shutdown for ever. */
export const ADAPTER_STOP_WAIT_MS = 10_000;

/** Waits for `work` at most `ms`; if it is not done by then, logs `message` with what `left` says. */
export async function finishWithin(work: Promise<unknown>, ms: number, logger: Logger, message: string, left: () => Record<string, unknown>): Promise<void> {
  const finished = await within(work.then(() => true), ms);
  if (!finished) logger.warn(left(), message);
}
