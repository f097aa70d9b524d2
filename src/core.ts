// The core's face to the adapters: every use case, with its dependencies bound. Adapters hold a
// Core and nothing else from src/, so they can be tested with a fake one.
import { parseCommand } from './commands.ts';
import type { Actor } from './domain/platform.ts';
import type { Logger } from './logger.ts';
import type { PrismaClient } from './persistence/database.ts';
import { getHelp, type HelpResult } from './use-cases/get-help.ts';
import { recordConversation, type ConversationInput } from './use-cases/record-conversation.ts';

export type CommandResult = HelpResult;

export interface Core {
  /** Runs what someone typed after `/quorum` or to the bot. Throws AppError for bad input. */
  runCommand(input: { actor: Actor; text: string }): Promise<CommandResult>;
  recordConversation(input: ConversationInput): Promise<{ id: string; created: boolean }>;
}

export interface CoreDeps {
  prisma: PrismaClient;
  logger: Logger;
  now?: () => Date;
}

export function createCore(deps: CoreDeps): Core {
  return {
    runCommand: async ({ text }) => {
      const { spec } = parseCommand(text);
      switch (spec.words.join(' ')) {
        case 'help':
          return getHelp();
        default:
          throw new Error(`command "${spec.words.join(' ')}" is listed but has no use case`);
      }
    },
    recordConversation: (input) => recordConversation(deps, input),
  };
}
