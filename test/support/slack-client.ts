// Sends requests to the service the way Slack does: correctly signed (v0 HMAC-SHA256 of
// `v0:<timestamp>:<raw body>` with the signing secret), in Slack's content types:
//   slash commands      application/x-www-form-urlencoded fields
//   interactions        application/x-www-form-urlencoded `payload=<json>` (block_actions, view_submission)
//   Events API          application/json envelopes (event_callback, url_verification)
// Builders with overrides (like bolt-ts-starter-template's buildArguments) make the payloads;
// the client signs and posts them, and can forge the signature or use a stale timestamp.
//
//   const slack = createSlackClient({ baseUrl: service.url, signingSecret });
//   const res = await slack.command(slashCommand({ text: 'help', response_url: fake.responseUrl() }));
//   await slack.event(memberJoinedChannel({ user: 'UBOT', channel: 'C123' }));
//   await slack.interaction(blockActions({ actions: [button({ action_id: 'outbox.retry', value: '{"outboxId":"…"}' })] }));
import { createHmac, randomBytes } from 'node:crypto';
import type {
  BlockAction,
  ButtonAction,
  EnvelopedEvent,
  MessageShortcut,
  SlashCommand,
  types,
  ViewOutput,
  ViewStateValue,
  ViewSubmitAction,
} from '@slack/bolt';

/** Ids the builders use unless told otherwise. TEAM matches the seed board's slackTeamId. */
export const SLACK_DEFAULTS = {
  teamId: 'T0SEED',
  teamDomain: 'harrow-partnerships',
  userId: 'UCLERK1',
  userName: 'alex.dewsnap',
  channelId: 'CSCPB',
  channelName: 'safer-communities-board',
  appId: 'AQUORUM',
  botUserId: 'UBOT',
  botId: 'BBOT',
  /** The deprecated verification token: Slack still sends it; Bolt ignores it. */
  token: 'legacy-verification-token',
} as const;

export interface SlackResponse {
  status: number;
  /** Parsed JSON when the service answered JSON, otherwise the text ('' for an empty body). */
  body: unknown;
  text: string;
  headers: Headers;
}

export interface SendOptions {
  /** Sign with this secret instead of the client's (a wrong secret makes a forged request). */
  signingSecret?: string;
  /** Send this exact X-Slack-Signature (e.g. 'v0=deadbeef'). */
  signature?: string;
  /** Seconds since the epoch for X-Slack-Request-Timestamp (default now). */
  timestamp?: number;
  /** Shorthand: a timestamp this many seconds in the past (Slack rejects > 300). */
  staleBySeconds?: number;
  /** Leave the signature headers out altogether. */
  unsigned?: boolean;
  /** Slack's retry headers, as sent when it redelivers an event. */
  retryNum?: number;
  retryReason?: string;
  /** Another endpoint path than /slack/events. */
  path?: string;
}

export interface SlackClient {
  /** POST a slash command (form fields). */
  command(command: SlashCommand, options?: SendOptions): Promise<SlackResponse>;
  /** POST an interaction payload (block_actions, view_submission...) as `payload=<json>`. */
  interaction(payload: BlockAction | ViewSubmitAction | MessageShortcut | Record<string, unknown>, options?: SendOptions): Promise<SlackResponse>;
  /** POST an Events API envelope (JSON). */
  event(envelope: EnvelopedEvent<unknown> | Record<string, unknown>, options?: SendOptions): Promise<SlackResponse>;
  /** POST Slack's url_verification handshake. */
  urlVerification(challenge?: string, options?: SendOptions): Promise<SlackResponse>;
  /** POST any raw body with the given content type, signed. */
  send(rawBody: string, contentType: string, options?: SendOptions): Promise<SlackResponse>;
}

export function createSlackClient(config: { baseUrl: string; signingSecret: string; path?: string }): SlackClient {
  const send = async (rawBody: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> => {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000) - (options.staleBySeconds ?? 0);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (!options.unsigned) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = options.signature ?? signSlackRequest(options.signingSecret ?? config.signingSecret, timestamp, rawBody);
    }
    if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
    if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
    const response = await fetch(`${config.baseUrl}${options.path ?? config.path ?? '/slack/events'}`, {
      method: 'POST',
      headers,
      body: rawBody,
    });
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('application/json') && text) body = JSON.parse(text) as unknown;
    return { status: response.status, body, text, headers: response.headers };
  };
  return {
    send,
    command: (command, options) => send(formEncode(command), 'application/x-www-form-urlencoded', options),
    interaction: (payload, options) =>
      send(formEncode({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', options),
    event: (envelope, options) => send(JSON.stringify(envelope), 'application/json', options),
    urlVerification: (challenge = randomBytes(12).toString('hex'), options) =>
      send(JSON.stringify({ token: SLACK_DEFAULTS.token, challenge, type: 'url_verification' }), 'application/json', options),
  };
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`). */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** A form body as Slack sends one: strings as they are, anything else as JSON. */
export function formEncode(fields: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    params.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return params.toString();
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++sequence).toString(36)}`.toUpperCase();
/** A Slack-like trigger id (opaque to the service; views.open passes it back to the fake). */
export const triggerId = () => `${Date.now()}.${++sequence}.${randomBytes(8).toString('hex')}`;
const nowTs = () => `${Math.floor(Date.now() / 1000)}.${String(++sequence).padStart(6, '0')}`;

// ---------------------------------------------------------------------------------------------
// Slash commands

/** A `/quorum` command as Slack posts it. `response_url` should usually be `fake.responseUrl()`. */
export function slashCommand(overrides: Partial<SlashCommand> = {}): SlashCommand {
  return {
    token: SLACK_DEFAULTS.token,
    team_id: SLACK_DEFAULTS.teamId,
    team_domain: SLACK_DEFAULTS.teamDomain,
    channel_id: SLACK_DEFAULTS.channelId,
    channel_name: SLACK_DEFAULTS.channelName,
    user_id: SLACK_DEFAULTS.userId,
    user_name: SLACK_DEFAULTS.userName,
    command: '/quorum',
    text: '',
    api_app_id: SLACK_DEFAULTS.appId,
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/T0SEED/1/unused',
    trigger_id: triggerId(),
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Interactions

/** A button element action, as it appears in `block_actions.actions`. */
export function button(overrides: Partial<ButtonAction> & { action_id: string }): ButtonAction {
  return {
    type: 'button',
    block_id: 'actions',
    text: { type: 'plain_text', text: 'Button', emoji: true },
    action_ts: nowTs(),
    ...overrides,
  };
}

export interface BlockActionsOverrides extends Partial<Omit<BlockAction, 'actions'>> {
  actions: BlockAction['actions'];
}

/** A `block_actions` payload: a click on a message in a channel by default. Set `container`
 * and `view` (and drop `message`/`channel`) for clicks in modals or the Home tab. */
export function blockActions(overrides: BlockActionsOverrides): BlockAction {
  const channelId = overrides.channel?.id ?? SLACK_DEFAULTS.channelId;
  const messageTs = overrides.message?.ts ?? nowTs();
  return {
    type: 'block_actions',
    token: SLACK_DEFAULTS.token,
    api_app_id: SLACK_DEFAULTS.appId,
    team: { id: SLACK_DEFAULTS.teamId, domain: SLACK_DEFAULTS.teamDomain },
    user: { id: SLACK_DEFAULTS.userId, username: SLACK_DEFAULTS.userName, name: SLACK_DEFAULTS.userName, team_id: SLACK_DEFAULTS.teamId },
    channel: { id: channelId, name: SLACK_DEFAULTS.channelName },
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    message: { type: 'message', ts: messageTs, user: SLACK_DEFAULTS.botUserId, bot_id: SLACK_DEFAULTS.botId, text: '', blocks: [] },
    response_url: 'https://hooks.slack.com/actions/T0SEED/1/unused',
    trigger_id: triggerId(),
    is_enterprise_install: false,
    ...overrides,
  } as BlockAction;
}

/** `state.values` from a flat map: `{ title: 'Budget' }` → `{ title: { title: { type: 'plain_text_input', value: 'Budget' } } }`
 * (block id = action id = field id). Pass a ViewStateValue for selects, dates and checkboxes. */
export function stateValues(fields: Record<string, string | ViewStateValue>): ViewOutput['state']['values'] {
  const values: ViewOutput['state']['values'] = {};
  for (const [id, value] of Object.entries(fields)) {
    values[id] = { [id]: typeof value === 'string' ? { type: 'plain_text_input', value } : value };
  }
  return values;
}

export interface ViewSubmissionOverrides {
  callback_id: string;
  /** Field values: flat (see stateValues) or Slack's own nested `state.values`. */
  values?: Record<string, string | ViewStateValue> | ViewOutput['state']['values'];
  private_metadata?: string;
  view?: Partial<ViewOutput>;
  user?: Partial<ViewSubmitAction['user']>;
  team?: ViewSubmitAction['team'];
  trigger_id?: string;
  response_urls?: ViewSubmitAction['response_urls'];
}

/** A `view_submission` payload for the modal with this callback id. */
export function viewSubmission(overrides: ViewSubmissionOverrides): ViewSubmitAction {
  const values = overrides.values ?? {};
  const nested = Object.values(values).every((v) => typeof v === 'object' && v !== null && !('type' in v));
  const id = overrides.view?.id ?? nextId('V');
  return {
    type: 'view_submission',
    token: SLACK_DEFAULTS.token,
    api_app_id: SLACK_DEFAULTS.appId,
    team: overrides.team ?? { id: SLACK_DEFAULTS.teamId, domain: SLACK_DEFAULTS.teamDomain },
    user: { id: SLACK_DEFAULTS.userId, name: SLACK_DEFAULTS.userName, team_id: SLACK_DEFAULTS.teamId, ...overrides.user },
    trigger_id: overrides.trigger_id ?? triggerId(),
    is_enterprise_install: false,
    response_urls: overrides.response_urls ?? [],
    view: {
      id,
      type: 'modal',
      team_id: SLACK_DEFAULTS.teamId,
      app_id: SLACK_DEFAULTS.appId,
      bot_id: SLACK_DEFAULTS.botId,
      callback_id: overrides.callback_id,
      private_metadata: overrides.private_metadata ?? '',
      title: { type: 'plain_text', text: 'Quorum', emoji: true },
      close: { type: 'plain_text', text: 'Cancel', emoji: true },
      submit: { type: 'plain_text', text: 'Save', emoji: true },
      blocks: [],
      state: {
        values:
          Object.keys(values).length > 0 && nested
            ? (values as ViewOutput['state']['values'])
            : stateValues(values as Record<string, string | ViewStateValue>),
      },
      hash: `${Date.now()}.hash`,
      root_view_id: id,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
      ...overrides.view,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Events API

/** Wraps an event in Slack's `event_callback` envelope. */
export function eventCallback<E extends { type: string }>(
  event: E,
  overrides: Partial<Omit<EnvelopedEvent<E>, 'event'>> = {},
): EnvelopedEvent<E> {
  return {
    token: SLACK_DEFAULTS.token,
    team_id: SLACK_DEFAULTS.teamId,
    context_team_id: SLACK_DEFAULTS.teamId,
    api_app_id: SLACK_DEFAULTS.appId,
    type: 'event_callback',
    event_id: nextId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: SLACK_DEFAULTS.teamId, user_id: SLACK_DEFAULTS.botUserId, is_bot: true }],
    is_ext_shared_channel: false,
    ...overrides,
    event,
  };
}

export function memberJoinedChannel(
  overrides: Partial<types.MemberJoinedChannelEvent> = {},
): EnvelopedEvent<types.MemberJoinedChannelEvent> {
  return eventCallback({
    type: 'member_joined_channel',
    user: SLACK_DEFAULTS.botUserId,
    channel: SLACK_DEFAULTS.channelId,
    channel_type: 'C',
    team: SLACK_DEFAULTS.teamId,
    inviter: SLACK_DEFAULTS.userId,
    event_ts: nowTs(),
    ...overrides,
  });
}

/** Someone opened the app's Home (or Messages) tab; `channel` is their DM channel with the bot. */
export function appHomeOpened(overrides: Partial<types.AppHomeOpenedEvent> = {}): EnvelopedEvent<types.AppHomeOpenedEvent> {
  const user = overrides.user ?? SLACK_DEFAULTS.userId;
  return eventCallback({
    type: 'app_home_opened',
    user,
    channel: `D${user.replace(/^[UW]/, '')}`,
    tab: 'home',
    event_ts: nowTs(),
    ...overrides,
  });
}

/** "@Quorum <text>" in a channel. `text` is what follows the mention. */
export function appMention(
  overrides: Partial<types.AppMentionEvent> & { command?: string } = {},
): EnvelopedEvent<types.AppMentionEvent> {
  const { command = 'help', ...rest } = overrides;
  const ts = rest.ts ?? nowTs();
  return eventCallback({
    type: 'app_mention',
    user: SLACK_DEFAULTS.userId,
    text: `<@${SLACK_DEFAULTS.botUserId}> ${command}`,
    ts,
    channel: SLACK_DEFAULTS.channelId,
    team: SLACK_DEFAULTS.teamId,
    event_ts: ts,
    ...rest,
  });
}

/** A direct message to the bot (message.im). */
export function directMessage(
  overrides: Partial<types.GenericMessageEvent> = {},
): EnvelopedEvent<types.GenericMessageEvent> {
  const user = overrides.user ?? SLACK_DEFAULTS.userId;
  const ts = overrides.ts ?? nowTs();
  return eventCallback({
    type: 'message',
    subtype: undefined,
    channel: `D${user.replace(/^[UW]/, '')}`,
    channel_type: 'im',
    user,
    text: 'help',
    ts,
    event_ts: ts,
    team: SLACK_DEFAULTS.teamId,
    ...overrides,
  });
}

// ---------------------------------------------------------------------------------------------
// Shortcuts

export interface MessageShortcutOverrides {
  callback_id?: string;
  /** The message the shortcut was used on (its text is mrkdwn, as Slack sends it). */
  message?: Partial<MessageShortcut['message']>;
  user?: Partial<MessageShortcut['user']>;
  channel?: MessageShortcut['channel'];
  team?: MessageShortcut['team'];
  response_url?: string;
  trigger_id?: string;
}

/** A `message_action` payload: a message shortcut used on a message in the default channel. */
export function messageShortcut(overrides: MessageShortcutOverrides = {}): MessageShortcut {
  const ts = overrides.message?.ts ?? nowTs();
  return {
    type: 'message_action',
    token: SLACK_DEFAULTS.token,
    action_ts: nowTs(),
    callback_id: overrides.callback_id ?? 'action_from_message',
    trigger_id: overrides.trigger_id ?? triggerId(),
    message_ts: ts,
    response_url: overrides.response_url ?? 'https://hooks.slack.com/app/T0SEED/1/unused',
    team: overrides.team === undefined ? { id: SLACK_DEFAULTS.teamId, domain: SLACK_DEFAULTS.teamDomain } : overrides.team,
    channel: overrides.channel ?? { id: SLACK_DEFAULTS.channelId, name: SLACK_DEFAULTS.channelName },
    user: { id: SLACK_DEFAULTS.userId, name: SLACK_DEFAULTS.userName, team_id: SLACK_DEFAULTS.teamId, ...overrides.user },
    message: { type: 'message', user: 'UMEMBER1', ts, text: '', ...overrides.message },
    is_enterprise_install: false,
  };
}
