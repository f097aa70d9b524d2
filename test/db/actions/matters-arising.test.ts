// Matters arising: the report of actions from earlier meetings for a meeting (done since the last
// meeting, open ones carried forward, dropped ones once), for the clerk in full and for the board
// channel without exempt business; posted once however often it is clicked, and sent with each
// agenda reminder to the channel and the clerk.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { enqueueReminder } from '../../../src/features/agendas/agenda-delivery.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let now: Date;
let t: TestCore;
let september: string;
let november: string;
let january: string;
const clerk = (): Actor => ({ platform: 'slack', userId: seed.clerk.slackUserId });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

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
  now = new Date('2027-01-10T09:00:00Z');
  t = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack'] });
  const meeting = (startsAt: string, status: 'held' | 'agenda_published', token: string, items: { number: string; title: string; standing?: string }[] = []) =>
    db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date(startsAt), status, calendarToken: token, items: { create: items.map((i, n) => ({ position: n + 1, ...i })) } } });
  september = (await meeting('2026-09-18T09:00:00Z', 'held', 'sep', [{ number: '5', title: 'Police Update' }])).id;
  november = (await meeting('2026-11-20T10:00:00Z', 'held', 'nov', [{ number: '6', title: 'Violence against women and girls', standing: undefined }])).id;
  // The seeds' agendas put "Matters arising" in the minutes item or as its own item.
  january = (await meeting('2027-01-22T10:00:00Z', 'agenda_published', 'jan', [{ number: '3', title: 'Minutes of the previous meeting' }, { number: '4', title: 'Matters arising' }])).id;
});
async function action(meetingId: string, description: string, due: string, extra: { status?: 'done' | 'dropped'; closed?: string; exempt?: boolean; reason?: string; owners?: string[] } = {}) {
  const a = await db.prisma.action.create({
    data: {
      boardId: seed.boardId,
      meetingId,
      description,
      dueDate: day(due),
      exempt: extra.exempt ?? false,
      status: extra.status ?? 'open',
      ...(extra.status === 'done' ? { completedAt: new Date(`${extra.closed}T12:00:00Z`) } : {}),
      ...(extra.reason ? { statusReason: extra.reason } : {}),
      owners: { create: (extra.owners ?? [seed.member.id]).map((memberId) => ({ memberId, notifiedOn: day('2026-09-20') })) },
    },
  });
  if (extra.status === 'dropped') await db.prisma.actionUpdate.create({ data: { actionId: a.id, kind: 'dropped', text: extra.reason ?? null, createdAt: new Date(`${extra.closed}T12:00:00Z`), memberId: seed.chair.id } });
  return a;
}

async function sampleActions() {
  await action(september, 'Done before November, so not news.', '2026-10-30', { status: 'done', closed: '2026-10-01' });
  await action(september, 'Dropped before November.', '2026-10-30', { status: 'dropped', closed: '2026-10-02', reason: 'Superseded' });
  await action(september, 'Ward burglary figures to the board.', '2026-11-30', { status: 'done', closed: '2026-12-01' });
  const overdue = await action(november, 'Invite DVIP to the next board meeting.', '2027-01-05', { owners: [seed.member.id, seed.chair.id] });
  await db.prisma.actionUpdate.createMany({
    data: [
      { actionId: overdue.id, kind: 'update', text: 'Asked DVIP; waiting to hear.', memberId: seed.member.id, createdAt: new Date('2026-12-01T10:00:00Z') },
      { actionId: overdue.id, kind: 'update', text: 'DVIP can come in March <!channel>.', memberId: seed.chair.id, createdAt: new Date('2027-01-04T10:00:00Z') },
      { actionId: overdue.id, kind: 'chased', text: 'Richard Norfolk chased', createdAt: new Date('2027-01-06T10:00:00Z') },
    ],
  });
  await action(november, 'Circulate the VAWG strategy draft.', '2027-01-21');
  await action(november, 'Named offender case review.', '2027-01-21', { exempt: true });
  await action(november, 'Report on CCTV in the town centre.', '2027-01-21', { status: 'dropped', closed: '2026-12-10', reason: 'Covered by the council\u2019s review' });
}

describe('matters arising', () => {
  it('gives the clerk the actions from earlier meetings: done since the last meeting, open ones carried forward, with owners, due dates and latest updates', async () => {
    await sampleActions();
    const result = as('matters-arising', await t.command(clerk(), 'matters arising'));
    const { report } = result;
    expect(report.meeting).toMatchObject({ id: january, short: 'Fri 22 Jan 2027, 10:00' });
    expect(report.previous).toBe('Fri 20 Nov 2026, 10:00');
    expect(report.item).toBe('4. Matters arising');
    expect(report.carried.map((e) => [e.description, e.state, e.due, e.owners.join(' & ')])).toEqual([
      ['Invite DVIP to the next board meeting.', 'overdue', 'Tue 5 Jan 2027', 'Richard Norfolk & Cllr Krishna Suresh'],
      ['Circulate the VAWG strategy draft.', 'open', 'Thu 21 Jan 2027', 'Richard Norfolk'],
      ['Named offender case review.', 'open', 'Thu 21 Jan 2027', 'Richard Norfolk'],
    ]);
    // The latest written update, not a chase and not an older update.
    expect(report.carried[0]?.latestUpdate).toEqual({ text: 'DVIP can come in March <!channel>.', by: 'Cllr Krishna Suresh', when: 'Mon 4 Jan 2027, 10:00' });
    expect(report.carried[0]?.recordedAt).toBe('Fri 20 Nov 2026, 10:00');
    expect(report.carried[1]?.latestUpdate).toBeUndefined();
    expect(report.done.map((e) => [e.description, e.closedOn, e.recordedAt])).toEqual([['Ward burglary figures to the board.', 'Tue 1 Dec 2026', 'Fri 18 Sept 2026, 10:00']]);
    expect(report.dropped.map((e) => [e.description, e.closedOn, e.statusReason])).toEqual([['Report on CCTV in the town centre.', 'Thu 10 Dec 2026', 'Covered by the council\u2019s review']]);
    expect(report.withheld).toBe(0);
    expect(result.canPost).toBe(true);
    // The meeting named by its date gives the same report.
    expect(as('matters-arising', await t.command(clerk(), 'matters arising 2027-01-22')).report).toEqual(report);
  });

  it('for an earlier meeting, reports what was arising then (actions from before it only)', async () => {
    await sampleActions();
    const { report } = as('matters-arising', await t.command(clerk(), 'matters arising 2026-11-20'));
    expect(report.previous).toBe('Fri 18 Sept 2026, 10:00');
    // Nothing recorded at November itself; September's done/dropped ones closed after September count.
    expect(report.carried.map((e) => e.description)).toEqual([]);
    expect(report.done.map((e) => e.description)).toEqual(['Done before November, so not news.', 'Ward burglary figures to the board.']);
    expect(report.dropped.map((e) => e.description)).toEqual(['Dropped before November.']);
    expect(report.item).toBeUndefined();
  });

  it('offers to attach the report only to a meeting still to come with a Matters Arising item, and only with a public address', async () => {
    await sampleActions();
    expect(as('matters-arising', await t.command(clerk(), 'matters arising')).canAttach).toBe(false);
    await expect(t.click(clerk(), 'action.matters-attach', { meetingId: january })).rejects.toMatchObject({ code: 'NO_PUBLIC_ADDRESS' });
    const linked = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack'], publicBaseUrl: 'https://quorum.example.org' });
    expect(as('matters-arising', await linked.command(clerk(), 'matters arising')).canAttach).toBe(true);
    expect(as('matters-arising', await linked.command(clerk(), 'matters arising 2026-11-20')).canAttach).toBe(false);
    await expect(linked.click(clerk(), 'action.matters-attach', { meetingId: november })).rejects.toMatchObject({ code: 'MEETING_PASSED' });
    const noItem = await db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2027-03-19T10:00:00Z'), status: 'draft', calendarToken: 'mar', items: { create: [{ position: 1, number: '1', title: 'Welcome' }] } } });
    await expect(linked.click(clerk(), 'action.matters-attach', { meetingId: noItem.id })).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
    await expect(linked.click({ platform: 'slack', userId: seed.member.slackUserId }, 'action.matters-attach', { meetingId: january })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    // Two clicks at once attach one link.
    await Promise.all([linked.click(clerk(), 'action.matters-attach', { meetingId: january }), linked.click(clerk(), 'action.matters-attach', { meetingId: january })]);
    const item = await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: january, number: '4' } });
    expect((item.links as unknown[]).length).toBe(1);
    expect(await db.prisma.actionLink.count({ where: { kind: 'matters_arising' } })).toBe(1);
  });

  it('refuses members who are not clerks, bad arguments, and a date with no meeting', async () => {
    await expect(t.command({ platform: 'slack', userId: seed.member.slackUserId }, 'matters arising')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await expect(t.command(clerk(), 'matters arising soon')).rejects.toThrow('"soon" is not a meeting date (YYYY-MM-DD) or "post"');
    await expect(t.command(clerk(), 'matters arising 2027-02-30')).rejects.toMatchObject({ code: 'INVALID_DATE' });
    await expect(t.command(clerk(), 'matters arising 2027-02-05')).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
  });

  it('posts to the board channel without exempt actions, once however often it is asked within the minute', async () => {
    await sampleActions();
    const [a, b] = await Promise.all([t.command(clerk(), 'matters arising post'), t.click(clerk(), 'action.matters-post', { meetingId: january })]);
    expect(as('matters-arising', a).notice).toBe('Matters arising for Fri 22 Jan 2027, 10:00 posted to the board channel.');
    expect(as('matters-arising', b).notice).toBe('Matters arising for Fri 22 Jan 2027, 10:00 posted to the board channel.');
    const posts = await db.prisma.outboxMessage.findMany({ where: { template: 'action.matters-arising' } });
    expect(posts.map((p) => [p.targetKind, p.targetId])).toEqual([['channel', 'CSCPB']]);
    const data = posts[0]?.data as { occasion: string; report: { carried: { description: string }[]; withheld: number } };
    expect(data.occasion).toBe('posted');
    expect(data.report.carried.map((e) => e.description)).toEqual(['Invite DVIP to the next board meeting.', 'Circulate the VAWG strategy draft.']);
    expect(data.report.withheld).toBe(1);
    await expect(t.click({ platform: 'slack', userId: seed.member.slackUserId }, 'action.matters-post', { meetingId: january })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });

  it('goes with each agenda reminder to the channel and the clerk (in full), and not at all when there is nothing to report', async () => {
    await db.prisma.$transaction((tx) => enqueueReminder(tx, january, { kind: 'scheduled', key: 'agenda-reminder:jan:P7D', lead: 'in 7 days' }, { platforms: ['slack'], now: () => now }));
    expect(await db.prisma.outboxMessage.count({ where: { template: 'action.matters-arising' } })).toBe(0);

    await sampleActions();
    const remind = () => db.prisma.$transaction((tx) => enqueueReminder(tx, january, { kind: 'scheduled', key: 'agenda-reminder:jan:P1D', lead: 'tomorrow' }, { platforms: ['slack'], now: () => now }));
    await remind();
    await remind(); // the same reminder again (a second instance) sends nothing more
    const sent = await db.prisma.outboxMessage.findMany({ where: { template: 'action.matters-arising' }, orderBy: { targetKind: 'asc' } });
    expect(sent.map((m) => [m.targetKind, m.targetId, m.expiresAt?.toISOString()])).toEqual([
      ['channel', 'CSCPB', '2027-01-22T10:00:00.000Z'],
      ['user', seed.clerk.slackUserId, '2027-01-22T10:00:00.000Z'],
    ]);
    const toClerk = sent[1]?.data as { occasion: string; report: { carried: unknown[]; withheld: number } };
    expect(toClerk.occasion).toBe('reminder');
    expect([toClerk.report.carried.length, toClerk.report.withheld]).toEqual([3, 0]);
    expect((sent[0]?.data as { report: { withheld: number } }).report.withheld).toBe(1);
  });
});
