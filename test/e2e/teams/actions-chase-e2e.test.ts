// Chasing action owners on Teams, end to end through the real service: `actions chase` sends each
// owner of an open action one digest in their 1:1 chat listing all their open actions (an owner
// with two gets one message with both), nothing to the owners of done or snoozed actions; run
// twice, and the same activity delivered again, it still sends each owner exactly one; the clerk is
// told how many owners were chased.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
const SNOOZER = '00000000-0000-4000-8000-00000000005a';
const FINISHER = '00000000-0000-4000-8000-00000000005b';

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info', start: { clock: () => new Date('2026-11-24T09:00:00Z') } });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: TEAMS_DEFAULTS.channel.id, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  const snoozer = await service.db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Sam Snoozer', teamsAadId: SNOOZER } });
  const finisher = await service.db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Fran Finisher', teamsAadId: FINISHER } });
  const held = await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token' } });
  const action = (description: string, memberId: string, extra: { status?: 'done'; snoozedUntil?: Date } = {}) =>
    service.db.prisma.action.create({
      data: {
        boardId: seed.boardId,
        meetingId: held.id,
        description,
        dueDate: new Date('2026-12-10T00:00:00Z'),
        ...(extra.status ? { status: extra.status } : {}),
        owners: { create: [{ memberId, notifiedOn: new Date('2026-11-10T00:00:00Z'), ...(extra.snoozedUntil ? { snoozedUntil: extra.snoozedUntil } : {}) }] },
      },
    });
  await action('Bring the ward burglary figures', seed.member.id);
  await action('Invite DVIP to the next board meeting', seed.member.id);
  await action('Circulate the hate crime report', seed.chair.id);
  await action('Book the venue for March', snoozer.id, { snoozedUntil: new Date('2026-12-01T00:00:00Z') });
  await action('Send the minutes to the PCC', finisher.id, { status: 'done' });
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
  service.fake.reset();
  service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, TEAMS_DEFAULTS.personalConversationId);
});
afterAll(async () => {
  await service?.stop();
});

async function waitForOutbox(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const left = await service.db.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } });
    if (left === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the outbox never emptied');
}
const sends = () => service.fake.calls().filter((c) => c.route === 'send' || c.route === 'reply');

describe('actions chase on Teams', () => {
  it('sends one digest per owner of open actions, once, however often it is asked', async () => {
    const ask = service.teams.message({ text: 'actions chase', place: 'personal' });
    await service.teams.send(ask);
    await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && JSON.stringify(c.body).includes('Chased 2 owners: one message each, listing their open actions.'), 8_000);
    // The same activity delivered again, and the clerk asking again.
    await service.teams.send(ask);
    await service.teams.send(service.teams.message({ text: 'actions chase', place: 'personal' }));
    await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && JSON.stringify(c.body).includes('already chased today'), 8_000);
    await waitForOutbox();

    const digests = await service.db.prisma.outboxMessage.findMany({ where: { template: 'action.chase' } });
    expect(digests.map((d) => [d.platform, d.targetId, d.status]).sort()).toEqual(
      [
        ['teams', seed.chair.teamsAadId, 'sent'],
        ['teams', seed.member.teamsAadId, 'sent'],
      ].sort(),
    );
    const delivered = sends().filter((c) => JSON.stringify(c.body).includes('ward burglary') || JSON.stringify(c.body).includes('hate crime'));
    expect(delivered).toHaveLength(2);
    const toOwner = delivered.find((c) => JSON.stringify(c.body).includes('ward burglary'));
    expect(JSON.stringify(toOwner?.body)).toContain('Invite DVIP to the next board meeting');
    expect(JSON.stringify(toOwner?.body)).not.toContain('hate crime');
    expect(sends().filter((c) => JSON.stringify(c.body).includes('Book the venue') || JSON.stringify(c.body).includes('minutes to the PCC'))).toEqual([]);
    expect(sends().filter((c) => JSON.stringify(c.body).includes('Chased 2 owners'))).toHaveLength(1);
    expect(await service.db.prisma.actionUpdate.count({ where: { kind: 'chased' } })).toBe(3);
  });
});
