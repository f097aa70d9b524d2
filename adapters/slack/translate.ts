// Slack ids → the core's neutral shapes: who is acting, and what kind of conversation a Slack
// channel id is. Pure functions, no I/O.
import type { ConversationInput } from '../../src/features/conversations/record-conversation.ts';
import type { Actor } from '../../src/domain/platform.ts';

export function slackActor(input: { userId: string; teamId?: string | undefined; displayName?: string | undefined }): Actor {
  return {
    platform: 'slack',
    userId: input.userId,
    ...(input.teamId ? { tenantId: input.teamId } : {}),
    ...(input.displayName ? { displayName: input.displayName } : {}),
  };
}

/** The channel a slash command was typed in, if the bot could post there later: public and
 * private channels. Not direct messages or group DMs between people (the bot is not in them). */
export function channelOfCommand(command: { channel_id?: string; channel_name?: string; team_id?: string }): ConversationInput | undefined {
  const channel = command.channel_id;
  if (!channel || !/^[CG]/.test(channel)) return undefined;
  if (command.channel_name === 'directmessage' || command.channel_name?.startsWith('mpdm-')) return undefined;
  return channelReference({ channel, team: command.team_id });
}

export function channelReference(input: { channel: string; team?: string | undefined; channelType?: string | undefined }): ConversationInput {
  return {
    platform: 'slack',
    conversationId: input.channel,
    kind: 'channel',
    ...(input.team ? { tenantId: input.team } : {}),
    reference: {
      channel: input.channel,
      ...(input.team ? { team: input.team } : {}),
      ...(input.channelType ? { channelType: input.channelType } : {}),
    },
  };
}

/** The bot's direct message channel with one person. */
export function personalReference(input: { channel: string; user: string; team?: string | undefined }): ConversationInput {
  return {
    platform: 'slack',
    conversationId: input.channel,
    kind: 'personal',
    userId: input.user,
    ...(input.team ? { tenantId: input.team } : {}),
    reference: { channel: input.channel, user: input.user, ...(input.team ? { team: input.team } : {}) },
  };
}

/** What follows the bot's mention: "<@UBOT> agenda post" → "agenda post". */
export function textAfterMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

/** A message's mrkdwn as the plain text a person reads: "<@U1|amy>" → "@amy", "<#C1|board>" →
 * "#board", "<!here>" → "@here", "<https://x|the report>" → "the report (https://x)", and
 * Slack's three escapes undone (&lt; &gt; &amp;, in that order, so "&amp;lt;" stays "&lt;"). */
export function plainTextOfMessage(text: string): string {
  return text
    .replace(/<([@#!])([^>|]*)(?:\|([^>]*))?>/g, (_all, sigil: string, id: string, label: string | undefined) => {
      if (sigil === '!') return `@${(label ?? id).replace(/^subteam\^\w+$/, 'group').replace(/^@/, '')}`;
      return `${sigil}${label ?? id}`;
    })
    .replace(/<([^>|]+)\|([^>]*)>/g, (_all, url: string, label: string) => (label && label !== url ? `${label} (${url})` : url))
    .replace(/<([^>|]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
