// What every use case behind the core needs, bound once at start-up.
import type { Platform } from '../domain/platform.ts';
import type { Logger } from '../logger.ts';
import type { PrismaClient } from '../persistence/generated/client.ts';
import type { FetchModernGov } from '../use-cases/meetings/agenda-import.ts';

export interface CoreDeps {
  prisma: PrismaClient;
  logger: Logger;
  /** Platforms whose adapters are on: agendas are posted to those channels only. */
  platforms: readonly Platform[];
  publicBaseUrl?: string;
  now: () => Date;
  /** Wakes the outbox dispatcher after something was queued. */
  onQueued?: () => void;
  fetchModernGov: FetchModernGov;
}
