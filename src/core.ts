// The core's face to the adapters: every use case, with its dependencies bound. Adapters hold a
// Core and nothing else from src/, so they can be tested with a fake one.
import { parseCommand } from './commands.ts';
import type { Actor } from './domain/platform.ts';
import { AppError, ErrorCode } from './errors.ts';
import type { Logger } from './logger.ts';
import type { PrismaClient } from './persistence/database.ts';
import { getOutboxStatus, type OutboxStatusResult } from './use-cases/delivery/get-outbox-status.ts';
import { retryMessage } from './use-cases/delivery/retry-message.ts';
import { getHelp, type HelpResult } from './use-cases/get-help.ts';
import { recordConversation, type ConversationInput } from './use-cases/record-conversation.ts';

/** What a command or a click produces; the adapters render it with the cards. */
export type CommandResult = HelpResult | OutboxStatusResult;

export interface CommandInput {
  actor: Actor;
  /** What the person typed after `/quorum` or to the bot. */
  text: string;
  /** The Slack channel or Teams conversation it was typed in. */
  conversationId?: string;
}

export interface ActionInput {
  actor: Actor;
  /** The button's action id (Slack action_id, Teams Action.Execute verb), e.g. "outbox.retry". */
  action: string;
  /** The button's payload, as the card put it there; validated by the use case. */
  payload: unknown;
  conversationId?: string;
}

export interface Core {
  /** Runs a command. Throws AppError for bad input or missing permission. */
  runCommand(input: CommandInput): Promise<CommandResult>;
  /** Handles a button click; the result replaces the card that was clicked. Throws AppError. */
  runAction(input: ActionInput): Promise<CommandResult>;
  recordConversation(input: ConversationInput): Promise<{ id: string; created: boolean }>;
}

export interface CoreDeps {
  prisma: PrismaClient;
  logger: Logger;
  /** Wakes the outbox dispatcher after something was queued. */
  onQueued?: () => void;
}

type ActionHandler = (deps: CoreDeps, input: ActionInput) => Promise<CommandResult>;

const ACTIONS: Record<string, ActionHandler> = {
  'outbox.retry': async (deps, input) => {
    const outboxId = (input.payload as { outboxId?: unknown } | null)?.outboxId;
    const { boardId } = await retryMessage(deps, { actor: input.actor, outboxId: String(outboxId ?? '') });
    const board = await deps.prisma.board.findUniqueOrThrow({ where: { id: boardId } });
    return getOutboxStatus(deps, { actor: input.actor, slug: board.slug });
  },
};

export function createCore(deps: CoreDeps): Core {
  return {
    runCommand: async ({ actor, text, conversationId }) => {
      const command = parseCommand(text);
      const context = {
        actor,
        ...(conversationId ? { conversationId } : {}),
        ...(command.board ? { slug: command.board } : {}),
      };
      switch (command.spec.words.join(' ')) {
        case 'help':
          return getHelp();
        case 'outbox':
          return getOutboxStatus(deps, context);
        default:
          throw new Error(`command "${command.spec.words.join(' ')}" is listed but has no use case`);
      }
    },
    runAction: async (input) => {
      const handler = ACTIONS[input.action];
      if (!handler) throw new AppError(ErrorCode.UNKNOWN_ACTION, 'That button is no longer supported. Run the command again for a fresh card.');
      return handler(deps, input);
    },
    recordConversation: (input) => recordConversation(deps, input),
  };
}
