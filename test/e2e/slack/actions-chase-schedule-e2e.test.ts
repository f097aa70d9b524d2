// The scheduled action chase on Slack, end to end through the real service with the injected clock
// and the scheduler ticked by hand once a morning. The action is due Friday 18 December 2026, under
// the board's default rule (a week before, on the day, then weekly; at most three chases): Friday
// 11th and Friday 18th are working days; the first overdue chase falls on Christmas Day, and the
// next working day is Tuesday 29th (Saturday, Sunday and Monday 28th, the substitute for Boxing
// Day, are not); the chase after that would fall on New Year's Day, so after three chases the clerk
// is told on Monday 4 January 2027, once, and the owner is not chased a fourth time.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { startSlackService, type SlackService } from './service.ts';
import { waitForEmptyOutbox } from '../../support/outbox.ts';

let service: SlackService;
let seed: SeedBoard;
let now = DateTime.fromISO('2026-12-01T09:00', { zone: 'Europe/London' }).toJSDate();

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', start: { clock: () => now } });
  seed = await createSeedBoard(service.db.prisma);
  const held = await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token' } });
  await service.db.prisma.action.create({
    data: {
      boardId: seed.boardId,
      meetingId: held.id,
      description: 'Bring the ward burglary figures',
      dueDate: new Date('2026-12-18T00:00:00Z'),
      owners: { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-12-01T00:00:00Z') }] },
    },
  });
});
afterAll(async () => {
  await service?.stop();
});

const dmOf = (userId: string) => `D${userId.replace(/^U/, '')}`;
const postsTo = (userId: string, text: string) => service.fake.calls('chat.postMessage').filter((c) => c.body.channel === dmOf(userId) && JSON.stringify(c.body.blocks).includes(text));
const waitForOutbox = () => waitForEmptyOutbox(service.db.prisma);

describe('the scheduled action chase on Slack, across a weekend and bank holidays', () => {
  it('chases on working days only, and tells the clerk once after the last chase', async () => {
    const chasedOn: string[] = [];
    const clerkToldOn: string[] = [];
    for (let day = DateTime.fromISO('2026-12-02T09:00', { zone: 'Europe/London' }); day.toISODate()! <= '2027-01-12'; day = day.plus({ days: 1 })) {
      now = day.toJSDate();
      const owner = postsTo(seed.member.slackUserId, 'ward burglary').length;
      const clerk = postsTo(seed.clerk.slackUserId, 'has been chased 3 times').length;
      await service.quorum.scheduler.tick();
      // A second tick the same morning (a restart, a second instance) repeats nothing.
      await service.quorum.scheduler.tick();
      await waitForOutbox();
      const ownerNow = postsTo(seed.member.slackUserId, 'ward burglary').length;
      const clerkNow = postsTo(seed.clerk.slackUserId, 'has been chased 3 times').length;
      for (let i = owner; i < ownerNow; i++) chasedOn.push(day.toISODate()!);
      for (let i = clerk; i < clerkNow; i++) clerkToldOn.push(day.toISODate()!);
    }
    expect(chasedOn).toEqual(['2026-12-11', '2026-12-18', '2026-12-29']);
    expect(clerkToldOn).toEqual(['2027-01-04']);
    const row = await service.db.prisma.actionOwner.findFirstOrThrow({ where: { memberId: seed.member.id } });
    expect(row.chasesSent).toBe(3);
  });
});
