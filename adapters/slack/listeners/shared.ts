// What every listener needs, and the few steps they share.
import type { webApi } from '@slack/bolt';
import type { Core } from '../../../src/core.ts';
import type { Logger } from '../../../src/logger.ts';
import type { ConversationInput } from '../../../src/features/conversations/record-conversation.ts';
import { slackErrorCode } from '../identity.ts';
import type { SlackAnswer } from '../render.ts';

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
