// Linking on first use, on Teams through Bot Framework activities: someone not linked uses Quorum
// in the board's channel under the name of someone on the roster (imported without an account);
// the clerk and the chair get "<person> says they are <member>" in their own chats, asked once;
// Link (clicked twice) links once, and the person is then a member; Not them links nobody.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const JO = { id: '29:1jo', name: 'Jo King', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000c001' };
const IMPOSTOR = { id: '29:1pat', name: 'Cllr Pat Lee', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000c002' };
const JO_CHAT = 'a:1personal-chat-jo';
const PAT_CHAT = 'a:1personal-chat-pat';
const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send') && c.status < 300;
const clerk = () => ({ id: '29:1clerk', name: 'Alex Dewsnap', aadObjectId: seed.clerk.teamsAadId });

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  // On the roster from an imported list, with no chat account yet.
  await service.db.prisma.member.createMany({
    data: [
      { boardId: seed.boardId, name: 'Jo King', title: 'Head of Housing Management' },
      { boardId: seed.boardId, name: 'Pat Lee', title: 'Inspector' },
    ],
  });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(JO.id, JO_CHAT);
  service.fake.setPersonalChat(IMPOSTOR.id, PAT_CHAT);
  service.fake.setMembers(CHANNEL, [{ ...clerk() }, { ...JO }, { ...IMPOSTOR }]);
});

async function sayInChannel(text: string, from: { id: string; name: string; aadObjectId: string }, chat: string) {
  const message = service.teams.message({ text, place: 'channel', mention: true, from: { ...from } });
  expect((await service.teams.send(message)).status).toBe(200);
  return (await service.fake.waitFor((c) => posted(c) && c.conversationId === chat)).body;
}

async function click(verb: string, data: Record<string, unknown>, from: { id: string; name: string; aadObjectId: string }) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', from: { ...from } }));
  expect(res.status).toBe(200);
  const body = res.body as { type: string; value: unknown };
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return JSON.stringify(body.value);
}

const requests = (name: string) => service.db.prisma.outboxMessage.findMany({ where: { template: 'members.link-request', data: { path: ['member', 'name'], equals: name } } });

describe('linking someone the first time they use Quorum, on Teams', () => {
  it('asks the clerk and the chair once; Link links once, and the person is then a member', async () => {
    const first = JSON.stringify(await sayInChannel('members', JO, JO_CHAT));
    expect(first).toContain('Only members of Safer Communities Partnership Board can see its members.');
    expect(first).toContain('If you are Jo King, I\u2019ve asked Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) to confirm it; once they do, you can use Quorum here.');
    // Trying again asks nobody twice.
    await sayInChannel('agenda', JO, JO_CHAT);
    await expect.poll(async () => (await requests('Jo King')).filter((m) => m.status === 'sent').length, { timeout: 10_000 }).toBe(2);
    expect(await requests('Jo King')).toHaveLength(2);
    expect(await service.db.prisma.memberLinkRequest.count()).toBe(1);

    const asked = await service.fake.waitFor((c) => posted(c) && JSON.stringify(c.body).includes('says they are'));
    const card = adaptiveCardOf(asked.body);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const shown = JSON.stringify(card);
    expect(shown).toContain('**Jo King** (on Teams) says they are **Jo King, Head of Housing Management** on Safer Communities Partnership Board.');
    const request = await service.db.prisma.memberLinkRequest.findFirstOrThrow();
    // The buttons carry the request's id, never the names.
    expect(shown).toContain(`"verb":"members.link.confirm"`);
    expect(shown).toContain(`{"requestId":"${request.id}"}`);

    // Only a clerk or the chair may answer.
    const jo = { ...JO };
    expect(await click('members.link.confirm', { requestId: request.id }, jo)).toContain('Only the clerk or the chair');
    expect((await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Jo King' } })).teamsAadId).toBeNull();

    const [a, b] = await Promise.all([click('members.link.confirm', { requestId: request.id }, clerk()), click('members.link.confirm', { requestId: request.id }, clerk())]);
    expect([a, b].filter((t) => t.includes('Linked: Jo King (on Teams) is Jo King on Safer Communities Partnership Board.'))).toHaveLength(1);
    expect([a, b].filter((t) => t.includes('Jo King (on Teams) is linked to Jo King already.'))).toHaveLength(1);
    expect(await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Jo King' } })).toMatchObject({ teamsAadId: JO.aadObjectId, teamsTenantId: TEAMS_DEFAULTS.tenantId });

    await service.resetFake();
    service.fake.setPersonalChat(JO.id, JO_CHAT);
    const roster = JSON.stringify(adaptiveCardOf(await sayInChannel('members', JO, JO_CHAT)));
    expect(roster).toContain('Members of Safer Communities Partnership Board');
  });

  it('matches a name with an honorific set aside; Not them links nobody, and a name on nobody\u2019s row asks nobody', async () => {
    const said = JSON.stringify(await sayInChannel('members', IMPOSTOR, PAT_CHAT));
    expect(said).toContain('If you are Pat Lee, I\u2019ve asked');
    const request = await service.db.prisma.memberLinkRequest.findFirstOrThrow({ where: { userId: IMPOSTOR.aadObjectId } });
    expect(await click('members.link.refuse', { requestId: request.id }, clerk())).toContain('Not linked: Cllr Pat Lee (on Teams) is not Pat Lee. Nothing was changed.');
    expect(await click('members.link.confirm', { requestId: request.id }, clerk())).toContain('That was answered already: Cllr Pat Lee (on Teams) was not linked to Pat Lee.');
    expect((await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Pat Lee' } })).teamsAadId).toBeNull();

    const stranger = { id: '29:1sam', name: 'Sam Nobody', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000c003' };
    service.fake.setPersonalChat(stranger.id, 'a:1personal-chat-sam');
    const refused = JSON.stringify(await sayInChannel('members', stranger, 'a:1personal-chat-sam'));
    expect(refused).toContain('If you are on the board, ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) to add you.');
    expect(refused).not.toContain('confirm it');
    expect(await service.db.prisma.memberLinkRequest.count({ where: { userId: stranger.aadObjectId } })).toBe(0);
  });
});
