import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { actionChaseJob } from '../../../src/features/actions/chase-job.ts';
import { createLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduling/scheduler.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createHeldMeeting, createOpenAction, day } from '../../support/actions-board.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let now: Date;
let t: TestCore;
let meetingId: string;
const clerk = (): Actor => ({ platform: 'slack', userId: seed.clerk.slackUserId });

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.destroy();
});
// One database for the file, emptied before each test.
beforeEach(async () => {
  await db.reset();
  seed = await createSeedBoard(db.prisma);
  now = new Date('2027-04-01T08:00:00Z');
  t = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack'] });
  meetingId = await createHeldMeeting(db.prisma, seed.boardId);
});
const action = (description: string, due: string, memberId = seed.member.id) => createOpenAction(db.prisma, { boardId: seed.boardId, meetingId, description, due, owners: [memberId], notifiedOn: '2027-04-01' });
const chases = () => db.prisma.outboxMessage.findMany({ where: { template: 'action.chase' }, orderBy: { createdAt: 'asc' } });

describe('the scheduled chase', () => {
  it('sends one digest per owner with every action due a chase, across a bank holiday, then tells the clerks once', async () => {
    await action('Ward figures.', '2027-04-26');
    await action('Invite DVIP.', '2027-04-26');
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [actionChaseJob({ platforms: ['slack'], now: () => now })], logger: createLogger({ level: 'silent' }), clock: () => now });
    const events: string[] = [];
    for (let d = new Date('2027-04-01T08:00:00Z'); d < new Date('2027-05-20T08:00:00Z'); d = new Date(d.getTime() + 24 * 3_600_000)) {
      now = d;
      const before = (await chases()).length;
      const { ran } = await scheduler.tick();
      await scheduler.tick(); // a second tick (or instance) the same day does nothing more
      const after = await chases();
      if (after.length > before) events.push(`${d.toISOString().slice(0, 10)} digest of ${(after.at(-1)?.data as { actions: unknown[] }).actions.length}`);
      if (ran.some((k) => k.startsWith('action-escalation'))) events.push(`${d.toISOString().slice(0, 10)} clerks told`);
    }
    expect(events).toEqual(['2027-04-19 digest of 2', '2027-04-26 digest of 2', '2027-05-04 digest of 2', '2027-05-10 clerks told']);
    expect((await chases()).every((m) => m.targetId === seed.member.slackUserId)).toBe(true);
    const told = await db.prisma.outboxMessage.findMany({ where: { template: 'action.card', dedupeKey: { startsWith: 'action-escalation:' } } });
    expect(told.map((m) => m.targetId).sort()).toEqual([seed.chair.slackUserId, seed.chair.slackUserId, seed.clerk.slackUserId, seed.clerk.slackUserId].sort());
  });

  it('leaves done actions and snoozed ones alone', async () => {
    const done = await action('Done already.', '2027-04-26');
    await db.prisma.action.update({ where: { id: done.id }, data: { status: 'done' } });
    const snoozed = await action('Snoozed.', '2027-04-26');
    await db.prisma.actionOwner.updateMany({ where: { actionId: snoozed.id }, data: { snoozedUntil: day('2027-05-01') } });
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [actionChaseJob({ platforms: ['slack'], now: () => now })], logger: createLogger({ level: 'silent' }), clock: () => now });
    now = new Date('2027-04-26T08:00:00Z');
    await scheduler.tick();
    expect(await chases()).toEqual([]);
    now = new Date('2027-05-04T08:00:00Z');
    await scheduler.tick();
    expect((await chases()).map((m) => (m.data as { actions: { description: string }[] }).actions.map((a) => a.description))).toEqual([['Snoozed.']]);
  });
});

describe('actions chase', () => {
  it('chases every owner of an open action now, one digest each, exactly once even clicked twice', async () => {
    await action('Ward figures.', '2027-06-01');
    await action('Invite DVIP.', '2027-06-01');
    await action('Strategy draft.', '2027-06-01', seed.chair.id);
    const [a, b] = await Promise.all([t.command(clerk(), 'actions chase'), t.command(clerk(), 'actions chase')]);
    const texts = [as('notice', a).text, as('notice', b).text].sort();
    expect(texts).toEqual(['Chased 2 owners: one message each, listing their open actions.', 'The owners of Safer Communities Partnership Board\'s actions were already chased today.']);
    const sent = await chases();
    expect(sent.map((m) => [m.targetId, (m.data as { actions: unknown[] }).actions.length]).sort()).toEqual([[seed.chair.slackUserId, 1], [seed.member.slackUserId, 2]].sort());
    expect(await db.prisma.actionOwner.findMany({ select: { chasesSent: true } })).toEqual([{ chasesSent: 1 }, { chasesSent: 1 }, { chasesSent: 1 }]);
    await expect(t.command({ platform: 'slack', userId: seed.member.slackUserId }, 'actions chase')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });
});
