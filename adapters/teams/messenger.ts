// The outbox's Teams side: proactive posts to channels and 1:1 chats through stored conversation
// references, and card updates in place, with failures classified for the dispatcher.
import type { Attachment, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import {
  classified,
  DeliveryFailure,
  type DeliveryTarget,
  type Messenger,
  type OutboundMessage,
  type SentMessage,
} from '../../src/delivery/port.ts';

export interface TeamsRendered {
  /** Fallback text for notifications, plain (sent with textFormat "plain"). */
  text: string;
  attachment: Attachment;
}

export interface TeamsMessengerOptions {
  adapter: CloudAdapter;
  /** The bot's Microsoft App ID; empty when running without authentication (emulator). */
  appId: string;
  render: (messages: OutboundMessage[]) => TeamsRendered;
}

export const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export function createTeamsMessenger(options: TeamsMessengerOptions): Messenger {
  const { adapter, appId, render } = options;

  async function inConversation<T>(reference: Partial<ConversationReference>, work: (context: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    let failure: unknown;
    await call(() =>
      adapter.continueConversationAsync(appId, reference, async (context) => {
        // The adapter hands errors thrown here to its onTurnError (which apologises to people);
        // the outbox must see them instead, so they are caught and rethrown outside the turn.
        try {
          result = await work(context);
        } catch (error) {
          failure = error;
        }
      }),
    );
    if (failure !== undefined) throw classifyTeamsError(failure);
    return result as T;
  }

  /** A 1:1 chat with the person: their own stored personal chat, or a new one created through any
   * conversation of their tenant (someone else's 1:1 chat only lends its address and tenant: a
   * message is never posted into it). */
  async function personalReference(target: DeliveryTarget, reference: Partial<ConversationReference>): Promise<Partial<ConversationReference>> {
    const theirs = reference.user?.aadObjectId === target.id || reference.user?.id === target.id;
    if (reference.conversation?.conversationType === 'personal' && theirs) return reference;
    const tenantId = reference.conversation?.tenantId;
    let created: Partial<ConversationReference> | undefined;
    await call(() =>
      adapter.createConversationAsync(
        appId,
        reference.channelId ?? 'msteams',
        reference.serviceUrl ?? '',
        BOT_FRAMEWORK_AUDIENCE,
        {
          isGroup: false,
          bot: reference.bot as never,
          members: [{ id: target.id, name: '' }],
          ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
        } as never,
        async (context) => {
          created = referenceOf(context);
        },
      ),
    );
    if (!created) throw new DeliveryFailure('transient', 'no_conversation', 'Teams did not return a chat for this person');
    return created;
  }

  return {
    platform: 'teams',
    async send(target, messages) {
      if (!target.reference) throw new DeliveryFailure('permanent', 'no_conversation_reference', 'Quorum has not been installed where it can reach this conversation in Teams');
      const stored = target.reference as Partial<ConversationReference>;
      const reference = target.kind === 'user' ? await personalReference(target, stored) : stored;
      const rendered = render(messages);
      const id = await inConversation(reference, async (context) => {
        const response = await context.sendActivity({ type: 'message', text: rendered.text, textFormat: 'plain', attachments: [rendered.attachment] });
        return response?.id;
      });
      const conversationId = reference.conversation?.id ?? target.id;
      if (!id) throw new DeliveryFailure('transient', 'no_activity_id', 'Teams did not return the id of the message sent');
      return { conversationId, messageId: id } satisfies SentMessage;
    },
    async update(sent, message) {
      const reference = (sent.reference ?? {}) as Partial<ConversationReference>;
      const rendered = render([message]);
      const conversation = { ...reference.conversation, id: sent.conversationId } as ConversationReference['conversation'];
      await inConversation({ ...reference, conversation }, async (context) => {
        await context.updateActivity({ id: sent.messageId, type: 'message', text: rendered.text, textFormat: 'plain', attachments: [rendered.attachment] });
      });
    },
  };
}

function referenceOf(context: TurnContext): Partial<ConversationReference> {
  const a = context.activity;
  return {
    activityId: a.id,
    bot: a.recipient,
    channelId: a.channelId,
    conversation: a.conversation,
    serviceUrl: a.serviceUrl,
    user: a.from,
  };
}

/** Runs a platform call; its failure becomes a DeliveryFailure the dispatcher understands. */
const call = <T>(request: () => Promise<T>): Promise<T> => classified(request, classifyTeamsError);

export function classifyTeamsError(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  const e = error as { statusCode?: number; message?: string; code?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const status = e.statusCode;
  if (status === 429) {
    const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
    return new DeliveryFailure('rate_limited', '429', 'Teams asked to slow down', Number.isFinite(retryAfter) ? retryAfter * 1000 : 1000);
  }
  if (status !== undefined && status >= 500) return new DeliveryFailure('transient', String(status), `Teams answered HTTP ${status}`);
  if (status === 403) return new DeliveryFailure('permanent', '403', 'Teams refused: the bot was removed from the conversation or blocked by the person.');
  if (status === 404) return new DeliveryFailure('permanent', '404', 'Teams does not know this conversation any more.');
  if (status === 401) return new DeliveryFailure('permanent', '401', 'Teams did not accept the bot\u2019s credentials: check MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.');
  if (status !== undefined && status >= 400) return new DeliveryFailure('permanent', String(status), `Teams refused the message (HTTP ${status}).`);
  return new DeliveryFailure('transient', e.code ?? 'network', `Could not reach Teams: ${e.message ?? String(error)}`);
}
