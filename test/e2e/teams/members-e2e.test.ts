// The roster on Teams, end to end through Bot Framework activities: "members" typed in the board's
// channel is answered in the person's own chat (with a pointer in the channel), and refusals name
// who can help.
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
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
const ALEX = { ...TEAMS_DEFAULTS.user };
const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send') && c.status < 300;

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  // Alex (the Teams client's default person) is the board's member Richard Norfolk here.
  await service.db.prisma.member.update({ where: { id: seed.member.id }, data: { teamsAadId: ALEX.aadObjectId } });
});
afterAll(async () => {
  await service?.stop();
});
const CLERK_CHAT = 'a:1personal-chat-clerk';
const clerk = () => ({ id: '29:1clerk', name: 'Alex Dewsnap', aadObjectId: seed.clerk.teamsAadId });
const SAM = { id: '29:1sam', name: 'Sam Patel', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000a001', email: 'Sam.Patel@met.police.example', userPrincipalName: 'sam.patel@met.police.example' };
const PAT = { id: '29:1pat', name: 'Pat Lee', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000a002', userPrincipalName: 'pat.lee@met.police.example' };

beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(ALEX.id, PERSONAL);
  service.fake.setPersonalChat(clerk().id, CLERK_CHAT);
  service.fake.setMembers(CHANNEL, [{ ...ALEX }, { ...clerk() }, { ...SAM }, { ...PAT }]);
});

async function sayInChannel(text: string, from: { id: string; name: string; aadObjectId: string } = ALEX, chat: string = PERSONAL) {
  const message = service.teams.message({ text, place: 'channel', mention: true, from: { ...from } });
  expect((await service.teams.send(message)).status).toBe(200);
  const answer = await service.fake.waitFor((c) => posted(c) && c.conversationId === chat);
  const pointer = await service.fake.waitFor((c) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true);
  return { answer: answer.body, pointer: pointer.body, channel: service.fake.calls().filter((c) => posted(c) && c.conversationId?.startsWith(CHANNEL)) };
}

describe('members on Teams', () => {
  it('answers "members" typed in the channel in the person\u2019s own chat, the roster by organisation', async () => {
    const { answer, pointer, channel } = await sayInChannel('members');
    const card = adaptiveCardOf(answer);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const shown = JSON.stringify(card);
    expect(shown).toContain('Members of Safer Communities Partnership Board');
    expect(shown).toContain('Metropolitan Police Service');
    expect(shown).toContain('Richard Norfolk');
    expect(pointer.text).toBe('I\u2019ve sent that to you in our chat, Alex Dewsnap.');
    expect(channel).toHaveLength(1);
    expect(JSON.stringify(channel[0]?.body)).not.toContain('Norfolk');
  });

  it('names the clerk and the chair when refusing a member a clerk command', async () => {
    const { answer } = await sayInChannel('meeting new');
    expect(JSON.stringify(answer)).toContain('Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) if you should be able to.');
  });
});

/** The submit button's data of a form card (form, metadata, and the channel it was asked in). */
function submitData(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const find = (node: unknown): Record<string, unknown> | undefined => {
    if (Array.isArray(node)) return node.map(find).find(Boolean);
    if (node === null || typeof node !== 'object') return undefined;
    const o = node as { type?: unknown; verb?: unknown; data?: Record<string, unknown> };
    if (o.type === 'Action.Execute' && o.verb === verb) return o.data;
    return Object.values(o).map(find).find(Boolean);
  };
  const data = find(card);
  expect(data, `the card has a "${verb}" action`).toBeDefined();
  return { ...data };
}

async function click(verb: string, data: Record<string, unknown>) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', from: { ...clerk() } }));
  expect(res.status).toBe(200);
  const body = res.body as { statusCode: number; type: string; value: unknown };
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

describe('changing the roster on Teams', () => {
  it('adds people chosen with the people picker and from the channel\'s roster, once each', async () => {
    const { answer } = await sayInChannel('members add', clerk(), CLERK_CHAT);
    const form = adaptiveCardOf(answer);
    const inputs = JSON.stringify(form.body);
    expect(inputs).toContain('"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}');
    const fromChannel = (form.body as { id?: string; choices?: { title: string; value: string }[] }[]).find((e) => e.id === 'fromChannel');
    expect(fromChannel?.choices?.map((c) => c.title)).toEqual(['Sam Patel', 'Pat Lee']);

    const data = { ...submitData(form, 'members.add'), people: SAM.aadObjectId, fromChannel: PAT.aadObjectId, organisation: 'Metropolitan Police Service', title: 'Inspector', role: 'member' };
    const added = await click('members.add', data);
    expect(JSON.stringify(added.value)).toContain('Added Sam Patel and Pat Lee.');
    const again = await click('members.add', data);
    expect(JSON.stringify(again.value)).toContain('Already on the board: Sam Patel and Pat Lee.');
    const rows = await service.db.prisma.member.findMany({ where: { teamsAadId: { in: [SAM.aadObjectId, PAT.aadObjectId] } }, orderBy: { name: 'asc' } });
    expect(rows.map((m) => [m.name, m.email, m.teamsTenantId])).toEqual([
      ['Pat Lee', 'pat.lee@met.police.example', TEAMS_DEFAULTS.tenantId],
      ['Sam Patel', 'sam.patel@met.police.example', TEAMS_DEFAULTS.tenantId],
    ]);

    const ghost = await click('members.add', { ...data, people: '5a3e0c1d-0000-4000-8000-0000000dead0', fromChannel: '' });
    expect(JSON.stringify(ghost.value)).toContain('One person chosen is not known to the board\u2019s team in Teams');
  });

  it('refuses a member who is not a clerk, naming who can help', async () => {
    const { answer } = await sayInChannel('members add');
    expect(JSON.stringify(answer)).toContain('Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) if you should be able to.');
  });

  it('edits someone with the form, and removes someone after the clerk confirms', async () => {
    const { answer } = await sayInChannel('members edit sam', clerk(), CLERK_CHAT);
    const form = adaptiveCardOf(answer);
    expect(JSON.stringify(form)).toContain('"value":"Sam Patel"');
    const edited = await click('members.edit', { ...submitData(form, 'members.edit'), name: 'Sam Patel', title: 'Detective Inspector', organisation: 'Met Police', role: 'officer', boardRole: 'none', submitsFigures: 'true', countsTowardsQuorum: 'false' });
    expect(JSON.stringify(edited.value)).toContain('Sam Patel\u2019s details are saved.');
    const sam = await service.db.prisma.member.findFirstOrThrow({ where: { teamsAadId: SAM.aadObjectId }, include: { organisation: true } });
    expect(sam).toMatchObject({ title: 'Detective Inspector', role: 'officer', submitsFigures: true, countsTowardsQuorum: false });
    expect(sam.organisation?.name).toBe('Met Police');

    await service.resetFake();
    service.fake.setPersonalChat(clerk().id, CLERK_CHAT);
    service.fake.setMembers(CHANNEL, [{ ...clerk() }]);
    const ask = await sayInChannel('members remove pat lee', clerk(), CLERK_CHAT);
    const card = adaptiveCardOf(ask.answer);
    const pat = await service.db.prisma.member.findFirstOrThrow({ where: { teamsAadId: PAT.aadObjectId } });
    expect(submitData(card, 'members.remove')).toEqual({ memberId: pat.id });
    const removed = await click('members.remove', { memberId: pat.id });
    expect(JSON.stringify(removed.value)).toContain('Pat Lee is no longer on Safer Communities Partnership Board.');
    expect(await service.db.prisma.member.findUniqueOrThrow({ where: { id: pat.id } })).toMatchObject({ active: false });
  });

  it('links people on the roster to their Teams account by the email or UPN on the channel\'s roster', async () => {
    await service.db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Jo King', email: 'jo.king@harrow.example' } });
    service.fake.setMembers(CHANNEL, [{ ...clerk() }, { id: '29:1jo', name: 'Jo K', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000a003', userPrincipalName: 'Jo.King@harrow.example' }]);
    const { answer } = await sayInChannel('members link', clerk(), CLERK_CHAT);
    expect(JSON.stringify(answer)).toContain('Linked on Teams by email: Jo King.');
    expect(await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Jo King' } })).toMatchObject({ teamsAadId: '5a3e0c1d-0000-4000-8000-00000000a003', teamsTenantId: TEAMS_DEFAULTS.tenantId });
  });
});

