// The real core over a test database, driven the way the adapters drive it: commands as typed,
// form submissions and button clicks with what the platform sent. For use-case tests that need no
// platform; the end-to-end tests go through Slack and Teams themselves.
import { createCore, type Core, type Result } from '../../src/core.ts';
import type { Platform } from '../../src/domain/platform.ts';
import type { Actor } from '../../src/domain/platform.ts';
import type { FetchModernGov } from '../../src/features/agendas/import-moderngov-agenda.ts';
import type { AnswerAudience } from '../../src/kernel/feature.ts';
import { createLogger } from '../../src/logger.ts';
import type { PrismaClient } from '../../src/persistence/database.ts';

export interface Where {
  conversationId?: string;
  audience?: AnswerAudience;
}

export interface TestCore {
  core: Core;
  command(actor: Actor, text: string, where?: Where): Promise<Result>;
  submit(actor: Actor, form: string, values: Record<string, unknown>, metadata: Record<string, unknown>, where?: Where): Promise<Result>;
  click(actor: Actor, button: string, payload: unknown, where?: Where): Promise<Result>;
}

export function testCore(options: {
  prisma: PrismaClient;
  now: () => Date;
  platforms?: Platform[];
  publicBaseUrl?: string;
  fetchModernGov?: FetchModernGov;
  onQueued?: () => void;
}): TestCore {
  const core = createCore({
    prisma: options.prisma,
    logger: createLogger({ level: 'silent' }),
    platforms: options.platforms ?? ['slack', 'teams'],
    now: options.now,
    ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
    ...(options.onQueued ? { onQueued: options.onQueued } : {}),
    fetchModernGov:
      options.fetchModernGov ??
      (async () => {
        throw new Error('no ModernGov in this test');
      }),
  });
  return {
    core,
    command: (actor, text, where = {}) => core.runCommand({ actor, text, ...where }),
    submit: (actor, form, values, metadata, where = {}) => core.submitForm({ actor, form, values, metadata, ...where }),
    click: (actor, button, payload, where = {}) => core.clickButton({ actor, button, payload, ...where }),
  };
}

/** Narrows a result to one kind, failing the test clearly otherwise. */
export function as<K extends Result['kind']>(kind: K, result: Result): Extract<Result, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected a "${kind}" result, got "${result.kind}"`);
  return result as Extract<Result, { kind: K }>;
}
