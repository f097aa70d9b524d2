// Snoozing an action's reminders: the owner's Snooze button opens a form with a date after today
// and no later than the due date (four weeks ahead once overdue); the snooze holds the owner's own
// chases (a clerk's holds every owner's), is recorded once however often it is submitted, and the
// scheduled chase skips the action until then.
import { randomUUID } from 'node:crypto';
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
let meetingId: string;
const slack = (userId: string): Actor => ({ platform: 'slack', userId });

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
const action = (description: string, due: string, owners = [seed.member.id]) => createOpenAction(db.prisma, { boardId: seed.boardId, meetingId, description, due, owners, notifiedOn: '2027-04-01' });
const openForm = async (actor: Actor, actionId: string) => as('form', await t.click(actor, 'action.snooze', { actionId })) as FormRequest;
const snooze = async (actor: Actor, form: FormRequest, until: string) => as('action', await t.submit(actor, 'action.snooze', { until }, form.metadata));
const snoozedUntil = async (actionId: string) =>
  (await db.prisma.actionOwner.findMany({ where: { actionId }, include: { member: true }, orderBy: { createdAt: 'asc' } })).map((o) => [o.member.name, o.snoozedUntil?.toISOString().slice(0, 10) ?? null]);

describe('snoozing an action', () => {
  it('takes a date after today and up to the due date, holds the owner\u2019s own reminders, and is saved once', async () => {
    const a = await action('Ward burglary figures.', '2027-04-26', [seed.member.id, seed.chair.id]);
    const form = await openForm(slack(seed.member.slackUserId), a.id);
    expect(form.form).toBe('action.snooze');
    expect(form.context).toContain('at the latest Mon 26 Apr 2027');
    await expect(snooze(slack(seed.member.slackUserId), form, '2027-04-01')).rejects.toMatchObject({ fieldErrors: { until: 'Choose a date after today.' } });
    await expect(snooze(slack(seed.member.slackUserId), form, '2027-04-27')).rejects.toMatchObject({ fieldErrors: { until: 'Choose a date up to the due date, Mon 26 Apr 2027. To go past it, ask for more time.' } });
    await expect(snooze(slack(seed.member.slackUserId), form, '2027-02-30')).rejects.toMatchObject({ fieldErrors: { until: '2027-02-30 is not a date in the calendar.' } });
    expect(await snoozedUntil(a.id)).toEqual([['Richard Norfolk', null], ['Cllr Krishna Suresh', null]]);

    const [first, second] = await Promise.all([snooze(slack(seed.member.slackUserId), form, '2027-04-23'), snooze(slack(seed.member.slackUserId), form, '2027-04-23')]);
    expect([first.notice, second.notice].sort()).toEqual(['Snoozed: no reminders to you about this action until Fri 23 Apr 2027.', 'That snooze was already saved.']);
    expect(await snoozedUntil(a.id)).toEqual([['Richard Norfolk', '2027-04-23'], ['Cllr Krishna Suresh', null]]);
    const history = await db.prisma.actionUpdate.findMany({ where: { actionId: a.id, kind: 'snoozed' } });
    expect(history.map((h) => h.text)).toEqual(['Reminders snoozed until Fri 23 Apr 2027']);
    expect(first.action.history[0]).toMatchObject({ kind: 'snoozed', by: 'Richard Norfolk' });
  });

  it('lets a clerk snooze every owner, refuses anyone else, and refuses a closed action', async () => {
    const a = await action('Invite DVIP.', '2027-04-26', [seed.member.id, seed.chair.id]);
    await expect(openForm(slack('UNOTONBOARD'), a.id)).rejects.toMatchObject({ code: 'NOT_AN_OWNER' });
    const form = await openForm(slack(seed.clerk.slackUserId), a.id);
    const done = await snooze(slack(seed.clerk.slackUserId), form, '2027-04-20');
    expect(done.notice).toBe('Snoozed: no reminders to its owners about this action until Tue 20 Apr 2027.');
    expect(await snoozedUntil(a.id)).toEqual([['Richard Norfolk', '2027-04-20'], ['Cllr Krishna Suresh', '2027-04-20']]);
    await db.prisma.action.update({ where: { id: a.id }, data: { status: 'done' } });
    await expect(openForm(slack(seed.member.slackUserId), a.id)).rejects.toMatchObject({ code: 'ACTION_CLOSED' });
    await expect(snooze(slack(seed.member.slackUserId), { ...form, metadata: { ...form.metadata, key: randomUUID() } }, '2027-04-21')).rejects.toMatchObject({ code: 'ACTION_CLOSED' });
  });

  it('reaches at most four weeks ahead once the action is overdue', async () => {
    const a = await action('Strategy draft.', '2027-03-31');
    const form = await openForm(slack(seed.member.slackUserId), a.id);
    expect(form.context).toContain('at the latest Thu 29 Apr 2027');
    await expect(snooze(slack(seed.member.slackUserId), form, '2027-04-30')).rejects.toMatchObject({ fieldErrors: { until: 'Choose a date up to Thu 29 Apr 2027: an overdue action can be snoozed for four weeks at most.' } });
    expect((await snooze(slack(seed.member.slackUserId), form, '2027-04-29')).notice).toContain('until Thu 29 Apr 2027');
  });

  it('keeps the scheduled chase away until the snooze ends, then the schedule carries on', async () => {
    const a = await action('Ward figures.', '2027-04-26');
    await snooze(slack(seed.member.slackUserId), await openForm(slack(seed.member.slackUserId), a.id), '2027-04-23');
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [actionChaseJob({ platforms: ['slack'], now: () => now })], logger: createLogger({ level: 'silent' }), clock: () => now });
    const chased: string[] = [];
    for (let d = new Date('2027-04-02T08:00:00Z'); d < new Date('2027-04-28T08:00:00Z'); d = new Date(d.getTime() + 24 * 3_600_000)) {
      now = d;
      const before = await db.prisma.outboxMessage.count({ where: { template: 'action.chase' } });
      await scheduler.tick();
      if ((await db.prisma.outboxMessage.count({ where: { template: 'action.chase' } })) > before) chased.push(d.toISOString().slice(0, 10));
    }
    // Without the snooze: Mon 19 Apr (a week before) and Mon 26 Apr (the due date).
    expect(chased).toEqual(['2027-04-23', '2027-04-26']);
  });

  it('holds the owner out of a chase by hand ("actions chase") too, until the snooze ends', async () => {
    const a = await action('Ward figures.', '2027-04-26');
    await action('Invite DVIP.', '2027-04-26');
    await snooze(slack(seed.member.slackUserId), await openForm(slack(seed.member.slackUserId), a.id), '2027-04-10');
    expect(as('notice', await t.command(slack(seed.clerk.slackUserId), 'actions chase')).text).toBe('Chased 1 owner: one message each, listing their open actions.');
    const digest = await db.prisma.outboxMessage.findFirstOrThrow({ where: { template: 'action.chase' } });
    expect((digest.data as { actions: { description: string }[] }).actions.map((x) => x.description)).toEqual(['Invite DVIP.']);
  });
});
