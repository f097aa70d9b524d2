// What the composition root needs of a chat platform adapter. Implemented in adapters/.
import type { Messenger } from './delivery/port.ts';
import type { Directory } from './directory/port.ts';
import type { EarlyAnswers } from './http/front-door.ts';
import type { ComponentState, HttpMount } from './http/server.ts';

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
  stop(): Promise<void>;
}
