// What the composition root needs of a chat platform adapter. Implemented in adapters/.
import type { Messenger } from './delivery/port.ts';
import type { Directory } from './directory/port.ts';
import type { EarlyAnswers, HandedOver } from './http/front-door.ts';
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
  /** Takes a request the front door answered itself on `earlyAnswers.path`, as a message. */
  handOver?(request: HandedOver): void;
  /** For /healthz. */
  state(): ComponentState;
  /** Connects outward where needed (Socket Mode); HTTP routes work without it. */
  start(): Promise<void>;
  /** Waits for the work that requests already answered started (at most `waitMs`, STOP_WAIT_MS
   * when not given; what is left is logged): Slack's acknowledged clicks and commands, Teams' answers
   * that outran their invoke. stop() does it too; the playground's stop calls it while its port is
   * still open. */
  finishWork(waitMs?: number): Promise<void>;
  /** finishWork(waitMs), then lets go of what start() took; before the database closes. */
  stop(waitMs?: number): Promise<void>;
}

/** How long a stop waits, in all, for work in progress (the scheduler's tick, the dispatcher's sends,
 * the requests the front door is handing over, the adapters' work already acknowledged): a request
 * stuck on the network or on a database that does not answer must not hold the shutdown for ever,
 * and a supervisor kills a process that takes too long (`docker stop` after 10 s, systemd after 90).
 * Each step waits for what is left of it (src/main.ts); an adapter stopped alone waits this long. */
export const STOP_WAIT_MS = 10_000;

/** Waits for `work` at most `ms`; if it is not done by then, logs `message` with what `left` says. */
export async function finishWithin(work: Promise<unknown>, ms: number, logger: Logger, message: string, left: () => Record<string, unknown> = () => ({})): Promise<void> {
  const finished = await within(work.then(() => true), ms);
  if (!finished) logger.warn(left(), message);
}
