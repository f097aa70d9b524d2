// Replies to a meeting through the real core on a real database: apologies with a reason and a
// substitute, "I'll attend", change and withdraw until the meeting starts, a clerk recording for
// anyone, attendance on the day; exactly once; who may reply; and the quorum warning, once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { addApologiesRoster } from '../../support/apologies-roster.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let now: Date;
let t: TestCore;
let meetingId: string;
let police: { deputy: string; colleague: string; stranger: string; fire: string };

const slack = (userId: string): Actor => ({ platform: 'slack', userId });
const clerk = () => slack(seed.clerk.slackUserId);
const member = () => slack(seed.member.slackUserId);

// One database for the file (migrating one per test is slow); each test gets a fresh meeting and
// an empty outbox.
beforeAll(async () => {
  db = await createTestDatabase();
  seed = await createSeedBoard(db.prisma);
  t = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack', 'teams'] });
  const roster = await addApologiesRoster(db.prisma, seed);
  police = { deputy: roster.deputy.id, colleague: roster.colleague.id, stranger: roster.stranger.slackUserId, fire: roster.fire.id };
});
afterAll(async () => {
  await db?.destroy();
});
beforeEach(async () => {
  await db.prisma.meeting.deleteMany();
  await db.prisma.outboxMessage.deleteMany();
  now = new Date('2026-11-24T09:00:00Z');
  const created = as('agenda', await t.submit(clerk(), 'meeting.create', { date: '2026-12-04', time: '10:00', venue: 'Hendon Town Hall' }, { boardId: seed.boardId }));
  meetingId = created.agenda.meeting.id;
  as('agenda', await t.command(clerk(), 'agenda post', { conversationId: 'CSCPB' }));
});

const open = async (actor: Actor, payload: Record<string, unknown> = { meetingId }) => as('form', await t.click(actor, 'apologies.open', payload));
const send = async (actor: Actor, values: Record<string, unknown>, memberId = seed.member.id) => as('apologies.reply', await t.submit(actor, 'apologies.send', values, { meetingId, memberId }));
const replies = () => db.prisma.meetingReply.findMany({ where: { meetingId }, orderBy: { createdAt: 'asc' } });
const warnings = () => db.prisma.outboxMessage.findMany({ where: { template: 'apologies.quorum-warning' } });
const cardUpdates = (status = 'pending') => db.prisma.outboxMessage.findMany({ where: { template: 'agenda.card', operation: 'update', status: status as 'pending' } });

describe('a member sends apologies', () => {
  it('opens the form with the standing deputy pre-filled, and records the reply once, however often it is sent', async () => {
    const form = await open(member());
    expect(form.form).toBe('apologies.send');
    expect(form.metadata).toEqual({ meetingId, memberId: seed.member.id });
    expect(form.values).toEqual({ substitute: police.deputy });
    expect((form.options as Record<string, { label: string }[]>).substitute?.map((o) => o.label)).toEqual(['No substitute', 'Chief Inspector Mark Strugnell', 'Ms Lynne Abram (standing deputy)']);

    const first = await send(member(), { reason: 'On leave', substitute: police.deputy });
    expect(first.notice).toBe('Your apologies for the meeting of Fri 4 Dec 2026, 10:00 are recorded, with Ms Lynne Abram substituting. You can change or withdraw them until the meeting starts.');
    expect(first).toMatchObject({ state: 'apologies', reason: 'On leave', substitute: 'Ms Lynne Abram', self: true });
    // A double click, a retry: nothing is created or queued twice.
    const again = await send(member(), { reason: 'On leave', substitute: police.deputy });
    expect(again.notice).toContain('(no change: that was already recorded)');
    const rows = await replies();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reply: 'apologies', reason: 'On leave', substituteMemberId: police.deputy, recordedVia: 'member', recordedById: seed.member.id });
    // The posted cards (Slack and Teams) are to be updated once each, with counts and no names.
    const updates = await cardUpdates();
    expect(updates).toHaveLength(2);
    for (const u of updates) {
      expect((u.data as { replies: unknown }).replies).toEqual({ apologies: 1, attending: 0, expected: 5, quorum: 3 }); // the deputy stands in
      expect(JSON.stringify(u.data)).not.toContain('Richard Norfolk');
    }
  });

  it('changes to a named substitute, then withdraws, until the meeting starts; pending card updates collapse to the newest', async () => {
    await send(member(), { reason: 'On leave' });
    const changed = await send(member(), { substituteName: 'Sgt Pat Jones' });
    expect(changed).toMatchObject({ state: 'apologies', substitute: 'Sgt Pat Jones' });
    expect((await replies())[0]).toMatchObject({ reason: null, substituteName: 'Sgt Pat Jones', substituteMemberId: null });
    const withdrawn = as('apologies.reply', await t.click(member(), 'apologies.withdraw', { meetingId }));
    expect(withdrawn.notice).toBe('Your reply for the meeting of Fri 4 Dec 2026, 10:00 is withdrawn: you are counted as expected.');
    expect(await replies()).toEqual([]);
    expect(await cardUpdates()).toHaveLength(2); // one pending per card: the newest
    expect((await cardUpdates('skipped')).length).toBeGreaterThanOrEqual(4);

    now = new Date('2026-12-04T10:00:00Z');
    await expect(send(member(), { reason: 'Late' })).rejects.toMatchObject({ code: 'MEETING_PASSED', say: expect.stringContaining('has started, so replies can no longer be changed. Tell Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair)') });
    await expect(open(member())).rejects.toMatchObject({ code: 'MEETING_PASSED' });
    expect(await replies()).toEqual([]);
  });

  it('refuses both a listed and a typed substitute, and a substitute from another organisation, saving nothing', async () => {
    await expect(send(member(), { substitute: police.deputy, substituteName: 'Pat' })).rejects.toMatchObject({ code: 'FORM_INVALID', fieldErrors: { substituteName: 'Choose a substitute from the list or type a name, not both.' } });
    await expect(send(member(), { substitute: police.fire })).rejects.toMatchObject({ code: 'FORM_INVALID', fieldErrors: { substitute: expect.stringContaining('deputy or a member of their organisation') } });
    await expect(send(member(), { reason: 'x'.repeat(301) })).rejects.toMatchObject({ code: 'FORM_INVALID', fieldErrors: { reason: 'Keep the reason to 300 characters or fewer.' } });
    expect(await replies()).toEqual([]);
    expect(await cardUpdates()).toEqual([]);
  });

  it('"I\u2019ll attend" from the card, and the `apologies` command opens the same form', async () => {
    const attending = as('apologies.reply', await t.click(member(), 'apologies.attend', { meetingId }));
    expect(attending.notice).toBe('Thank you: you are down as attending the meeting of Fri 4 Dec 2026, 10:00.');
    expect((await replies())[0]).toMatchObject({ reply: 'attending' });
    const form = as('form', await t.command(member(), 'apologies'));
    expect(form.metadata).toEqual({ meetingId, memberId: seed.member.id });
    expect(as('form', await t.command(member(), 'apologies 2026-12-04')).metadata).toEqual({ meetingId, memberId: seed.member.id });
  });
});

describe('who may reply', () => {
  it('the standing deputy and a clerk may reply for the member; a colleague may not; a stranger is told whom to ask', async () => {
    const byDeputy = await send(slack('UAPOL1'), { reason: 'Sickness' });
    expect(byDeputy.notice).toContain('Richard Norfolk\u2019s apologies');
    expect((await replies())[0]).toMatchObject({ recordedVia: 'deputy', recordedById: police.deputy });

    await expect(send(slack('UAPOL2'), { reason: 'x' })).rejects.toMatchObject({
      code: 'NOT_YOUR_REPLY',
      say: 'Only Richard Norfolk, their deputy, Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) can change Richard Norfolk\u2019s reply.',
    });
    await expect(t.click(slack(police.stranger), 'apologies.open', { meetingId })).rejects.toMatchObject({
      code: 'NOT_A_MEMBER',
      say: 'You are not on the roster of Safer Communities Partnership Board, so you cannot send apologies for its meetings. Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) to add you, or to record it for you.',
    });
    await expect(t.click(slack('UNOBODY'), 'apologies.attend', { meetingId, memberId: seed.member.id })).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });

    const byClerk = as('apologies.reply', await t.submit(clerk(), 'apologies.record', { member: seed.member.id, reply: 'attending' }, { meetingId }));
    expect(byClerk.notice).toBe('Richard Norfolk is down as attending the meeting of Fri 4 Dec 2026, 10:00.');
    expect(await replies()).toHaveLength(1);
    expect((await replies())[0]).toMatchObject({ reply: 'attending', recordedVia: 'clerk' });
    await expect(t.submit(member(), 'apologies.record', { member: seed.member.id, reply: 'attending' }, { meetingId })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await expect(t.command(member(), 'apologies record')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });

  it('no replies to a cancelled meeting', async () => {
    await t.command(clerk(), 'meeting cancel 2026-12-04 Room unavailable');
    await expect(t.click(member(), 'apologies.attend', { meetingId })).rejects.toMatchObject({ code: 'MEETING_CANCELLED', say: 'The meeting of Fri 4 Dec 2026, 10:00 was cancelled, so there is nothing to reply to.' });
    await expect(t.command(member(), 'apologies 2026-12-04')).rejects.toMatchObject({ code: 'MEETING_CANCELLED' });
  });
});

describe('a meeting that has started, and several coming up', () => {
  it('refuses each in its own words: the member is told to tell the clerk, the clerk to mark attendance; a stranger still learns they are not on the board', async () => {
    await send(member(), { reason: 'On leave' });
    now = new Date('2026-12-04T10:00:00Z');
    await expect(t.click(member(), 'apologies.withdraw', { meetingId })).rejects.toMatchObject({ code: 'MEETING_PASSED', say: expect.stringContaining('Tell Alex Dewsnap (clerk)') });
    expect((await replies())[0]).toMatchObject({ reply: 'apologies', reason: 'On leave' }); // kept
    const forClerk = 'The meeting of Fri 4 Dec 2026, 10:00 has started, so replies can no longer be changed. Mark who came, and who sent apologies, with "attendance 2026-12-04".';
    await expect(t.command(clerk(), 'apologies record 2026-12-04')).rejects.toMatchObject({ code: 'MEETING_PASSED', say: forClerk });
    await expect(t.submit(clerk(), 'apologies.record', { member: police.fire, reply: 'apologies' }, { meetingId })).rejects.toMatchObject({ code: 'MEETING_PASSED', say: forClerk });
    await expect(t.click(clerk(), 'apologies.chase', { meetingId })).rejects.toMatchObject({ code: 'MEETING_PASSED', say: forClerk });
    await expect(t.click(slack(police.stranger), 'apologies.attend', { meetingId })).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
    expect(await replies()).toHaveLength(1);
  });

  it('with two meetings coming up, the form says which one and how to choose the other; "apologies" with a date opens that one', async () => {
    const later = as('agenda', await t.submit(clerk(), 'meeting.create', { date: '2027-01-15', time: '10:00' }, { boardId: seed.boardId })).agenda.meeting.id;
    const next = as('form', await t.command(member(), 'apologies'));
    expect(next.metadata).toEqual({ meetingId, memberId: seed.member.id });
    expect(next.context).toBe('Safer Communities Partnership Board: apologies for the meeting of Fri 4 Dec 2026, 10:00. 2 meetings are coming up: for another, type "apologies" and its date (YYYY-MM-DD)');
    expect(as('form', await t.command(member(), 'apologies 2027-01-15')).metadata).toEqual({ meetingId: later, memberId: seed.member.id });
    await expect(t.command(member(), 'apologies 2027-01-16')).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
  });
});

describe('the quorum warning', () => {
  // Five count: the clerk, the chair, the Borough Commander, the police colleague, the fire member.
  it('goes to the clerk and chair once when the forecast falls to the quorum, not once per apology', async () => {
    await send(member(), {});
    expect(await warnings()).toEqual([]); // 4 expected of quorum 3
    await t.submit(clerk(), 'apologies.record', { member: police.fire, reply: 'apologies' }, { meetingId });
    const sent = await warnings();
    // 3 expected: at the quorum. Clerk and chair, on Slack and Teams.
    expect(sent.map((w) => `${w.platform}:${w.targetId}`).sort()).toEqual(
      [`slack:${seed.clerk.slackUserId}`, `slack:${seed.chair.slackUserId}`, `teams:${seed.clerk.teamsAadId}`, `teams:${seed.chair.teamsAadId}`].sort(),
    );
    expect(sent[0]?.data).toMatchObject({ occasion: 'forecast', expected: 3, quorum: 3, counting: 5, apologies: [{ name: 'Richard Norfolk' }, { name: 'Steve Leader' }] });
    // Another apology, and the same again: no second warning.
    await t.submit(clerk(), 'apologies.record', { member: police.colleague, reply: 'apologies' }, { meetingId });
    await t.submit(clerk(), 'apologies.record', { member: police.colleague, reply: 'apologies' }, { meetingId });
    expect(await warnings()).toHaveLength(4);
    expect(await db.prisma.quorumWarning.count({ where: { meetingId } })).toBe(1);

    // The reminder before the meeting warns again, once per reminder.
    await t.command(clerk(), 'agenda remind');
    await t.command(clerk(), 'agenda remind');
    const all = await warnings();
    expect(all).toHaveLength(8);
    expect(all.filter((w) => (w.data as { occasion: string }).occasion === 'reminder')).toHaveLength(4);
  });

  it('a substitute who may count keeps the forecast above the quorum', async () => {
    await send(member(), { substituteName: 'Sgt Pat Jones' });
    await t.submit(clerk(), 'apologies.record', { member: police.fire, reply: 'apologies' }, { meetingId });
    expect(await warnings()).toEqual([]); // 5 - 2 + 1 = 4
  });
});

describe('attendance on the day', () => {
  it('the clerk marks everyone in one form, pre-filled from the replies; not before the day', async () => {
    await send(member(), { substitute: police.deputy });
    as('apologies.reply', await t.click(slack(seed.chair.slackUserId), 'apologies.attend', { meetingId }));
    await expect(t.command(clerk(), 'attendance 2026-12-04')).rejects.toMatchObject({ code: 'ATTENDANCE_TOO_EARLY' });
    now = new Date('2026-12-04T11:00:00Z');
    const form = as('form', await t.command(clerk(), 'attendance'));
    expect(form.values).toEqual({ present: [seed.chair.id], apologies: [], absent: [], substitute: [seed.member.id] });
    await expect(t.submit(clerk(), 'apologies.attendance', { present: [seed.chair.id, seed.clerk.id], absent: [seed.clerk.id] }, { meetingId })).rejects.toMatchObject({
      code: 'FORM_INVALID',
      fieldErrors: { absent: 'Alex Dewsnap is in two lists: choose one.' },
    });
    const done = as('notice', await t.submit(clerk(), 'apologies.attendance', { present: [seed.chair.id, seed.clerk.id], substitute: [seed.member.id], absent: [police.fire] }, { meetingId }));
    expect(done.text).toBe('Attendance marked for the meeting of Fri 4 Dec 2026, 10:00: 2 present, 1 represented by a substitute, 0 apologies, 1 absent.');
    const marks = await db.prisma.attendanceRecord.findMany({ where: { meetingId } });
    expect(marks).toHaveLength(4);
    expect(marks.find((m) => m.memberId === seed.member.id)).toMatchObject({ mark: 'substitute', substituteName: 'Ms Lynne Abram' });
    await expect(t.submit(member(), 'apologies.attendance', { present: [] }, { meetingId })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });
});
