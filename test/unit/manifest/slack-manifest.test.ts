// The Slack app manifest (manifest/slack/manifest.json) against the limits Slack documents for
// app manifests (docs.slack.dev/reference/app-manifest, and the Manifest types of @slack/web-api),
// and against what the bot actually uses: the /quorum command and the events it handles.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATALOGUE } from '../../../src/core.ts';
import { slackUsageHint, staleManifests } from '../../../scripts/command-lists.ts';
import { ACTION_FROM_MESSAGE } from '../../../adapters/slack/listeners/shortcuts.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const manifest: unknown = JSON.parse(readFileSync(join(ROOT, 'manifest/slack/manifest.json'), 'utf8'));

// Bot token scopes Slack defines (the BotScope list of @slack/web-api's manifest types).
const BOT_SCOPES = [
  'app_mentions:read', 'bookmarks:read', 'bookmarks:write', 'calls:read', 'calls:write', 'channels:history',
  'channels:join', 'channels:manage', 'channels:read', 'channels:write.invites', 'channels:write.topic',
  'chat:write', 'chat:write.customize', 'chat:write.public', 'commands', 'conversations.connect:manage',
  'conversations.connect:read', 'conversations.connect:write', 'dnd:read', 'emoji:read', 'files:read',
  'files:write', 'groups:history', 'groups:read', 'groups:write', 'groups:write.invites', 'groups:write.topic',
  'im:history', 'im:read', 'im:write', 'incoming-webhook', 'links.embed:write', 'links:read', 'links:write',
  'metadata.message:read', 'mpim:history', 'mpim:read', 'mpim:write', 'mpim:write.invites', 'mpim:write.topic',
  'pins:read', 'pins:write', 'reactions:read', 'reactions:write', 'reminders:read', 'reminders:write',
  'remote_files:read', 'remote_files:share', 'remote_files:write', 'team.billing:read', 'team.preferences:read',
  'team:read', 'usergroups:read', 'usergroups:write', 'users.profile:read', 'users:read', 'users:read.email',
  'users:write',
] as const;

// Events API event types a bot can subscribe to (the subset of Slack's event list a bot like this
// could plausibly use; an unknown or misspelt name fails here rather than in Slack's app settings).
const BOT_EVENTS = [
  'app_home_opened', 'app_mention', 'app_uninstalled', 'channel_archive', 'channel_created', 'channel_deleted',
  'channel_left', 'channel_rename', 'channel_unarchive', 'group_archive', 'group_left', 'group_rename',
  'group_unarchive', 'member_joined_channel', 'member_left_channel', 'message.channels', 'message.groups',
  'message.im', 'message.mpim', 'reaction_added', 'reaction_removed', 'team_join', 'tokens_revoked',
  'user_change',
] as const;

/** What the bot needs from each event: the scope Slack requires before it delivers it. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  member_joined_channel: ['channels:read', 'groups:read'],
  'message.im': ['im:history'],
};

const requestUrl = z
  .url({ protocol: /^https$/, error: 'expected an https URL' })
  .refine((url) => url.endsWith('/slack/events'), 'expected the URL to end with /slack/events (the path Bolt serves)');

const slackManifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.literal(1), minor_version: z.number().int().min(0) }),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140),
    long_description: z.string().min(175).max(4000).optional(),
    background_color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  }),
  features: z.strictObject({
    app_home: z.strictObject({
      home_tab_enabled: z.boolean(),
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean().optional(),
    }),
    bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean() }),
    shortcuts: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(24),
          type: z.enum(['message', 'global']),
          callback_id: z.string().min(1).max(255),
          description: z.string().min(1).max(150),
        }),
      )
      .max(10)
      .optional(),
    slash_commands: z
      .array(
        z.strictObject({
          command: z.string().regex(/^\/[a-z0-9_-]+$/, 'a slash command starts with / and has no spaces or capitals').max(32),
          url: requestUrl,
          description: z.string().min(1).max(2000),
          usage_hint: z.string().max(1000).optional(),
          should_escape: z.boolean().optional(),
        }),
      )
      .max(50),
  }),
  oauth_config: z.strictObject({
    scopes: z.strictObject({ bot: z.array(z.enum(BOT_SCOPES)).min(1).max(255) }),
  }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({ request_url: requestUrl, bot_events: z.array(z.enum(BOT_EVENTS)).max(100) }),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: requestUrl }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

type SlackManifest = z.infer<typeof slackManifestSchema>;

function parse(value: unknown): SlackManifest {
  const result = slackManifestSchema.safeParse(value);
  if (!result.success) throw new Error(z.prettifyError(result.error));
  return result.data;
}

/** `.command('/x'` and `.event('x'` registrations in adapters/slack, once that adapter exists. */
function registrationsInSlackAdapter(): { commands: string[]; events: string[] } {
  const dir = join(ROOT, 'adapters/slack');
  const commands = new Set<string>();
  const events = new Set<string>();
  if (!existsSync(dir)) return { commands: [], events: [] };
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) {
        const source = readFileSync(full, 'utf8');
        for (const m of source.matchAll(/\.command\(\s*['"`](\/[^'"`]+)['"`]/g)) commands.add(m[1]!);
        for (const m of source.matchAll(/\.event\(\s*['"`]([a-z_.]+)['"`]/g)) events.add(m[1]!);
        // app.message(...) receives direct messages to the bot: message.im.
        if (/\bapp\.message\(/.test(source)) events.add('message.im');
      }
    }
  };
  walk(dir);
  return { commands: [...commands], events: [...events] };
}

describe('Slack app manifest', () => {
  it('matches the structure and limits Slack documents', () => {
    expect(() => parse(manifest)).not.toThrow();
  });

  it('declares the bot user, App Home and HTTP (not Socket Mode) delivery', () => {
    const m = parse(manifest);
    expect(m.display_information.name).toBe('Quorum');
    expect(m.features.bot_user).toEqual({ display_name: 'Quorum', always_online: true });
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.org_deploy_enabled).toBe(false);
    expect(m.settings.token_rotation_enabled).toBe(false);
  });

  it('declares /quorum with a usage hint naming every command the bot knows', () => {
    const m = parse(manifest);
    const quorum = m.features.slash_commands.find((c) => c.command === '/quorum');
    expect(quorum).toBeDefined();
    expect(quorum!.description).toBe('Agendas, apologies, actions and figures for your board');
    for (const spec of CATALOGUE) for (const word of spec.words.split(' ')) expect(quorum!.usage_hint).toContain(word);
    expect(quorum!.usage_hint).toBe(slackUsageHint());
    expect(staleManifests({ write: false })).toEqual([]);
  });

  it('declares every event the bot handles, with the scopes Slack needs to deliver it', () => {
    const m = parse(manifest);
    const declared = new Set(m.settings.event_subscriptions.bot_events);
    const scopes = new Set<string>(m.oauth_config.scopes.bot);
    const used = new Set([...Object.keys(EVENT_SCOPES), ...registrationsInSlackAdapter().events]);
    for (const event of used) {
      expect(declared, `bot_events lacks ${event}`).toContain(event);
      for (const scope of EVENT_SCOPES[event] ?? []) expect(scopes, `${event} needs the ${scope} scope`).toContain(scope);
    }
  });

  it('declares every slash command the Slack adapter registers', () => {
    const m = parse(manifest);
    const declared = m.features.slash_commands.map((c) => c.command);
    for (const command of ['/quorum', ...registrationsInSlackAdapter().commands]) expect(declared).toContain(command);
  });

  it('declares the message shortcut the Slack adapter handles (callback_id), and no other', () => {
    const m = parse(manifest);
    expect((m.features.shortcuts ?? []).map((s) => `${s.type}:${s.callback_id}`)).toEqual([`message:${ACTION_FROM_MESSAGE}`]);
  });

  it('asks for the scopes the bot uses and no more', () => {
    const m = parse(manifest);
    expect([...m.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read', // app_mention events
        'channels:history', // after a crash, find whether a post to a public board channel went out
        'groups:history', // the same in a private board channel
        'channels:read', // board channels; member_joined_channel in public channels
        'chat:write', // post and update agendas, reminders, cards
        'commands', // /quorum
        'files:read', // the membership list a clerk uploads in "members import" (files.info, then its download)
        'groups:read', // member_joined_channel in private board channels
        'im:history', // message.im: people message the bot; find a DM sent before a crash
        'im:write', // open a DM for actions, chases, figure requests
        'users:read', // members' names (users.info), the channel's members to add
        'users:read.email', // match Slack users to board members by email
      ].sort(),
    );
  });

  it('the schema is not a no-op: it rejects what Slack would reject', () => {
    const base = parse(manifest);
    const broken = (mutate: (m: SlackManifest) => void): unknown => {
      const copy = structuredClone(base);
      mutate(copy);
      return copy;
    };
    const rejects = (value: unknown) => expect(slackManifestSchema.safeParse(value).success).toBe(false);
    rejects(broken((m) => { m.display_information.name = 'Q'.repeat(36); }));
    rejects(broken((m) => { m.display_information.description = 'x'.repeat(141); }));
    rejects(broken((m) => { m.display_information.long_description = 'too short'; }));
    rejects(broken((m) => { m.features.slash_commands[0]!.command = 'quorum'; }));
    rejects(broken((m) => { m.features.slash_commands[0]!.command = `/${'q'.repeat(32)}`; }));
    rejects(broken((m) => { m.features.slash_commands[0]!.usage_hint = 'x'.repeat(1001); }));
    rejects(broken((m) => { (m.oauth_config.scopes.bot as string[]).push('chat:write:everything'); }));
    rejects(broken((m) => { m.features.shortcuts![0]!.name = 'Record this message as an action'; }));
    rejects(broken((m) => { (m.features.shortcuts![0] as { type: string }).type = 'message_action'; }));
    rejects(broken((m) => { (m.settings.event_subscriptions.bot_events as string[]).push('app_home_open'); }));
    rejects(broken((m) => { m.settings.interactivity.request_url = 'https://YOUR-HOST/slack/actions'; }));
    rejects(broken((m) => { m.settings.event_subscriptions.request_url = 'http://YOUR-HOST/slack/events'; }));
  });
});
