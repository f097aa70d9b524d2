// The core's face to the adapters: every use case, with its dependencies bound. Adapters hold a
// Core and nothing else from src/, so they can be tested with a fake one.
import { parseCommand } from './commands.ts';
import { runAction, type ActionInput } from './core/actions.ts';
import { COMMAND_HANDLERS } from './core/commands.ts';
import type { CoreDeps } from './core/context.ts';
import { forAudience, type Audience } from './core/audience.ts';
import { submitForm, type FormSubmission } from './core/forms.ts';
import type { CommandResult } from './core/results.ts';
import type { Actor } from './domain/platform.ts';
import { listUpcomingMeetings, type UpcomingMeetingsResult } from './use-cases/meetings/upcoming-meetings.ts';
import { recordConversation, type ConversationInput, type RecordConversationResult } from './use-cases/record-conversation.ts';

export type { CommandResult, FormId, FormRequest, NoticeResult } from './core/results.ts';
export type { ActionInput } from './core/actions.ts';
export type { FormSubmission } from './core/forms.ts';
export type { CoreDeps } from './core/context.ts';
export type { Audience } from './core/audience.ts';

export interface CommandInput {
  actor: Actor;
  /** Who sees the answer: the person alone (Slack's ephemeral answers, a personal chat) or
   * everyone in the conversation (a Teams channel). Exempt business is hidden from the latter. */
  audience?: Audience;
  /** What the person typed after `/quorum` or to the bot. */
  text: string;
  /** The Slack channel or Teams conversation it was typed in. */
  conversationId?: string;
}

export interface Core {
  /** Runs a command. Throws AppError for bad input or missing permission. */
  runCommand(input: CommandInput): Promise<CommandResult>;
  /** Handles a button click; the result replaces the card clicked, or opens a form. */
  runAction(input: ActionInput): Promise<CommandResult>;
  /** Handles a form submission. Throws AppError with fieldErrors for bad fields. */
  submitForm(input: FormSubmission): Promise<CommandResult>;
  /** The person's upcoming meetings, for Slack App Home and the Teams personal chat. */
  upcomingMeetings(actor: Actor): Promise<UpcomingMeetingsResult>;
  /** Refuses (`ignored`) to re-point a conversation stored for another tenant or workspace. */
  recordConversation(input: ConversationInput): Promise<RecordConversationResult>;
}

export function createCore(deps: CoreDeps): Core {
  return {
    runCommand: async ({ actor, text, conversationId, audience }) => {
      const command = parseCommand(text);
      const key = command.spec.words.join(' ');
      const handler = COMMAND_HANDLERS[key];
      if (!handler) throw new Error(`command "${key}" is listed but has no handler`);
      const result = await handler(deps, {
        actor,
        rest: command.rest,
        ...(conversationId ? { conversationId } : {}),
        ...(command.board ? { slug: command.board } : {}),
      });
      return forAudience(deps.prisma, result, audience, conversationId);
    },
    runAction: async (input) => forAudience(deps.prisma, await runAction(deps, input), input.audience, input.conversationId),
    submitForm: async (input) => forAudience(deps.prisma, await submitForm(deps, input), input.audience, input.conversationId),
    upcomingMeetings: (actor) => listUpcomingMeetings(deps, { actor }),
    recordConversation: (input) => recordConversation(deps, input),
  };
}
