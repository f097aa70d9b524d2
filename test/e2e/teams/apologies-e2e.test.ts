// Apologies on Teams, end to end through the real service with Bot Framework authentication: a
// member clicks "Send apologies" on the agenda card in the channel; the form goes to their own
// chat (the channel gets a one-line pointer only); submitting it answers in the invoke response;
// the channel card's counts are updated in place; "I'll attend" answers the clicker alone; the
// clerk and chair are warned once; the clerk's list goes to the clerk's own chat, never the channel.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { addApologiesRoster, type ApologiesRoster } from '../../support/apologies-roster.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { postAgendaCard } from './posted-agenda.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
let roster: ApologiesRoster;
let meetingId: string;
let cardActivityId: string;

const CHANNEL = TEAMS_DEFAULTS.channel.id;
const ALEX = { ...TEAMS_DEFAULTS.user };
const RICHARD_CHAT = 'a:1personal-chat-richard-norfolk';
const richard = () => ({ id: '29:1richard-norfolk', name: 'Richard Norfolk', aadObjectId: seed.member.teamsAadId });
const person = (name: string, aadObjectId: string) => ({ id: `29:1${name.toLowerCase().replace(/\W+/g, '-')}`, name, aadObjectId });

type InvokeBody = { statusCode: number; type: string; value: unknown };
const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send' || c.route === 'update') && c.status < 300;
const inChannel = () => service.fake.calls().filter((c) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true);

async function action(verb: string, data: Record<string, unknown>, place: 'personal' | 'channel', from: { id: string; name: string; aadObjectId: string }) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place, from: { ...from } }));
  expect(res.status).toBe(200);
  const body = res.body as InvokeBody;
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  roster = await addApologiesRoster(service.db.prisma, seed);
  const agenda = await postAgendaCard(service, seed);
  ({ meetingId, cardActivityId } = agenda);
  const actions = JSON.stringify(adaptiveCardOf(agenda.card.body));
  expect(actions).toContain('"verb":"apologies.open"');
  expect(actions).toContain('"verb":"apologies.attend"');
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(ALEX.id, TEAMS_DEFAULTS.personalConversationId);
  service.fake.setPersonalChat(richard().id, RICHARD_CHAT);
  service.fake.setMembers(CHANNEL, [{ ...ALEX }, { ...richard() }]);
});

describe('apologies on Teams', () => {
  it('"Send apologies" in the channel: the form in the member\u2019s own chat, the confirmation in the invoke response, the channel card updated in place', async () => {
    const clicked = await action('apologies.open', { meetingId }, 'channel', richard());
    expect(clicked).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'I\u2019ve sent that to you in our chat, Richard Norfolk.' });
    const formMessage = await service.fake.waitFor((c) => posted(c) && c.conversationId === RICHARD_CHAT);
    const form = adaptiveCardOf(formMessage.body);
    // The standing deputy is pre-filled.
    const choice = (form.body as { id?: string; value?: string }[]).find((e) => e.id === 'substitute');
    expect(choice?.value).toBe(roster.deputy.id);
    const submit = (form.actions as { verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === 'apologies.send')?.data;
    expect(submit).toMatchObject({ form: 'apologies.send', origin: CHANNEL, metadata: { meetingId, memberId: seed.member.id } });
    expect(inChannel().every((c) => !JSON.stringify(c.body).includes('Input.'))).toBe(true);

    const sent = await action('apologies.send', { ...submit, reason: 'On leave', substitute: roster.deputy.id }, 'personal', richard());
    expect(sent.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(sent.value)).toContain('Your apologies for the meeting of Fri 25 Jan 2030, 10:00 are recorded, with Ms Lynne Abram substituting.');
    const update = await service.fake.waitFor((c) => c.route === 'update' && c.activityId === cardActivityId && JSON.stringify(c.body).includes('Replies: 1 apology'), 8_000);
    expect(JSON.stringify(adaptiveCardOf(update.body))).not.toContain('On leave');
    // Sent twice: nothing new.
    const again = await action('apologies.send', { ...submit, reason: 'On leave', substitute: roster.deputy.id }, 'personal', richard());
    expect(JSON.stringify(again.value)).toContain('no change: that was already recorded');
    expect(await service.db.prisma.meetingReply.count()).toBe(1);
  });

  it('the member sees their own reply in their personal chat with Quorum ("meetings")', async () => {
    await service.teams.send(service.teams.message({ text: 'meetings', place: 'personal', from: { ...richard() }, conversation: { id: RICHARD_CHAT, conversationType: 'personal', tenantId: TEAMS_DEFAULTS.tenantId } as never }));
    const listing = await service.fake.waitFor((c) => posted(c) && c.conversationId === RICHARD_CHAT && JSON.stringify(c.body).includes('Your upcoming meetings'));
    const card = JSON.stringify(adaptiveCardOf(listing.body));
    expect(card).toContain('Your reply: apologies (Ms Lynne Abram substituting)');
    expect(card).toContain('"verb":"apologies.withdraw"');
  });

  it('"I\u2019ll attend" in the channel is answered for the clicker alone, in their own chat; nothing is posted in the channel', async () => {
    const chair = person('Krishna Suresh', seed.chair.teamsAadId);
    service.fake.setPersonalChat(chair.id, 'a:1personal-chat-krishna');
    const res = await action('apologies.attend', { meetingId }, 'channel', chair);
    expect(res).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'I\u2019ve sent that to you in our chat, Krishna Suresh.' });
    const confirmation = await service.fake.waitFor((c) => posted(c) && c.conversationId === 'a:1personal-chat-krishna');
    expect(JSON.stringify(adaptiveCardOf(confirmation.body))).toContain('Thank you: you are down as attending the meeting of Fri 25 Jan 2030, 10:00.');
    await service.fake.waitFor((c) => c.route === 'update' && c.activityId === cardActivityId && JSON.stringify(c.body).includes('1 apology, 1 attending'), 8_000);
    expect(inChannel().filter((c) => c.route !== 'update')).toEqual([]);
  });

  it('warns the clerk and chair once, in their own chats, when the forecast falls to the quorum', async () => {
    for (const member of [roster.fire.id, roster.colleague.id]) {
      const res = await action('apologies.record', { form: 'apologies.record', metadata: { meetingId }, member, reply: 'apologies' }, 'personal', ALEX);
      expect(JSON.stringify(res.value)).toContain('apologies for the meeting of Fri 25 Jan 2030, 10:00 are recorded');
    }
    await expect.poll(async () => service.db.prisma.outboxMessage.count({ where: { template: 'apologies.quorum-warning', platform: 'teams', status: 'sent' } }), { timeout: 10_000 }).toBe(2);
    const warnings = await service.db.prisma.outboxMessage.findMany({ where: { template: 'apologies.quorum-warning', platform: 'teams' } });
    expect(warnings.map((w) => [w.targetKind, w.targetId]).sort()).toEqual([['user', ALEX.aadObjectId], ['user', seed.chair.teamsAadId]].sort());
    const dm = await service.fake.waitFor((c) => posted(c) && c.conversationId === TEAMS_DEFAULTS.personalConversationId && JSON.stringify(c.body).includes('Quorum at risk'), 8_000);
    expect(JSON.stringify(adaptiveCardOf(dm.body))).toContain('3 of 5 members who count are expected, at the quorum of 3');
    expect(inChannel().some((c) => JSON.stringify(c.body).includes('Quorum at risk'))).toBe(false);
    // One more apology: no second warning.
    await action('apologies.record', { form: 'apologies.record', metadata: { meetingId }, member: seed.chair.id, reply: 'apologies' }, 'personal', ALEX);
    expect(await service.db.prisma.outboxMessage.count({ where: { template: 'apologies.quorum-warning', platform: 'teams' } })).toBe(2);
  });

  it('the clerk\u2019s list and the minutes paragraph go to the clerk\u2019s own chat; the channel gets a pointer, no names', async () => {
    const message = service.teams.message({ text: 'apologies list', place: 'channel', mention: true, from: { ...ALEX } });
    await service.teams.send(message);
    const list = await service.fake.waitFor((c) => posted(c) && c.conversationId === TEAMS_DEFAULTS.personalConversationId);
    const shown = JSON.stringify(adaptiveCardOf(list.body));
    expect(shown).toContain('Richard Norfolk');
    expect(shown).toContain('Reason: On leave');
    expect(shown).toContain('"verb":"apologies.chase"');
    const pointer = await service.fake.waitFor((c) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true && c.activityId === message.id);
    expect(pointer.body.text).toBe('I\u2019ve sent that to you in our chat, Alex Dewsnap.');
    expect(inChannel().some((c) => JSON.stringify(c.body).includes('Richard Norfolk'))).toBe(false);

    await service.teams.send(service.teams.message({ text: 'apologies minutes', place: 'personal', from: { ...ALEX } }));
    const minutes = await service.fake.waitFor((c) => posted(c) && c.conversationId === TEAMS_DEFAULTS.personalConversationId && JSON.stringify(c.body).includes('Apologies were received from'));
    expect(JSON.stringify(adaptiveCardOf(minutes.body))).toContain('Apologies were received from Richard Norfolk (Ms Abram was substituting), Cllr Krishna Suresh, Steve Leader and Chief Inspector Mark Strugnell.');
  });

  it('a member may not change another member\u2019s reply; the refusal names who can', async () => {
    const colleague = person('Mark Strugnell', roster.colleague.teamsAadId);
    service.fake.setPersonalChat(colleague.id, 'a:1personal-chat-mark');
    const res = await action('apologies.withdraw', { meetingId, memberId: seed.member.id }, 'personal', colleague);
    expect(res.value).toBe('Only Richard Norfolk, their deputy, Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) can change Richard Norfolk\u2019s reply.');
    expect(await service.db.prisma.meetingReply.findFirst({ where: { memberId: seed.member.id } })).toMatchObject({ reply: 'apologies' });
  });
});
