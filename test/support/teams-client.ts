// Sends Bot Framework activities to the service's POST /api/messages the way Teams does, with a
// channel token signed by the fake connector (or none, or a forged one). Builders with overrides
// make the activities: a message (in the 1:1 chat, a channel thread or a group chat, with or
// without the bot's @mention), the bot being added to a team or chat, the app installed, and a
// card button's adaptiveCard/action invoke. Every activity's serviceUrl is the fake connector's.
//
//   const teams = createTeamsClient({ baseUrl: quorum.url, serviceUrl: fake.serviceUrl, appId, signToken: fake.signChannelToken });
//   const res = await teams.send(teams.message({ text: 'help' }));
//   await teams.send(teams.message({ text: 'help', place: 'channel', mention: true }));
//   await teams.send(teams.botAdded({ place: 'channel' }));
//   await teams.send(teams.installationUpdate({ action: 'add' }));
//   const { body } = await teams.send(teams.cardAction({ verb: 'outbox.retry', data: { outboxId } }));
//   await teams.send(teams.message({ text: 'help' }), { auth: 'none' });
import type { Activity, ChannelAccount, ConversationAccount } from 'botbuilder';
import type { ChannelTokenOptions } from './fake-bot-connector.ts';

/** Numbers each activity made in this process (see base()). */
let activitySequence = 0;

/** Ids the builders use unless told otherwise. */
export const TEAMS_DEFAULTS = {
  tenantId: '5e1c0a9d-3b7f-4c62-9a51-0d2f8e4b7c11',
  botName: 'Quorum',
  /** The bot's id when no app id is configured (the emulator case). */
  localBotId: '28:quorum-local-bot',
  user: { id: '29:1alex-dewsnap', aadObjectId: '0b7c6d2e-8f41-4a9b-b1c3-5d6e7f8a9b0c', name: 'Alex Dewsnap' },
  personalConversationId: 'a:1personal-chat-alex-dewsnap',
  team: { id: '19:team-safer-communities@thread.tacv2', name: 'Safer Communities Partnership' },
  channel: { id: '19:board-channel-scpb@thread.tacv2', name: 'Partnership Board' },
  groupChatId: '19:meeting-prep-group@thread.v2',
} as const;

/** Where an activity happens: the person's 1:1 chat with the bot, a team channel, a group chat. */
export type TeamsPlace = 'personal' | 'channel' | 'groupChat';

export type TeamsActivity = Partial<Activity> & { type: string };

export interface TeamsClientOptions {
  /** The service, e.g. http://127.0.0.1:PORT. */
  baseUrl: string;
  /** The fake connector's serviceUrl (with its trailing slash). */
  serviceUrl: string;
  /** The bot's Microsoft App ID; omit for a bot running without authentication. */
  appId?: string;
  /** Signs a channel token (fake.signChannelToken); without it requests go without a token. */
  signToken?: (options: ChannelTokenOptions) => string;
}

/** How to authenticate one request: a valid channel token (the default when the client can sign),
 * none, a token signed with other options (another audience, expired, the stranger key...), or an
 * exact Authorization header. */
export type TeamsAuth = 'valid' | 'none' | { token: Partial<ChannelTokenOptions> } | { header: string };

export interface TeamsResponse {
  status: number;
  /** Parsed JSON when the service answered JSON (an invoke's response), otherwise the text. */
  body: unknown;
  text: string;
}

interface Common {
  place?: TeamsPlace;
  from?: ChannelAccount;
  /** A channel thread's root message id (channel messages only). */
  threadId?: string;
}

export interface TeamsClient {
  readonly bot: ChannelAccount;
  /** The conversation and channelData of a place (the base of every builder). */
  where(place: TeamsPlace, threadId?: string): Pick<Activity, 'conversation' | 'channelData'>;
  message(options?: Common & { text?: string; mention?: boolean; value?: unknown } & Partial<Activity>): TeamsActivity;
  /** The bot (or the given members) added to a team, a group chat or a 1:1 chat. */
  conversationUpdate(options?: Common & { membersAdded?: ChannelAccount[]; membersRemoved?: ChannelAccount[] } & Partial<Activity>): TeamsActivity;
  botAdded(options?: Common & Partial<Activity>): TeamsActivity;
  installationUpdate(options?: Common & { action?: 'add' | 'remove' | 'add-upgrade' | 'remove-upgrade' } & Partial<Activity>): TeamsActivity;
  /** An Action.Execute click: name 'adaptiveCard/action', value { action: { type, verb, data }, trigger }. */
  cardAction(options: Common & { verb: string; data?: Record<string, unknown>; replyToId?: string; trigger?: 'manual' | 'automatic' } & Partial<Activity>): TeamsActivity;
  /** Any other invoke: a message action's composeExtension/fetchTask or submitAction, with its value. */
  invoke(options: Common & { name: string; value: unknown } & Partial<Activity>): TeamsActivity;
  send(activity: TeamsActivity, options?: { auth?: TeamsAuth }): Promise<TeamsResponse>;
}

export function createTeamsClient(options: TeamsClientOptions): TeamsClient {
  const { baseUrl, serviceUrl, appId, signToken } = options;
  const bot: ChannelAccount = { id: appId ? `28:${appId}` : TEAMS_DEFAULTS.localBotId, name: TEAMS_DEFAULTS.botName };
  const tenant = { id: TEAMS_DEFAULTS.tenantId };

  function where(place: TeamsPlace, threadId?: string): Pick<Activity, 'conversation' | 'channelData'> {
    const account = (id: string, extra: Partial<ConversationAccount>): ConversationAccount =>
      ({ id, tenantId: tenant.id, isGroup: place !== 'personal', conversationType: place, ...extra }) as ConversationAccount;
    switch (place) {
      case 'personal':
        return { conversation: account(TEAMS_DEFAULTS.personalConversationId, {}), channelData: { tenant } };
      case 'groupChat':
        return { conversation: account(TEAMS_DEFAULTS.groupChatId, {}), channelData: { tenant } };
      case 'channel':
        return {
          conversation: account(threadId ? `${TEAMS_DEFAULTS.channel.id};messageid=${threadId}` : TEAMS_DEFAULTS.channel.id, { name: TEAMS_DEFAULTS.channel.name }),
          channelData: {
            teamsChannelId: TEAMS_DEFAULTS.channel.id,
            teamsTeamId: TEAMS_DEFAULTS.team.id,
            channel: { id: TEAMS_DEFAULTS.channel.id, name: TEAMS_DEFAULTS.channel.name },
            team: { id: TEAMS_DEFAULTS.team.id, name: TEAMS_DEFAULTS.team.name },
            tenant,
          },
        };
    }
  }

  function base(type: string, common: Common): TeamsActivity {
    // Unique in this process: three activities made in one millisecond once drew the same random
    // suffix, and a test reading the log by activity id found the other's line too.
    const id = `1${Date.now()}${100 + (activitySequence++ % 900)}`;
    const place = common.place ?? 'personal';
    return {
      type,
      id,
      timestamp: new Date(),
      localTimestamp: new Date(),
      channelId: 'msteams',
      serviceUrl,
      from: common.from ?? { ...TEAMS_DEFAULTS.user },
      recipient: { ...bot },
      locale: 'en-GB',
      entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
      ...where(place, place === 'channel' ? (common.threadId ?? (type === 'message' ? id : undefined)) : undefined),
    };
  }

  const strip = <T extends Common>(o: T) => {
    const { place: _place, from: _from, threadId: _threadId, ...rest } = o;
    return rest;
  };

  return {
    bot,
    where,
    message: (o = {}) => {
      const { text = 'help', mention, ...rest } = strip(o);
      const activity = base('message', o);
      const mentionText = `<at>${bot.name}</at>`;
      return {
        ...activity,
        text: mention ? `${mentionText} ${text}` : text,
        textFormat: 'plain',
        entities: [...(activity.entities ?? []), ...(mention ? [{ type: 'mention', text: mentionText, mentioned: { ...bot } }] : [])],
        ...rest,
      };
    },
    conversationUpdate: (o = {}) => {
      const activity = base('conversationUpdate', o);
      const teamEvent = (o.place ?? 'personal') === 'channel' ? { eventType: o.membersRemoved ? 'teamMemberRemoved' : 'teamMemberAdded' } : {};
      return { ...activity, channelData: { ...activity.channelData, ...teamEvent }, ...strip(o) };
    },
    botAdded(o = {}) {
      const activity = this.conversationUpdate({ ...o, membersAdded: [{ id: bot.id, name: bot.name ?? '' }] });
      // Added to a team, the bot hears of it in the team's General channel, whose id is the team's.
      if ((o.place ?? 'personal') !== 'channel') return activity;
      return { ...activity, conversation: { ...(activity.conversation as ConversationAccount), id: TEAMS_DEFAULTS.team.id }, ...strip(o) };
    },
    installationUpdate: (o = {}) => {
      const { action = 'add', ...rest } = strip(o);
      const activity = base('installationUpdate', o);
      return { ...activity, action, channelData: { ...activity.channelData, source: { name: 'message' } }, ...rest };
    },
    cardAction: (o) => {
      const { verb, data = {}, replyToId, trigger = 'manual', ...rest } = strip(o);
      const activity = base('invoke', o);
      return {
        ...activity,
        name: 'adaptiveCard/action',
        replyToId: replyToId ?? `1${Date.now() - 60_000}`,
        value: { action: { type: 'Action.Execute', id: `action-${verb}`, verb, data }, trigger },
        channelData: { ...activity.channelData, source: { name: 'message' }, legacy: { replyToId: replyToId ?? '' } },
        ...rest,
      };
    },
    invoke: (o) => {
      const { name, value, ...rest } = strip(o);
      const activity = base('invoke', o);
      return { ...activity, name, value, channelData: { ...activity.channelData, source: { name: 'message' } }, ...rest };
    },
    send: async (activity, sendOptions = {}) => {
      const auth = sendOptions.auth ?? (signToken && appId ? 'valid' : 'none');
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (auth !== 'none') {
        if (typeof auth === 'object' && 'header' in auth) headers.Authorization = auth.header;
        else {
          if (!signToken || !appId) throw new Error('this client cannot sign tokens: give it appId and signToken');
          const overrides = auth === 'valid' ? {} : auth.token;
          headers.Authorization = `Bearer ${signToken({ appId, serviceUrl: activity.serviceUrl ?? serviceUrl, ...overrides })}`;
        }
      }
      const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
      const text = await response.text();
      let body: unknown = text;
      if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
      return { status: response.status, body, text };
    },
  };
}
