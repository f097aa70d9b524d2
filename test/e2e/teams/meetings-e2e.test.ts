// A clerk's Friday morning on Teams, end to end through the real service with Bot Framework
// authentication on: commands typed in the board's channel answered in the clerk's own chat (with
// a pointer in the channel), forms as Adaptive Cards submitted there by Action.Execute invokes
// (with field errors shown on the re-rendered form), the agenda posted through the outbox to the
// channel, the posted card updated in place after a change, a failed delivery shown to the clerk
// and retried from the outbox card.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { createSeedBoard } from '../../support/fixtures.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  const seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  // The bot is in the board's channel and in the clerk's own chat.
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, PERSONAL);
});

const posted = (c: ConnectorCall) => c.route === 'reply' || c.route === 'send';
const inChannel = (c: ConnectorCall) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true;

/** Types a command in the channel: the answer comes in the clerk's own chat, a pointer in the channel. */
async function say(text: string) {
  const message = service.teams.message({ text, place: 'channel', mention: true });
  const res = await service.teams.send(message);
  expect(res.status).toBe(200);
  const answer = await service.fake.waitFor((c) => posted(c) && c.conversationId === PERSONAL);
  const pointer = await service.fake.waitFor((c) => inChannel(c) && c.activityId === message.id);
  expect(pointer.body.text).toBe('I\u2019ve sent that to you in our chat, Alex Dewsnap.');
  return answer.body;
}

/** Submits a form (or clicks a button) on a card in the clerk's own chat. */
async function submit(verb: string, data: Record<string, unknown>) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal' }));
  expect(res.status).toBe(200);
  const body = res.body as { statusCode: number; type: string; value: unknown };
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

const sentTo = (conversationId: string, text: string) =>
  service.fake.waitFor((c) => (c.route === 'reply' || c.route === 'send') && c.conversationId?.startsWith(conversationId) === true && JSON.stringify(c.body).includes(text), 8_000);

describe('meetings and agendas on Teams', () => {
  it('creates a meeting from the form card; bad fields come back on the form and nothing is saved', async () => {
    const reply = await say('meeting new');
    const form = adaptiveCardOf(reply);
    expect(JSON.stringify(form)).toContain('"type":"Input.Date"');
    const submitAction = JSON.stringify(form).match(/"verb":"meeting\.create"/);
    expect(submitAction).not.toBeNull();
    // What the form's submit button carries back, as Teams would send it.
    const metadata = (JSON.parse(JSON.stringify(form)).actions as { verb: string; data: { metadata: unknown } }[]).find((a) => a.verb === 'meeting.create')?.data.metadata;
    expect(metadata).toEqual({ boardId: (await service.db.prisma.board.findFirstOrThrow()).id });

    const bad = await submit('meeting.create', { form: 'meeting.create', metadata, date: '2020-01-10', time: '10:00', duration: '5', venue: 'Hendon' });
    expect(bad.statusCode).toBe(200);
    const shown = JSON.stringify(bad.value);
    expect(shown).toContain('That date and time has passed. Choose a time in the future.');
    expect(shown).toContain('A meeting lasts at least 15 minutes.');
    expect(shown).toContain('"value":"Hendon"');
    expect(await service.db.prisma.meeting.count()).toBe(0);

    const good = await submit('meeting.create', { form: 'meeting.create', metadata, date: '2030-01-25', time: '10:00', venue: 'Hendon Town Hall' });
    expect(JSON.stringify(good.value)).toContain('Meeting created for Fri 25 Jan 2030, 10:00');
    expect(await service.db.prisma.meeting.count()).toBe(1);
  });

  it('posts the agenda to the channel through the outbox and updates the posted card in place after a change', async () => {
    const add = await submit('agenda.item.add', {
      form: 'agenda.item.add',
      metadata: { meetingId: (await service.db.prisma.meeting.findFirstOrThrow()).id },
      title: 'Police Update',
      pages: '13 - 18',
      exempt: 'false',
    });
    expect(JSON.stringify(add.value)).toContain('Added as item 5.');

    await say('agenda post');
    const posted = await sentTo(CHANNEL, 'Order of business');
    const card = adaptiveCardOf(posted.body);
    expect(JSON.stringify(card)).toContain('Police Update');
    expect(posted.authorization).toMatch(/^Bearer /);
    const row = await service.db.prisma.outboxMessage.findFirstOrThrow({ where: { template: 'agenda.card', platform: 'teams' } });
    await expect.poll(async () => (await service.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
    const sent = await service.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });

    const meeting = await service.db.prisma.meeting.findFirstOrThrow();
    const edited = await submit('meeting.edit', { form: 'meeting.edit', metadata: { meetingId: meeting.id }, date: '2030-01-25', time: '14:00', venue: 'Hendon Town Hall' });
    expect(JSON.stringify(edited.value)).toContain('Moved from Fri 25 Jan 2030, 10:00 to Fri 25 Jan 2030, 14:00');
    const update = await service.fake.waitFor((c) => c.route === 'update' && c.activityId === sent.sentMessageId, 8_000);
    expect(JSON.stringify(adaptiveCardOf(update.body))).toContain('14:00');
    await sentTo(CHANNEL, 'has changed');
  });

  it('refuses clerk commands from others in their own chat, saying who can', async () => {
    const res = await service.teams.send(
      service.teams.message({ text: 'agenda post', place: 'channel', mention: true, from: { id: '29:someone', name: 'Someone', aadObjectId: 'aad-someone' } as never }),
    );
    expect(res.status).toBe(200);
    const [created] = service.fake.calls('createConversation');
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: '29:someone' }] });
    const refusal = await service.fake.waitFor((c) => posted(c) && c.conversationId === created?.id);
    expect(refusal.body.text).toMatch(/can do that|not on any board|can.t tell which board/);
    const pointer = await service.fake.waitFor(inChannel);
    expect(pointer.body.text).toBe('I\u2019ve sent that to you in our chat, Someone.');
  });

  it('records a permanent failure, tells the clerk in their own chat, and retries from the outbox card', async () => {
    service.fake.failNext('reply', { status: 403, code: 'BotNotInConversationRoster' }, { times: 5, conversationId: CHANNEL });
    service.fake.failNext('send', { status: 403, code: 'BotNotInConversationRoster' }, { times: 5, conversationId: CHANNEL });
    // The pointer in the channel fails too; the answer and the notice reach the clerk's own chat.
    await service.teams.send(service.teams.message({ text: 'agenda remind', place: 'channel', mention: true }));
    const failed = await expect
      .poll(async () => service.db.prisma.outboxMessage.findFirst({ where: { template: 'agenda.reminder', status: 'failed' } }), { timeout: 8_000 })
      .toBeTruthy()
      .then(() => service.db.prisma.outboxMessage.findFirstOrThrow({ where: { template: 'agenda.reminder', status: 'failed' } }));
    expect(failed.errorCode).toBe('403');
    const notice = await sentTo(TEAMS_DEFAULTS.personalConversationId, 'could not be delivered');
    expect(JSON.stringify(adaptiveCardOf(notice.body))).toContain('outbox.retry');

    await service.resetFake();
    const retried = await submit('outbox.retry', { outboxId: failed.id });
    expect(JSON.stringify(retried.value)).toContain('Messages for Safer Communities Partnership Board');
    await expect.poll(async () => (await service.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status, { timeout: 8_000 }).toBe('sent');
    await sentTo(CHANNEL, 'Reminder from the clerk');
  });
});
