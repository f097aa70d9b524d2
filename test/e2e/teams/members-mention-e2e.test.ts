// "members add @Sam Patel @Pat Lee" on Teams, through Bot Framework activities: the people in the
// message's mention entities (not the bot) are added, once each; typed names without a mention
// are not guessed at; a member who is not a clerk is refused, naming who can help.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
const ALEX = { ...TEAMS_DEFAULTS.user };
const CLERK_CHAT = 'a:1personal-chat-clerk';
const SAM = { id: '29:1sam', name: 'Sam Patel', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000d001', userPrincipalName: 'sam.patel@met.police.example' };
const PAT = { id: '29:1pat', name: 'Pat Lee', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000d002' };
const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send') && c.status < 300;
const clerk = () => ({ id: '29:1clerk', name: 'Alex Dewsnap', aadObjectId: seed.clerk.teamsAadId });

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.member.id }, data: { teamsAadId: ALEX.aadObjectId } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(ALEX.id, PERSONAL);
  service.fake.setPersonalChat(clerk().id, CLERK_CHAT);
  service.fake.setMembers(CHANNEL, [{ ...ALEX }, { ...clerk() }, { ...SAM }, { ...PAT }]);
});

/** "members add @Sam Patel @Pat Lee" as Teams sends it: the names in <at> tags, each with its mention entity (the 29: id only, as Teams often sends). */
async function addByMention(people: { id: string; name: string }[], from: { id: string; name: string; aadObjectId: string }, chat: string) {
  // The bot's own mention first, as Teams sends it when the bot is addressed in a channel.
  const bot = `<at>${service.teams.bot.name}</at>`;
  const text = `${bot} members add ${people.map((p) => `<at>${p.name}</at>`).join(' ')}`;
  const entities = [{ type: 'mention', text: bot, mentioned: { ...service.teams.bot } }, ...people.map((p) => ({ type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name } }))];
  const message = service.teams.message({ text, place: 'channel', from: { ...from }, entities });
  expect((await service.teams.send(message)).status).toBe(200);
  return JSON.stringify((await service.fake.waitFor((c) => posted(c) && c.conversationId === chat)).body);
}

describe('members add by @mention on Teams', () => {
  it('adds the people mentioned, once each however often it is sent', async () => {
    const first = await addByMention([SAM, PAT], clerk(), CLERK_CHAT);
    expect(first).toContain('Added Sam Patel and Pat Lee.');
    await service.resetFake();
    service.fake.setPersonalChat(clerk().id, CLERK_CHAT);
    service.fake.setMembers(CHANNEL, [{ ...clerk() }, { ...SAM }, { ...PAT }]);
    const again = await addByMention([SAM], clerk(), CLERK_CHAT);
    expect(again).toContain('Already on the board: Sam Patel.');
    const rows = await service.db.prisma.member.findMany({ where: { teamsAadId: { in: [SAM.aadObjectId, PAT.aadObjectId] } }, orderBy: { name: 'asc' } });
    expect(rows.map((m) => [m.name, m.email, m.teamsTenantId, m.role])).toEqual([
      ['Pat Lee', null, TEAMS_DEFAULTS.tenantId, 'member'],
      ['Sam Patel', 'sam.patel@met.police.example', TEAMS_DEFAULTS.tenantId, 'member'],
    ]);
    // The bot's own mention is never taken for a person: the seed's three and these two.
    expect(await service.db.prisma.member.count({ where: { boardId: seed.boardId } })).toBe(3 + 2);
  });

  it('does not guess at typed names, and refuses a member who is not a clerk, changing nothing', async () => {
    const before = await service.db.prisma.member.count();
    const message = service.teams.message({ text: 'members add Jo King', place: 'channel', mention: true, from: { ...clerk() } });
    expect((await service.teams.send(message)).status).toBe(200);
    // A typing mistake is answered where it was typed (no names of the board in it).
    const typed = JSON.stringify((await service.fake.waitFor((c) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true)).body);
    expect(typed).toContain('To add people by name, @mention them (\\"members add @Sam Patel\\"), or run \\"members add\\" alone to pick them.');
    await service.resetFake();
    service.fake.setPersonalChat(ALEX.id, PERSONAL);
    const refused = await addByMention([{ id: '29:1jo', name: 'Jo King' }], ALEX, PERSONAL);
    expect(refused).toContain('Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) if you should be able to.');
    expect(await service.db.prisma.member.count()).toBe(before);
  });
});
