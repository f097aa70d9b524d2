// The Teams manifest, filled from manifest/teams/manifest.template.json, validated against
// Microsoft's official schema as bundled in @microsoft/app-manifest: offline (fetch is made to
// fail), and shown not to be a no-op by manifests the schema must reject.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUE, COMMANDS } from '../../../src/core.ts';
import { parseCommandLine } from '../../../src/kernel/command-line.ts';
import { staleManifests, teamsCommands } from '../../../scripts/command-lists.ts';
import { ACCENT_COLOR } from '../../support/brand.ts';
import { ACTION_FROM_MESSAGE_COMMAND } from '../../../adapters/teams/message-actions.ts';
import {
  buildTeamsManifest,
  TEMPLATE_FILE,
  TeamsPackageError,
  teamsSchemaFile,
  validateTeamsManifest,
  type TeamsManifest,
} from '../../../scripts/teams-package.ts';

const APP_ID = '6f1c1e0a-3b7d-4c8e-9a51-2d4b8f0e7c13';
const BASE_URL = 'https://quorum.example.org';

interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}

function build(): TeamsManifest {
  return buildTeamsManifest({ appId: APP_ID, baseUrl: BASE_URL });
}

function botOf(manifest: TeamsManifest): Bot {
  return (manifest.bots as unknown as Bot[])[0]!;
}

describe('Teams manifest', () => {
  beforeEach(() => {
    // Validation must never reach the network: any fetch fails the test.
    vi.stubGlobal('fetch', () => {
      throw new Error('the Teams manifest validation tried to fetch over the network');
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses a schema version bundled with @microsoft/app-manifest, read from disk', () => {
    const template = JSON.parse(readFileSync(TEMPLATE_FILE, 'utf8')) as TeamsManifest;
    expect(template.manifestVersion).toBe('1.30');
    expect(template.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(teamsSchemaFile('1.30')).toMatch(/@microsoft[\\/]app-manifest[\\/]build[\\/]json-schemas[\\/]teams[\\/]v1\.30[\\/]MicrosoftTeams\.schema\.json$/);
  });

  it('the filled manifest is valid against the official schema', async () => {
    expect(await validateTeamsManifest(build())).toEqual([]);
  });

  it('offers "Record as an action" on messages: the bot’s message action, opening a dialog the bot fetches', async () => {
    const manifest = build();
    const extensions = manifest.composeExtensions as unknown as { botId: string; commands: Record<string, unknown>[] }[];
    expect(extensions).toHaveLength(1);
    expect(extensions[0]?.botId).toBe(APP_ID);
    expect(extensions[0]?.commands).toEqual([
      expect.objectContaining({ id: ACTION_FROM_MESSAGE_COMMAND, type: 'action', title: 'Record as an action', context: ['message'], fetchTask: true }),
    ]);
    // The schema checks the command: an unknown context is refused.
    const broken = structuredClone(manifest);
    (broken.composeExtensions as unknown as { commands: { context: string[] }[] }[])[0]!.commands[0]!.context = ['everywhere'];
    expect((await validateTeamsManifest(broken)).some((p) => p.startsWith('composeExtensions[0].commands[0].context[0]'))).toBe(true);
  });

  it('fills the app id, bot id, URLs and domain from the inputs', () => {
    const manifest = build();
    expect(manifest.id).toBe(APP_ID);
    expect(botOf(manifest).botId).toBe(APP_ID);
    expect(manifest.developer).toMatchObject({
      name: 'Quorum',
      websiteUrl: `${BASE_URL}/`,
      privacyUrl: `${BASE_URL}/privacy`,
      termsOfUseUrl: `${BASE_URL}/terms`,
    });
    expect(manifest.validDomains).toEqual(['quorum.example.org']);
    expect(manifest.version).toBe(JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('trims a trailing slash from the base URL and keeps a path', () => {
    const manifest = buildTeamsManifest({ appId: APP_ID, baseUrl: 'https://bots.example.org/quorum/' });
    expect((manifest.developer as Record<string, string>).privacyUrl).toBe('https://bots.example.org/quorum/privacy');
    expect(manifest.validDomains).toEqual(['bots.example.org']);
  });

  it('describes a bot in personal, team and group chats, taking files, with identity permissions', () => {
    const manifest = build();
    const bot = botOf(manifest);
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    // Files: the membership list a clerk sends with "members import" in the personal chat.
    expect(bot.supportsFiles).toBe(true);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
    expect(manifest).not.toHaveProperty('webApplicationInfo');
  });

  it('keeps names and descriptions within what Teams displays', () => {
    const manifest = build();
    const name = manifest.name as { short: string; full: string };
    const description = manifest.description as { short: string; full: string };
    expect(name.short.length).toBeLessThanOrEqual(30);
    expect(name.full.length).toBeLessThanOrEqual(100);
    expect(description.short.length).toBeLessThanOrEqual(80);
    expect(description.full.length).toBeLessThanOrEqual(4000);
  });

  it('lists the bot commands within the lengths Teams documents (title ≤ 32, description ≤ 128)', () => {
    const lists = botOf(build()).commandLists;
    const titles = lists.flatMap((list) => list.commands.map((c) => c.title));
    expect(titles).toEqual(['help', 'meetings', 'meeting new', 'agenda', 'agenda preview', 'agenda post', 'agenda remind', 'plan', 'plan propose', 'outbox']);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length, command.title).toBeLessThanOrEqual(32);
        expect(command.description.length, command.title).toBeGreaterThan(0);
        expect(command.description.length, command.title).toBeLessThanOrEqual(128);
      }
    }
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('offers the commands the features mark for the menu, each one that works when picked as it is', () => {
    const commands = botOf(build()).commandLists[0]?.commands ?? [];
    expect(commands).toEqual(teamsCommands());
    expect(commands.length).toBeGreaterThan(0);
    for (const { title } of commands) {
      const parsed = parseCommandLine(title, COMMANDS);
      expect(parsed.spec.words, title).toBe(title);
    }
    // Every command group is reachable from the menu or from help, which is on it.
    expect(commands.map((c) => c.title)).toContain('help');
    expect(new Set(CATALOGUE.map((c) => c.words.split(' ')[0]))).toContain('board');
  });

  it('is what `npm run manifests` writes from the catalogue (the committed template is current)', () => {
    expect(staleManifests({ write: false })).toEqual([]);
  });

  describe('the validator is not a no-op', () => {
    const invalid = async (mutate: (m: TeamsManifest) => void): Promise<string[]> => {
      const manifest = structuredClone(build());
      mutate(manifest);
      return validateTeamsManifest(manifest);
    };

    it('rejects a 200-character short description, naming the field', async () => {
      const problems = await invalid((m) => {
        (m.description as Record<string, string>).short = 'x'.repeat(200);
      });
      expect(problems).toContain('description.short: must NOT have more than 80 characters');
    });

    it('rejects a bot without botId, naming the field', async () => {
      const problems = await invalid((m) => {
        delete (botOf(m) as Partial<Bot>).botId;
      });
      expect(problems).toContain('bots[0].botId: is required');
    });

    it('rejects an app id that is not a GUID, a bad accent colour, an unknown scope and an unknown property', async () => {
      const problems = await invalid((m) => {
        m.id = 'quorum';
        m.accentColor = 'blue';
        botOf(m).scopes.push('everywhere');
        m.surprise = true;
      });
      expect(problems.some((p) => p.startsWith('id: must match pattern'))).toBe(true);
      expect(problems.some((p) => p.startsWith('accentColor: must match pattern'))).toBe(true);
      expect(problems.some((p) => p.startsWith('bots[0].scopes[3]: must be equal to one of the allowed values'))).toBe(true);
      expect(problems).toContain('surprise: is not allowed here');
    });

    it('rejects a manifest version it has no bundled schema for', async () => {
      await expect(invalid((m) => { m.manifestVersion = '9.99'; })).rejects.toThrow(TeamsPackageError);
    });
  });

  describe('inputs', () => {
    it('says which flag or variable to set when the app id is missing', () => {
      expect(() => buildTeamsManifest({ appId: undefined, baseUrl: BASE_URL })).toThrow(
        "Set MICROSOFT_APP_ID (or --app-id) to the bot's Microsoft App ID (a GUID)",
      );
      expect(() => buildTeamsManifest({ appId: '  ', baseUrl: BASE_URL })).toThrow('Set MICROSOFT_APP_ID (or --app-id)');
    });

    it('rejects an app id that is not a GUID and a base URL that is not https', () => {
      expect(() => buildTeamsManifest({ appId: 'my-bot', baseUrl: BASE_URL })).toThrow('must be the bot\'s Microsoft App ID, a GUID');
      expect(() => buildTeamsManifest({ appId: APP_ID, baseUrl: 'http://quorum.example.org' })).toThrow('must be an https URL');
      expect(() => buildTeamsManifest({ appId: APP_ID, baseUrl: undefined })).toThrow('Set PUBLIC_BASE_URL (or --base-url)');
    });
  });
});
