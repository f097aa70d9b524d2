// Importing the membership on Teams, end to end through Bot Framework activities: "members import"
// typed in the board's channel opens the form in the clerk's own chat; the pasted list comes back
// as a preview (an invoke response only the clerk sees); Save, clicked twice, saves once and links
// people by the email or UPN on the channel's roster. Refusals name the line and field, or who can help.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { eventually } from '../slack/service.ts';
import { startTeamsService, type TeamsService } from './service.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/members/${name}`, import.meta.url), 'utf8');

let service: TeamsService;
let seed: SeedBoard;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
const ALEX = { ...TEAMS_DEFAULTS.user };
const CLERK_CHAT = 'a:1personal-chat-clerk';
const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send') && c.status < 300;
const clerk = () => ({ id: '29:1clerk', name: 'Alex Dewsnap', aadObjectId: seed.clerk.teamsAadId });
const SIMON = { id: '29:1simon', name: 'Simon R', aadObjectId: '5a3e0c1d-0000-4000-8000-00000000b001', userPrincipalName: 'Simon.Rose@met.police.example' };

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  // Alex (the Teams client's default person) is the board's member Richard Norfolk here.
  await service.db.prisma.member.update({ where: { id: seed.member.id }, data: { teamsAadId: ALEX.aadObjectId } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(ALEX.id, PERSONAL);
  service.fake.setPersonalChat(clerk().id, CLERK_CHAT);
  service.fake.setMembers(CHANNEL, [{ ...ALEX }, { ...clerk() }, { ...SIMON }]);
});

async function sayInChannel(text: string, from: { id: string; name: string; aadObjectId: string }, chat: string) {
  const message = service.teams.message({ text, place: 'channel', mention: true, from: { ...from } });
  expect((await service.teams.send(message)).status).toBe(200);
  const answer = await service.fake.waitFor((c) => posted(c) && c.conversationId === chat);
  const pointer = await service.fake.waitFor((c) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true);
  return { answer: answer.body, pointer: pointer.body };
}

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

async function click(verb: string, data: Record<string, unknown>, from = clerk()) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', from: { ...from } }));
  expect(res.status).toBe(200);
  const body = res.body as { statusCode: number; type: string; value: unknown };
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

describe('members import on Teams', () => {
  it('opens the form in the clerk\u2019s chat, previews the pasted tables, saves once on a double click and links by UPN', async () => {
    const { answer, pointer } = await sayInChannel('members import', clerk(), CLERK_CHAT);
    expect(pointer.text).toBe('I\u2019ve sent that to you in our chat, Alex Dewsnap.');
    const form = adaptiveCardOf(answer);
    expect(validateAdaptiveCard(form)).toEqual([]);
    const box = (form.body as { id?: string; type?: string; maxLength?: number; isMultiline?: boolean }[]).find((e) => e.id === 'text');
    expect(box).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 3000 });

    const list = `${fixture('attendance-2012-07-24.txt')}\n- **Simon Rose**, Detective Chief Superintendent, Metropolitan Police, simon.rose@met.police.example\n`;
    const preview = await click('members.import', { ...submitData(form, 'members.import'), text: list });
    const shown = JSON.stringify(preview.value);
    expect(shown).toContain('Check these people before saving');
    for (const name of ['Cllr David Longstaff', 'Mark Strugnell', 'Pam Wharfe', 'Dov Gerber', 'Ceri Jacob', 'Simon Rose']) expect(shown).toContain(name);
    expect(shown).toContain('Line 6: AGENDA ITEM 3');
    const save = submitData(preview.value as Record<string, unknown>, 'members.import.save');
    const held = await service.db.prisma.memberImport.findFirstOrThrow({ where: { appliedAt: null } });
    expect(save).toEqual({ importId: held.id });

    const clicks = await Promise.all([click('members.import.save', save), click('members.import.save', save)]);
    // Each click is answered in its invoke, or (past the invoke's budget, on a busy machine) in
    // the clerk's own chat a moment later: one saved the list, the other found it saved.
    const answers = await eventually(async () => {
      const all = [...clicks.map((c) => JSON.stringify(c.value)), ...service.fake.calls().filter((c) => posted(c) && !c.conversationId?.startsWith(CHANNEL)).map((c) => JSON.stringify(c.body))];
      const added = all.filter((a) => a.includes('Added 25 people'));
      const already = all.filter((a) => a.includes('That list was saved already'));
      return added.length === 1 && already.length === 1 && [...added, ...already];
    });
    expect(answers.join('\n')).toContain('Linked on Teams by email: Simon Rose.');
    expect(await service.db.prisma.member.count({ where: { boardId: seed.boardId } })).toBe(3 + 25);
    expect(await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Simon Rose' } })).toMatchObject({ teamsAadId: SIMON.aadObjectId, teamsTenantId: TEAMS_DEFAULTS.tenantId, email: 'simon.rose@met.police.example' });

    await service.resetFake();
    service.fake.setPersonalChat(ALEX.id, PERSONAL);
    const roster = await sayInChannel('members', ALEX, PERSONAL);
    const card = JSON.stringify(adaptiveCardOf(roster.answer));
    for (const name of ['Mark Strugnell', 'Julia Mlambo', 'T/Chief Supt Neil Seabridge', 'Simon Rose']) expect(card).toContain(name);
  });

  it('refuses a CSV with a row of the wrong width on the field, and a member who is not a clerk, changing nothing', async () => {
    const before = await service.db.prisma.member.count();
    const { answer } = await sayInChannel('members import', clerk(), CLERK_CHAT);
    const data = submitData(adaptiveCardOf(answer), 'members.import');
    const refused = await click('members.import', { ...data, text: 'name,title,organisation\nJo King,Head of Housing,Barnet Homes,jo@barnet.example' });
    expect(JSON.stringify(refused.value)).toContain('Line 2: 4 columns where the header has 3 (name, title, organisation).');
    const notClerk = await sayInChannel('members import', ALEX, PERSONAL);
    // The chair the minutes named ("(Chairman)"), imported above, is among those who can help now.
    expect(JSON.stringify(notClerk.answer), 'the refusal').toContain('Ask Alex Dewsnap (clerk), Cllr David Longstaff (chair) or Cllr Krishna Suresh (chair) if you should be able to.');
    const forged = await click('members.import', { ...data, text: '- **Jo King**, Barnet Homes' }, { ...ALEX });
    expect(JSON.stringify(forged.value)).toContain('Only the clerk or the chair');
    expect(await service.db.prisma.member.count()).toBe(before);
    expect(await service.db.prisma.memberImport.count({ where: { appliedAt: null } })).toBe(0);
  });
});
