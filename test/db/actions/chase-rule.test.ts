// The clerk sets the board's chase rule in a form; the scheduled chase follows it (here Scotland's
// bank holidays and a reminder the day before), and only clerks may change it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { actionChaseJob } from '../../../src/features/actions/chase-job.ts';
import type { FormRequest } from '../../../src/kernel/results.ts';
import { createLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduling/scheduler.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createHeldMeeting, createOpenAction } from '../../support/actions-board.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let now: Date;
let t: TestCore;
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
  now = new Date('2026-12-18T09:00:00Z');
  t = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack'] });
});
describe('the board\u2019s chase rule', () => {
  it('is set by a clerk in a form, and the scheduled chase follows it', async () => {
    const form = as('form', await t.command(clerk(), 'actions chase rule')) as FormRequest;
    expect(form.form).toBe('action.chase-rule');
    expect(form.values).toEqual({ daysBefore: '7', onDueDate: true, everyDays: '7', maxChases: '3', holidays: 'GB-ENG' });
    expect(form.options?.holidays?.map((o) => o.label)).toEqual(['England and Wales', 'Scotland', 'Northern Ireland', 'None: chase on bank holidays too']);
    expect(form.context).toContain('No chases on weekends or England and Wales bank holidays.');

    await expect(t.submit(clerk(), 'action.chase-rule', { daysBefore: '0', onDueDate: true, everyDays: '7', maxChases: '3', holidays: 'GB-SCT' }, form.metadata)).rejects.toMatchObject({
      fieldErrors: { daysBefore: 'Enter the days before the due date from 1 to 60.' },
    });
    expect((await db.prisma.board.findUniqueOrThrow({ where: { id: seed.boardId } })).actionChaseRule).toBeNull();
    await expect(t.submit({ platform: 'slack', userId: seed.member.slackUserId }, 'action.chase-rule', { daysBefore: '1', everyDays: '7', maxChases: '3', holidays: 'GB-SCT' }, form.metadata)).rejects.toMatchObject({ code: 'NOT_A_CLERK' });

    const saved = as('notice', await t.submit(clerk(), 'action.chase-rule', { daysBefore: '1', onDueDate: true, everyDays: '7', maxChases: '2', holidays: 'GB-SCT' }, form.metadata));
    expect(saved.text).toBe("Safer Communities Partnership Board's actions are chased from now on: 1 day before the due date, on the due date, then every 7 days while overdue; at most 2 chases, then the clerk is told. No chases on weekends or Scotland bank holidays.");
    expect((as('form', await t.command(clerk(), 'actions chase rule')) as FormRequest).values).toMatchObject({ daysBefore: '1', maxChases: '2', holidays: 'GB-SCT' });

    const meetingId = await createHeldMeeting(db.prisma, seed.boardId, '2026-12-10T10:00:00Z');
    await createOpenAction(db.prisma, { boardId: seed.boardId, meetingId, description: 'Ward figures.', due: '2027-01-05', owners: [seed.member.id], notifiedOn: '2026-12-18' });
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [actionChaseJob({ platforms: ['slack'], now: () => now })], logger: createLogger({ level: 'silent' }), clock: () => now });
    const events: string[] = [];
    for (let d = new Date('2026-12-19T09:00:00Z'); d < new Date('2027-01-20T09:00:00Z'); d = new Date(d.getTime() + 24 * 3_600_000)) {
      now = d;
      const before = await db.prisma.outboxMessage.count();
      const { ran } = await scheduler.tick();
      if ((await db.prisma.outboxMessage.count()) > before) events.push(`${d.toISOString().slice(0, 10)} ${ran.some((k) => k.startsWith('action-escalation')) ? 'clerks told' : 'chased'}`);
    }
    // Scotland: Mon 4 Jan is a bank holiday, so the day-before chase goes on Thu 31 Dec.
    expect(events).toEqual(['2026-12-31 chased', '2027-01-05 chased', '2027-01-12 clerks told']);
  });
});
