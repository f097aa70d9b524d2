// The playground's Teams world: one tenant, one team with the board's channel, the bot, and a 1:1
// chat per person. The ids look like Teams' own so that the Teams adapter reads them as it reads
// Teams'; all of them say "playground", so nothing here can be mistaken for a real tenant.

export const PLAYGROUND_TENANT_ID = 'quorum-playground-tenant';
export const PLAYGROUND_BOT = { id: '28:quorum-playground-bot', name: 'Quorum' } as const;
export const PLAYGROUND_TEAM = { id: '19:quorum-playground-team@thread.tacv2', name: 'Quorum playground' } as const;
export const PLAYGROUND_CHANNEL = { id: '19:quorum-playground-board@thread.tacv2', name: 'Board channel' } as const;

/** Where the page and the Bot Connector stand-in live on the service's server. */
export const PLAYGROUND_PATHS = {
  page: '/',
  assets: '/playground',
  api: '/playground/api',
  messages: '/playground/api/messages',
  connector: '/playground/connector',
} as const;

/** A person's Teams user id (the "29:" id the Bot Connector uses) from their AAD object id. */
export const teamsUserId = (aadObjectId: string): string => `29:${aadObjectId}`;

/** The AAD object id behind a Teams user id, or the id itself when it is one already. */
export const aadIdOf = (userId: string): string => userId.replace(/^29:/, '');

/** The 1:1 chat of the bot and a person (Teams returns the same chat each time it is asked). */
export const personalChatId = (userId: string): string => `a:playground-${aadIdOf(userId)}`;

/** A channel message's conversation id names its thread (";messageid=…"); the playground shows one
 * flat channel. */
export const baseConversationId = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;

export function isPlaygroundConversation(conversationId: string | undefined): boolean {
  const id = baseConversationId(conversationId ?? '');
  return id === PLAYGROUND_CHANNEL.id || id.startsWith('a:playground-');
}

/** Whether a stored conversation reference is one of the playground's. */
export function isPlaygroundReference(reference: Record<string, unknown> | undefined): boolean {
  const conversation = reference?.conversation as { id?: unknown; tenantId?: unknown } | undefined;
  return conversation?.tenantId === PLAYGROUND_TENANT_ID || (typeof conversation?.id === 'string' && isPlaygroundConversation(conversation.id));
}
