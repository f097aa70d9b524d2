import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { createLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduling/scheduler.ts';
import { agendaReminderJob } from '../../../src/features/agendas/agenda-reminder-job.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let now: Date;
let t: TestCore;
const deps = { platforms: ['slack', 'teams'] as const, publicBaseUrl: 'https://quorum.example.org', now: () => now };
const clerk = (): Actor => ({ platform: 'slack', userId: seed.clerk.slackUserId });
const member = (): Actor => ({ platform: 'slack', userId: seed.member.slackUserId });
const DAY = 24 * 3_600_000;

// One database for the file, emptied before each test (test/support/database.ts).
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.destroy();
});
beforeEach(async () => {
  await db.reset();
  seed = await createSeedBoard(db.prisma);
  now = new Date('2026-11-24T09:00:00Z');
  t = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack', 'teams'], publicBaseUrl: 'https://quorum.example.org' });
});

const friday = { date: '2026-12-04', time: '10:00', venue: 'Hendon Town Hall, Committee Room 1', duration: '120' };

const createMeeting = async (actor: Actor, values: Record<string, unknown>) => as('agenda', await t.submit(actor, 'meeting.create', values, { boardId: seed.boardId }));
const updateMeeting = async (actor: Actor, meetingId: string, values: Record<string, unknown>) => as('agenda', await t.submit(actor, 'meeting.edit', values, { meetingId }));
const command = async (actor: Actor, text: string) => as('agenda', await t.command(actor, text));

describe('creating a meeting', () => {
  it('creates it at the local time in the board\u2019s timezone, with the standing items in order', async () => {
    const result = await createMeeting(clerk(), friday);
    expect(result.agenda.meeting).toMatchObject({
      title: 'Safer Communities Partnership Board',
      date: 'Friday 4 December 2026',
      time: '10:00',
      startsAt: '2026-12-04T10:00:00.000Z',
      venue: 'Hendon Town Hall, Committee Room 1',
      status: 'draft',
    });
    expect(result.agenda.items.map((i) => i.title)).toEqual([
      'Welcome and Introductions',
      'Apologies for Absence',
      'Minutes of the Previous Meeting',
      'Matters Arising',
      'Any Other Business',
      'Date of Next Meeting',
    ]);
    expect(result.agenda.calendarUrl).toBeUndefined(); // drafts have no calendar link yet
    const posted = await command(clerk(), 'agenda post');
    expect(posted.agenda.calendarUrl).toMatch(/^https:\/\/quorum\.example\.org\/calendar\/[\w-]+\.ics$/);
  });

  it('keeps 10:00 at 10:00 in summer time', async () => {
    const result = await createMeeting(clerk(), { ...friday, date: '2027-06-04' });
    expect(result.agenda.meeting.startsAt).toBe('2027-06-04T09:00:00.000Z');
    expect(result.agenda.meeting.time).toBe('10:00');
  });

  it('reports each bad field against the field, and saves nothing', async () => {
    const attempt = (values: Record<string, unknown>) => createMeeting(clerk(), values);
    await expect(attempt({ ...friday, date: '2026-02-30' })).rejects.toMatchObject({
      code: 'FORM_INVALID',
      fieldErrors: { date: '2026-02-30 is not a date in the calendar.' },
    });
    await expect(attempt({ ...friday, date: '2026-11-01' })).rejects.toMatchObject({
      fieldErrors: { date: 'That date and time has passed. Choose a time in the future.' },
    });
    await expect(attempt({ ...friday, date: '2027-03-28', time: '01:30' })).rejects.toMatchObject({
      fieldErrors: { time: expect.stringMatching(/does not exist on 2027-03-28.*clocks go forward/) },
    });
    await expect(attempt({ ...friday, time: '' })).rejects.toMatchObject({ fieldErrors: { time: 'Choose the start time.' } });
    await expect(attempt({ ...friday, venue: 'x'.repeat(201), duration: '5' })).rejects.toMatchObject({
      fieldErrors: { venue: 'Keep the venue to 200 characters or fewer.', duration: 'A meeting lasts at least 15 minutes.' },
    });
    expect(await db.prisma.meeting.count()).toBe(0);
  });

  it('is for clerks and the chair only', async () => {
    await expect(createMeeting(member(), friday)).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    const chair: Actor = { platform: 'teams', userId: seed.chair.teamsAadId };
    await expect(createMeeting(chair, friday)).resolves.toMatchObject({ kind: 'agenda' });
  });

  it('refuses a second meeting at the same time', async () => {
    await createMeeting(clerk(), friday);
    await expect(createMeeting(clerk(), friday)).rejects.toMatchObject({ fieldErrors: { time: expect.stringMatching(/already meets/) } });
  });
});

describe('posting and changing the agenda', () => {
  it('posts the card to each board channel once, and updates it in place with a notice when the meeting changes', async () => {
    const { agenda } = await createMeeting(clerk(), friday);
    const posted = await command(clerk(), 'agenda post');
    expect(posted.notice).toMatch(/posted to the Slack channel and the Teams channel/);
    const outbox = await db.prisma.outboxMessage.findMany({ orderBy: { platform: 'asc' } });
    expect(outbox.map((o) => [o.platform, o.targetId, o.template])).toEqual([
      ['slack', 'CSCPB', 'agenda.card'],
      ['teams', '19:scpb@thread.tacv2', 'agenda.card'],
    ]);
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id: agenda.meeting.id } })).status).toBe('agenda_published');

    const again = await command(clerk(), 'agenda post');
    expect(again.notice).toMatch(/already posted/);
    expect(await db.prisma.outboxMessage.count({ where: { operation: 'post' } })).toBe(2);

    const updated = await updateMeeting(clerk(), agenda.meeting.id, { ...friday, time: '14:00', venue: 'Online (Teams)' });
    expect(updated.notice).toBe('Meeting updated: Moved from Fri 4 Dec 2026, 10:00 to Fri 4 Dec 2026, 14:00; Venue is now Online (Teams).');
    const notices = await db.prisma.outboxMessage.findMany({ where: { template: 'agenda.changed' } });
    expect(notices).toHaveLength(2);
    expect(notices[0]?.data).toMatchObject({ changes: ['Moved from Fri 4 Dec 2026, 10:00 to Fri 4 Dec 2026, 14:00', 'Venue is now Online (Teams)'] });
    const updates = await db.prisma.outboxMessage.findMany({ where: { operation: 'update' } });
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates.at(-1)?.data).toMatchObject({ meeting: { time: '14:00', version: 1 } });
  });

  it('hides exempt items in a channel not private to the board, and shows them to the clerk', async () => {
    const { agenda } = await createMeeting(clerk(), friday);
    await db.prisma.agendaItem.create({
      data: { meetingId: agenda.meeting.id, position: 5, number: '5', title: 'Contract award: CCTV maintenance', exempt: true, links: [{ title: 'Report', url: 'https://example.org/secret.pdf' }], subPoints: ['Commercially sensitive'] },
    });
    const preview = await command(clerk(), 'agenda preview');
    const item = preview.agenda.items.find((i) => i.exempt);
    expect(item).toEqual({ number: '5', title: 'Exempt item', subPoints: [], links: [], exempt: true, redacted: true });
    expect(preview.notice).toMatch(/1 exempt item is shown as "Exempt item"/);

    await command(clerk(), 'agenda post');
    const card = await db.prisma.outboxMessage.findFirstOrThrow({ where: { template: 'agenda.card' } });
    expect(JSON.stringify(card.data)).not.toMatch(/CCTV maintenance|secret\.pdf|Commercially/);

    await db.prisma.board.update({ where: { id: seed.boardId }, data: { channelIsPrivate: true } });
    const privatePreview = await command(clerk(), 'agenda preview');
    expect(privatePreview.agenda.items.find((i) => i.exempt)?.title).toBe('Contract award: CCTV maintenance');
  });

  it('refuses what cannot be done, saying why', async () => {
    await expect(command(clerk(), 'agenda post')).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
    await createMeeting(clerk(), friday);
    await expect(command(member(), 'agenda post')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await expect(command(clerk(), 'agenda remind')).rejects.toThrow(/not been posted yet/);
    await expect(command(clerk(), 'agenda post 4 Dec')).rejects.toThrow(/is not a date/);
    await expect(command(clerk(), 'agenda post 2026-12-05')).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
    await db.prisma.board.update({ where: { id: seed.boardId }, data: { slackChannelId: null, teamsChannelId: null } });
    await expect(command(clerk(), 'agenda post')).rejects.toMatchObject({ code: 'NO_BOARD_CHANNEL' });
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it('sends an on-demand reminder once per minute however often it is asked', async () => {
    await createMeeting(clerk(), friday);
    await command(clerk(), 'agenda post');
    await command(clerk(), 'agenda remind');
    await command(clerk(), 'agenda remind');
    expect(await db.prisma.outboxMessage.count({ where: { template: 'agenda.reminder' } })).toBe(2); // one per platform
    now = new Date(now.getTime() + 60_000);
    await command(clerk(), 'agenda remind');
    expect(await db.prisma.outboxMessage.count({ where: { template: 'agenda.reminder' } })).toBe(4);
  });

  it('cancels a published meeting: the card says so and scheduled reminders are skipped', async () => {
    await createMeeting(clerk(), friday);
    await command(clerk(), 'agenda post');
    const result = await command(clerk(), 'meeting cancel Not quorate');
    expect(result.agenda.meeting).toMatchObject({ status: 'cancelled', cancelReason: 'Not quorate' });
    const notice = await db.prisma.outboxMessage.findFirstOrThrow({ where: { template: 'agenda.changed' } });
    expect(notice.data).toMatchObject({ changes: ['The meeting is cancelled: Not quorate'] });
    now = new Date('2026-12-03T11:00:00Z');
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [agendaReminderJob(deps)], logger: createLogger({ level: 'silent' }), clock: () => now });
    expect((await scheduler.tick()).ran).toEqual([]);
  });
});

describe('scheduled agenda reminders', () => {
  const scheduler = () =>
    new Scheduler({
      prisma: db.prisma,
      jobs: [agendaReminderJob(deps)],
      logger: createLogger({ level: 'silent' }),
      clock: () => now,
    });

  it('sends the 7-day and 1-day reminders once each, on time', async () => {
    await createMeeting(clerk(), friday);
    await command(clerk(), 'agenda post'); // 24 Nov, 10 days ahead
    const s = scheduler();
    expect((await s.tick()).ran).toEqual([]);
    now = new Date('2026-11-27T10:00:00Z'); // exactly 7 days before
    expect((await s.tick()).ran).toHaveLength(1);
    expect((await s.tick()).ran).toHaveLength(0);
    now = new Date('2026-12-03T10:30:00Z');
    expect((await scheduler().tick()).ran).toHaveLength(1);
    const reminders = await db.prisma.outboxMessage.findMany({ where: { template: 'agenda.reminder' }, orderBy: { createdAt: 'asc' } });
    expect(reminders.map((r) => (r.data as { lead: string }).lead)).toEqual(['in 7 days', 'in 7 days', 'tomorrow', 'tomorrow']);
    expect(reminders.every((r) => r.expiresAt?.toISOString() === '2026-12-04T10:00:00.000Z')).toBe(true);
  });

  it('after downtime sends only the closest reminder, and none for a meeting that has passed', async () => {
    await createMeeting(clerk(), friday);
    await command(clerk(), 'agenda post');
    now = new Date('2026-12-03T20:00:00Z'); // down since before the 7-day reminder
    const tick = await scheduler().tick();
    expect(tick.ran).toHaveLength(1);
    expect(tick.skipped).toHaveLength(1);
    const skipped = await db.prisma.scheduledRun.findFirstOrThrow({ where: { outcome: 'skipped' } });
    expect(skipped.reason).toBe('a closer reminder (tomorrow) is sent instead');

    now = new Date('2026-12-04T12:00:00Z');
    await createMeeting(clerk(), { ...friday, date: '2026-12-18' });
    expect((await scheduler().tick()).ran).toEqual([]);
  });

  it('does not send a reminder that fell due before the agenda was posted', async () => {
    now = new Date('2026-12-01T09:00:00Z');
    await createMeeting(clerk(), friday);
    await command(clerk(), 'agenda post');
    const tick = await scheduler().tick();
    expect(tick.ran).toEqual([]);
    expect(tick.skipped).toHaveLength(1);
    expect(DAY).toBeGreaterThan(0);
  });
});
