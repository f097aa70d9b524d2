// Action reports on Teams, end to end through the real service with Bot Framework authentication
// on: the clerk asks for matters arising in their own chat (an Adaptive Card Microsoft's parser
// accepts), posts it to the board channel with the card's Action.Execute button (exempt actions
// left out there), and an agenda reminder carries it to the channel and to the clerk's own chat.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { joinBoardChannel } from './board-channel.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
let nextId: string;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  const held = await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token' } });
  nextId = (
    await service.db.prisma.meeting.create({
      data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2030-01-25T10:00:00Z'), status: 'agenda_published', calendarToken: 'next-token', items: { create: [{ position: 1, number: '4', title: 'Minutes of the previous meeting and matters arising' }] } },
    })
  ).id;
  const owners = { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-11-21T00:00:00Z') }] };
  await service.db.prisma.action.create({ data: { boardId: seed.boardId, meetingId: held.id, description: 'Bring the ward burglary figures <at>everyone</at> **now**', dueDate: new Date('2026-11-25T00:00:00Z'), owners } });
  await service.db.prisma.action.create({ data: { boardId: seed.boardId, meetingId: held.id, description: 'Named offender case review.', exempt: true, dueDate: new Date('2030-01-24T00:00:00Z'), owners } });
  await service.db.prisma.action.create({
    data: { boardId: seed.boardId, meetingId: held.id, description: 'Invite DVIP to the next board meeting.', status: 'done', completedAt: new Date('2026-11-25T11:00:00Z'), dueDate: new Date('2030-01-24T00:00:00Z'), owners },
  });
  await joinBoardChannel(service);
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, PERSONAL);
});

const posted = (c: ConnectorCall) => c.route === 'reply' || c.route === 'send';
const sentTo = (conversationId: string, text: string) => service.fake.waitFor((c) => posted(c) && c.conversationId?.startsWith(conversationId) === true && JSON.stringify(c.body).includes(text), 8_000);
function validCard(call: ConnectorCall) {
  const card = adaptiveCardOf(call.body);
  expect(validateAdaptiveCard(card)).toEqual([]);
  return JSON.stringify(card);
}

describe('matters arising on Teams', () => {
  it('answers the clerk in their own chat, and the card\u2019s button posts it to the board channel without exempt actions', async () => {
    await service.teams.send(service.teams.message({ text: 'matters arising', place: 'personal' }));
    const answer = validCard(await sentTo(PERSONAL, 'Matters arising'));
    expect(answer).toContain('Carried forward (2)');
    expect(answer).toContain('Done since the last meeting (1)');
    expect(answer).toContain('4. Minutes of the previous meeting and matters arising');
    expect(answer).toContain('Named offender case review.');
    expect(answer).not.toContain('<at>everyone</at>');
    expect(answer).not.toContain('**now**');
    const post = /"verb":"action\.matters-post","data":(\{[^}]*\})/.exec(answer);
    expect(post).not.toBeNull();

    const res = await service.teams.send(service.teams.cardAction({ verb: 'action.matters-post', data: JSON.parse(post?.[1] ?? '{}') as Record<string, unknown>, place: 'personal' }));
    expect(res.status).toBe(200);
    const invoke = res.body as { type: string; value: unknown };
    expect(invoke.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateAdaptiveCard(invoke.value)).toEqual([]);
    expect(JSON.stringify(invoke.value)).toContain('posted to the board channel');
    const inChannel = validCard(await sentTo(CHANNEL, 'From the clerk'));
    expect(inChannel).toContain('Bring the ward burglary figures');
    expect(inChannel).not.toContain('Named offender');
    expect(inChannel).toContain('1 exempt action is not shown here');
  });

  it('goes with the agenda reminder to the board channel and, in full, to the clerk\u2019s own chat', async () => {
    await service.teams.send(service.teams.message({ text: 'agenda remind', place: 'personal' }));
    const inChannel = validCard(await sentTo(CHANNEL, 'Before the meeting: the actions from earlier meetings'));
    expect(inChannel).not.toContain('Named offender');
    const toClerk = validCard(await sentTo(PERSONAL, 'Before the meeting: the actions from earlier meetings'));
    expect(toClerk).toContain('Named offender case review.');
    const queued = await service.db.prisma.outboxMessage.findMany({ where: { template: 'action.matters-arising', data: { path: ['occasion'], equals: 'reminder' } } });
    expect(queued.map((m) => [m.targetKind, (m.data as { report: { meeting: { id: string } } }).report.meeting.id]).sort()).toEqual([
      ['channel', nextId],
      ['user', nextId],
    ]);
  });
});
