// The Teams bot: thin. A message becomes a core command and its result a card; being added to a
// team, a chat or a person's 1:1 records where the bot can speak later; a card button is routed by
// its verb (card-actions.ts). No business rules here.
//
// Who reads the answer (answer.ts): in the person's own chat, they alone; in a channel or a group
// chat, everyone. Teams has no private replies there, so a command typed in one is run for the
// person (audience 'person') and its answer goes to their personal chat, with a one-line pointer
// where they typed it. Only help and a mistake in what was typed are answered where they were asked.
import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { ConversationReference } from 'botbuilder';
import type { Core, Result } from '../../src/core.ts';
import { isAppError } from '../../src/errors.ts';
import type { InFlight } from '../../src/kernel/in-flight.ts';
import type { Logger } from '../../src/logger.ts';
import { answerForPerson, apologyForEveryone, helpForEveryone, pointerForEveryone, refusal, type AnyAnswer } from './answer.ts';
import { runCardAction } from './card-actions.ts';
import { FETCH_TASK, runMessageAction, SUBMIT_ACTION } from './message-actions.ts';
import { actorOf, botWasAdded, commandTextOf, conversationIdOf, filesOf, mentionsOf, conversationKindOf, conversationToRecord } from './conversation.ts';
import { safeError } from './errors.ts';
import type { PersonalChat } from './personal-chat.ts';
import { renderResult } from './render.ts';

export { UNEXPECTED_ERROR_TEXT } from './answer.ts';

export interface TeamsBotDeps {
  core: Core;
  logger: Logger;
  /** Where answers for one person go from a channel or group chat. */
  personalChat: PersonalChat;
  /** Runs `logic` in a new turn of a conversation: a card action's answer that outran its invoke. */
  continueTurn(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  /** Answers on their way after their invoke was answered (card-actions.ts, message-actions.ts). */
  later: InFlight;
  /** Tests: how long an invoke waits for the core (card-actions.ts INVOKE_BUDGET_MS). */
  invokeBudgetMs?: number;
}

export class QuorumTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.remember(context, 'message');
      await this.deliver(context, await this.answer(context));
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      if (botWasAdded(context.activity)) await this.remember(context, 'added');
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context, 'installed');
      // In a person's own chat with the bot: their upcoming meetings, then what it can do.
      if (context.activity.conversation?.conversationType === 'personal') await this.welcome(context);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    // Universal Actions, and the one message action (message-actions.ts), are the only invokes
    // Quorum offers. botbuilder's handlers for the others (task modules, other message extension
    // invokes, file consent, sign-in...) read the invoke's value without checking it, so a
    // malformed one failed the turn; they are answered 501, as botbuilder's own defaults would.
    if (context.activity.name === FETCH_TASK || context.activity.name === SUBMIT_ACTION) return runMessageAction(this.deps, context);
    if (context.activity.name !== 'adaptiveCard/action') return { status: 501 };
    const body = await runCardAction(this.deps, context);
    return { status: 200, body };
  }

  /** Runs what was typed, for the person who typed it, and renders the result for whoever may read
   * it; never rejects. */
  private async answer(context: TurnContext): Promise<AnyAnswer> {
    const activity = context.activity;
    const where = conversationKindOf(activity) === 'personal' ? 'personal' : 'shared';
    const what = { activityId: activity.id, conversationId: conversationIdOf(activity) };
    let result: Result;
    try {
      result = await this.deps.core.runCommand({
        actor: actorOf(activity),
        text: commandTextOf(activity),
        mentions: mentionsOf(activity),
        // Files are taken in the personal chat only (the manifest's supportsFiles is personal).
        ...(where === 'personal' ? { files: filesOf(activity) } : {}),
        conversationId: conversationIdOf(activity),
        audience: 'person',
      });
    } catch (error) {
      if (isAppError(error)) {
        this.deps.logger.info({ ...what, code: error.code, reason: error.log }, 'command refused');
        return refusal(error, where);
      }
      this.deps.logger.error({ ...what, err: safeError(error) }, 'command failed');
      return apologyForEveryone();
    }
    try {
      if (where === 'shared' && result.kind === 'help') return helpForEveryone(result);
      // A form asked for here is filled in in the personal chat: it carries where it was asked.
      return answerForPerson(result, where === 'shared' ? conversationIdOf(activity) : undefined);
    } catch (error) {
      this.deps.logger.error({ ...what, rendering: result.kind, err: safeError(error) }, 'could not render the result');
      return apologyForEveryone();
    }
  }

  /** An answer for everyone is a reply here; one for the person goes to their personal chat, with
   * a pointer here when here is not it. */
  private async deliver(context: TurnContext, answer: AnyAnswer): Promise<void> {
    if (answer.audience === 'conversation') {
      await context.sendActivity(answer.message);
      return;
    }
    const delivery = await this.deps.personalChat.send(context, answer);
    if (conversationKindOf(context.activity) === 'personal') return;
    await context.sendActivity(pointerForEveryone(delivery, context.activity.from?.name).message);
  }

  /** What the Slack Home tab shows, in the person's own chat: their upcoming meetings (with their
   * replies), their open actions if they have any (with an owner's buttons), then what Quorum can do. */
  private async welcome(context: TurnContext): Promise<void> {
    try {
      const actor = actorOf(context.activity);
      // Their actions failing to load leaves them out of the welcome, not the whole welcome.
      const actions = this.deps.core.myActions(actor).catch((error: unknown) => {
        this.deps.logger.error({ err: safeError(error) }, 'could not list the person\u2019s actions for the welcome');
        return undefined;
      });
      const [meetings, mine] = await Promise.all([this.deps.core.upcomingMeetings(actor), actions]);
      await context.sendActivities([
        renderResult(meetings),
        ...(mine && mine.actions.length > 0 ? [renderResult(mine)] : []),
        renderResult({ kind: 'help', commands: this.deps.core.catalogue }),
      ]);
    } catch (error) {
      this.deps.logger.error({ err: safeError(error) }, 'could not send the welcome');
    }
  }

  /** Records (or refreshes) the conversation's reference. A failure is logged; the turn goes on. */
  private async remember(context: TurnContext, why: 'message' | 'added' | 'installed'): Promise<void> {
    const input = conversationToRecord(context.activity);
    if (!input) return;
    try {
      const saved = await this.deps.core.recordConversation(input);
      if (saved.ignored) {
        // The conversation belongs to another tenant: its stored reference is left as it was.
        this.deps.logger.warn({ conversationId: input.conversationId, tenantId: input.tenantId, why }, 'conversation stored for another tenant: not re-pointed');
        return;
      }
      if (saved.created || why !== 'message') {
        this.deps.logger.info({ conversationId: input.conversationId, kind: input.kind, why, created: saved.created }, 'conversation recorded');
      }
    } catch (error) {
      this.deps.logger.error({ conversationId: input.conversationId, err: safeError(error) }, 'could not record the conversation');
    }
  }
}
