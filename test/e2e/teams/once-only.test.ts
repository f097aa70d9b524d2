// Teams activities act once, through the real CloudAdapter with Bot Framework authentication: the
// same message or card invoke (same activity id in the same conversation) posted again, as Teams
// does when it thinks one was lost, or as a captured request replayed, does nothing again; a
// repeated invoke gets the first invoke response.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeedBoard } from '../../support/fixtures.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let boardId: string;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  const seed = await createSeedBoard(service.db.prisma, { teamsChannelId: TEAMS_DEFAULTS.channel.id, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  boardId = seed.boardId;
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, PERSONAL);
});

const invoke = (verb: string, data: Record<string, unknown>) => service.teams.cardAction({ verb, data: { form: verb, ...data }, place: 'personal' });

describe('a Teams activity applied once', () => {
  it('creates one meeting and adds one item when their form invokes are sent again, answering each repeat as the first', async () => {
    const create = invoke('meeting.create', { metadata: { boardId }, date: '2031-02-10', time: '10:00', venue: 'Hendon Town Hall' });
    const first = await service.teams.send(create);
    expect(JSON.stringify(first.body)).toContain('Meeting created for Mon 10 Feb 2031, 10:00');
    const again = await Promise.all([service.teams.send(create), service.teams.send(create)]);
    expect(again.map((r) => [r.status, r.body])).toEqual([
      [200, first.body],
      [200, first.body],
    ]);
    expect(await service.db.prisma.meeting.count()).toBe(1);
    await service.teams.send(invoke('meeting.create', { metadata: { boardId }, date: '2031-03-10', time: '10:00' }));
    expect(await service.db.prisma.meeting.count()).toBe(2);

    const meeting = await service.db.prisma.meeting.findFirstOrThrow({ orderBy: { startsAt: 'asc' }, include: { items: true } });
    const add = invoke('agenda.item.add', { metadata: { meetingId: meeting.id }, title: 'Police update', exempt: 'false' });
    await service.teams.send(add);
    await service.teams.send(add);
    expect(await service.db.prisma.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(meeting.items.length + 1);
    expect(service.logs()).toContain('Teams activity already handled: not applied again');
  });

  it('cancels one meeting when the "meeting cancel" message is delivered twice', async () => {
    const cancel = service.teams.message({ text: 'meeting cancel', place: 'personal' });
    expect((await service.teams.send(cancel)).status).toBe(200);
    expect((await service.teams.send(cancel)).status).toBe(200);
    const meetings = await service.db.prisma.meeting.findMany({ orderBy: { startsAt: 'asc' } });
    expect(meetings.map((m) => m.status)).toEqual(['cancelled', 'draft']);
    const answers = service.fake.calls().filter((c) => (c.route === 'reply' || c.route === 'send') && c.conversationId === PERSONAL);
    expect(answers).toHaveLength(1);

    // The same words in a new activity are a new request.
    expect((await service.teams.send(service.teams.message({ text: 'meeting cancel', place: 'personal' }))).status).toBe(200);
    expect(await service.db.prisma.meeting.count({ where: { status: 'cancelled' } })).toBe(2);
  });
});
