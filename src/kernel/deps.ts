// What every use case needs, bound once at start-up (src/main.ts), and what the scheduled jobs and
// the outbox need to build the messages they send.
import type { Platform } from '../domain/platform.ts';
import type { Logger } from '../logger.ts';
import type { PrismaClient } from '../persistence/generated/client.ts';
import type { FetchModernGov } from '../features/agendas/import-moderngov-agenda.ts';
import type { Directories } from '../directory/port.ts';

/** What the messages a change causes need to know: which platforms are on, links, the clock. */
export interface DeliveryContext {
  /** Platforms whose adapters are on: agendas are posted to those channels only. */
  platforms: readonly Platform[];
  /** The address the service is reachable at, for links (calendar invites). */
  publicBaseUrl?: string;
  now: () => Date;
}

/** A command as the help card and the manifests list it. */
export interface CommandInfo {
  words: string;
  usage: string;
  description: string;
  who: 'everyone' | 'clerks';
  menu?: true;
}

export interface CoreDeps extends DeliveryContext {
  prisma: PrismaClient;
  logger: Logger;
  /** Wakes the outbox dispatcher after something was queued. */
  onQueued?: () => void;
  fetchModernGov: FetchModernGov;
  /** Each platform's directory (channel members, people by id or email), once its adapter is on. */
  directories?: Directories;
  /** Every command of this build (filled in by the router), for help. */
  catalogue: readonly CommandInfo[];
}
