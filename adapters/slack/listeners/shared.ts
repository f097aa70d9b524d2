// What every listener needs, and the few steps they share.
import type { webApi } from '@slack/bolt';
import type { Core } from '../../../src/core.ts';
import type { Logger } from '../../../src/logger.ts';
import type { ConversationInput } from '../../../src/features/conversations/record-conversation.ts';
import { slackErrorCode } from '../identity.ts';
import { renderHome, type SlackAnswer } from '../render.ts';
import { slackActor } from '../translate.ts';

export interface ListenerDeps {
  core: Core;
  logger: Logger;
}

/** Records where the bot can speak. A failure is logged; the person's request goes on. */
export async function rememberConversation(deps: ListenerDeps, input: ConversationInput): Promise<void> {
  try {
    const saved = await deps.core.recordConversation(input);
    if (saved.created) deps.logger.info({ conversationId: input.conversationId, kind: input.kind }, 'conversation recorded');
  } catch (error) {
    deps.logger.error({ err: error, conversationId: input.conversationId }, 'could not record the conversation');
  }
}

/** Opens a form in a modal. Returns undefined when it opened, or what to tell the person. */
export async function openForm(
  client: webApi.WebClient,
  triggerId: string | undefined,
  reply: Extract<SlackAnswer, { kind: 'form' }>,
  logger: Logger,
  what: Record<string, unknown>,
): Promise<string | undefined> {
  if (!triggerId) return 'That opens a form, which needs the /quorum command: type it there instead.';
  try {
    await client.views.open({ trigger_id: triggerId, view: reply.view });
    return undefined;
  } catch (error) {
    const code = slackErrorCode(error);
    logger.warn({ ...what, err: error, slackError: code }, 'could not open the form');
    return code === 'expired_trigger_id'
      ? 'The form took too long to open. Please run the command again.'
      : 'Slack would not open the form. Please run the command again in a moment.';
  }
}

/** Publishes the person's Home tab: their upcoming meetings (with their replies), their open
 * actions (with an owner's buttons) and what Quorum can do. Rejects when their meetings cannot be
 * read or Slack refuses. */
export async function publishHome(deps: ListenerDeps, client: webApi.WebClient, userId: string, teamId: string | undefined): Promise<void> {
  const actor = slackActor({ userId, teamId });
  // Their actions failing to load leaves them off the tab, not the whole tab.
  const actions = deps.core.myActions(actor).catch((error: unknown) => {
    deps.logger.error({ err: error, userId }, 'could not list the person\u2019s actions for the Home tab');
    return undefined;
  });
  const [meetings, mine] = await Promise.all([deps.core.upcomingMeetings(actor), actions]);
  const help = { kind: 'help' as const, commands: deps.core.catalogue };
  await client.views.publish({ user_id: userId, view: renderHome({ help, meetings, ...(mine ? { actions: mine } : {}) }) });
}
