// The person's own (1:1) chat with the bot: where an answer meant for one person goes when they
// asked in a channel or a group chat, since Teams has no private replies there. Teams returns the
// existing 1:1 chat when asked to create it again, and the bot may start it with anyone in a team
// or chat it is installed in; if it may not (the app is blocked or not installed for them), the
// answer is not sent anywhere else and the pointer says how to fix it.
import type { Activity, CloudAdapter, ConversationParameters, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Core } from '../../src/core.ts';
import type { Logger } from '../../src/logger.ts';
import type { Answer, PersonalDelivery } from './answer.ts';
import { conversationIdOf, conversationKindOf, tenantOf } from './conversation.ts';
import { safeError } from './errors.ts';
import { BOT_FRAMEWORK_AUDIENCE } from './messenger.ts';

export interface PersonalChatDeps {
  adapter: Pick<CloudAdapter, 'createConversationAsync'>;
  /** The bot's Microsoft App ID; empty without authentication. */
  appId: string;
  core: Pick<Core, 'recordConversation'>;
  logger: Logger;
}

export interface PersonalChat {
  /** Sends the answer to the person acting in this turn: as a reply in their personal chat (which
   * rejects as any reply does), or from a channel or group chat into it (which never rejects: how
   * it went is the pointer's to say). */
  send(context: TurnContext, answer: Answer<'person'>): Promise<PersonalDelivery>;
}

export function createPersonalChat(deps: PersonalChatDeps): PersonalChat {
  const { adapter, appId, core, logger } = deps;

  /** Keeps the 1:1 chat's reference, so the outbox can reach the person there too. */
  async function remember(turn: Partial<Activity>, chatId: string): Promise<void> {
    const person = turn.from;
    const userId = person?.aadObjectId ?? person?.id;
    const tenantId = tenantOf(turn);
    if (!userId || !turn.serviceUrl) return;
    try {
      await core.recordConversation({
        platform: 'teams',
        conversationId: chatId,
        kind: 'personal',
        serviceUrl: turn.serviceUrl,
        userId,
        ...(tenantId ? { tenantId } : {}),
        reference: {
          bot: turn.recipient,
          channelId: turn.channelId,
          serviceUrl: turn.serviceUrl,
          user: person,
          conversation: { id: chatId, conversationType: 'personal', isGroup: false, ...(tenantId ? { tenantId } : {}) },
        },
      });
    } catch (error) {
      logger.warn({ conversationId: chatId, err: safeError(error) }, 'could not record the personal chat');
    }
  }

  return {
    async send(context, answer) {
      const turn = context.activity;
      const what = { activityId: turn.id, conversationId: conversationIdOf(turn) };
      if (conversationKindOf(turn) === 'personal') {
        // A failed reply fails the turn, whose error handler apologises here, as for any reply.
        await context.sendActivity(answer.message);
        return 'sent';
      }
      const person = turn.from;
      const tenantId = tenantOf(turn);
      if (!person?.id || !turn.serviceUrl) return 'unreachable';
      const parameters = {
        isGroup: false,
        bot: turn.recipient,
        members: [{ id: person.id, name: person.name ?? '' }],
        ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
      } as ConversationParameters;
      let chatId: string | undefined;
      let failure: unknown;
      try {
        await adapter.createConversationAsync(appId, turn.channelId ?? 'msteams', turn.serviceUrl, BOT_FRAMEWORK_AUDIENCE, parameters, async (chat) => {
          // Caught here: an error thrown in this turn would go to the adapter's onTurnError, which
          // apologises in the conversation it failed in.
          try {
            chatId = chat.activity.conversation?.id;
            await chat.sendActivity(answer.message);
          } catch (error) {
            failure = error;
          }
        });
      } catch (error) {
        failure = error;
      }
      if (failure !== undefined || !chatId) {
        const delivery = classify(failure);
        logger.warn({ ...what, delivery, err: safeError(failure) }, 'could not send the answer to the personal chat');
        return delivery;
      }
      await remember(turn, chatId);
      return 'sent';
    },
  };
}

/** The Bot Connector refuses (403) a chat the bot may not start, or does not know the person
 * (404); anything else is a failure worth trying again. */
function classify(error: unknown): PersonalDelivery {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return status === 403 || status === 404 ? 'not_installed' : 'unreachable';
}

/** Whether the Bot Connector knows this person as a member of the conversation: 'unknown' when it
 * could not be asked. */
export async function membershipOf(context: TurnContext, conversationId: string, userId: string): Promise<'member' | 'not_member' | 'unknown'> {
  const connector = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
  if (!connector) return 'unknown';
  try {
    await connector.conversations.getConversationMember(conversationId, userId);
    return 'member';
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return status === 403 || status === 404 ? 'not_member' : 'unknown';
  }
}
