// Reading who and where from a Bot Framework activity: the person acting, what they typed to the
// bot, and the conversation the bot can speak in later (its stored reference).
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Actor } from '../../src/domain/platform.ts';
import type { ConversationInput } from '../../src/features/conversations/record-conversation.ts';
import type { Mention, UploadedFile } from '../../src/kernel/feature.ts';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

const channelDataOf = (activity: Partial<Activity>): TeamsChannelData => (activity.channelData ?? {}) as TeamsChannelData;

export function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? channelDataOf(activity).tenant?.id ?? undefined;
}

/** The person behind an activity: their AAD object id when Teams sends it (it does, for people). */
export function actorOf(activity: Partial<Activity>): Actor {
  const from = activity.from;
  const tenantId = tenantOf(activity);
  return {
    platform: 'teams',
    userId: from?.aadObjectId ?? from?.id ?? '',
    ...(tenantId ? { tenantId } : {}),
    ...(from?.name ? { displayName: from.name } : {}),
  };
}

/** What was typed to the bot, without the bot's @mention (in channels and group chats). */
export function commandTextOf(activity: Partial<Activity>): string {
  // botbuilder strips the mention from `text` itself: without text (a card's message-back), there is none to strip.
  if (typeof activity.text !== 'string') return '';
  const text = activity.recipient ? (TurnContext.removeRecipientMention({ ...activity, entities: activity.entities ?? [] }) ?? activity.text) : activity.text;
  return text.replace(/&nbsp;/g, ' ').trim();
}

/** Where Teams serves files sent to a bot (OneDrive for Business / SharePoint). */
const FILE_HOST = /(^|\.)sharepoint(-df)?\.com$/i;

/** Files sent with a message in the personal chat: Teams' file.download.info attachments, whose
 * download URL is on SharePoint (or, for the emulator and tests, beside the connector the activity
 * came from). Any other URL is not fetched. */
export function filesOf(activity: Partial<Activity>): UploadedFile[] {
  const files: UploadedFile[] = [];
  const connector = (() => {
    try {
      return activity.serviceUrl ? new URL(activity.serviceUrl).origin : undefined;
    } catch {
      return undefined;
    }
  })();
  for (const attachment of activity.attachments ?? []) {
    if (attachment?.contentType !== 'application/vnd.microsoft.teams.file.download.info') continue;
    const url = (attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
    if (typeof url !== 'string') continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (!((parsed.protocol === 'https:' && FILE_HOST.test(parsed.hostname)) || parsed.origin === connector)) continue;
    files.push({ id: parsed.href, name: typeof attachment.name === 'string' && attachment.name.trim() ? attachment.name.trim().slice(0, 200) : 'the file' });
  }
  return files;
}

/** The people @mentioned in a message, other than the bot: Teams mention entities. */
export function mentionsOf(activity: Partial<Activity>): Mention[] {
  const botId = activity.recipient?.id;
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const entity of activity.entities ?? []) {
    if (entity.type?.toLowerCase() !== 'mention') continue;
    const mentioned = (entity as { mentioned?: { id?: unknown; name?: unknown; aadObjectId?: unknown } }).mentioned;
    const id = typeof mentioned?.aadObjectId === 'string' ? mentioned.aadObjectId : typeof mentioned?.id === 'string' ? mentioned.id : undefined;
    if (!id || mentioned?.id === botId || id.startsWith('28:') || seen.has(id)) continue;
    seen.add(id);
    mentions.push({ userId: id, name: typeof mentioned?.name === 'string' ? mentioned.name : '' });
  }
  return mentions;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export function conversationKindOf(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'personal' || type === 'channel' || type === 'groupChat') return type;
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** A channel message's conversation id names its thread (";messageid=…"); the channel is before it. */
export const conversationIdOf = (activity: Partial<Activity>): string => (activity.conversation?.id ?? '').split(';')[0] ?? '';

/** Where the bot can speak later: the channel itself (not the thread the message was in), the
 * group chat, or the person's 1:1 chat. The reference is botbuilder's own, less the activity id,
 * so that a proactive message is a new post rather than a reply to whatever was said last. */
export function conversationToRecord(activity: Partial<Activity>): ConversationInput | undefined {
  const conversationId = conversationIdOf(activity);
  if (!conversationId || !activity.serviceUrl) return undefined;
  const kind = conversationKindOf(activity);
  const tenantId = tenantOf(activity);
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity) as Partial<ConversationReference>;
  const userId = kind === 'personal' ? (activity.from?.aadObjectId ?? activity.from?.id) : undefined;
  return {
    platform: 'teams',
    conversationId,
    kind,
    serviceUrl: activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(userId ? { userId } : {}),
    reference: { ...reference, conversation: { ...reference.conversation, id: conversationId } } as Record<string, unknown>,
  };
}

/** Was the bot itself among the members just added (installed in a team, chat or 1:1)? */
export function botWasAdded(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId && activity.membersAdded?.some((member) => member.id === botId));
}
