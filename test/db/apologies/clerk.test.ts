// The clerk's side of apologies through the real core on a real database: the list with the
// forecast, "Chase the rest" (once per member), the paragraph for the minutes in the seeds' style,
// and paste to record with the seeds' own passages.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { addApologiesRoster, postFreshMeeting, type ApologiesRoster } from '../../support/apologies-roster.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let roster: ApologiesRoster;
let now: Date;
let t: TestCore;
let meetingId: string;

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/apologies/${name}`, import.meta.url), 'utf8');
const slack = (userId: string): Actor => ({ platform: 'slack', userId });
const clerk = () => slack(seed.clerk.slackUserId);
const member = () => slack(seed.member.slackUserId);

beforeAll(async () => {
  db = await createTestDatabase();
  seed = await createSeedBoard(db.prisma);
  roster = await addApologiesRoster(db.prisma, seed);
  t = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack', 'teams'] });
});
afterAll(async () => {
  await db?.destroy();
});
beforeEach(async () => {
  now = new Date('2026-11-24T09:00:00Z');
  meetingId = await postFreshMeeting(db.prisma, t, seed);
});

const record = (memberId: string, reply: string, values: Record<string, unknown> = {}) => t.submit(clerk(), 'apologies.record', { member: memberId, reply, ...values }, { meetingId });
const chases = () => db.prisma.outboxMessage.findMany({ where: { template: 'apologies.chase' } });

describe('apologies list', () => {
  it('shows the clerk apologies with reasons and substitutes, who attends, who has not replied, and the forecast', async () => {
    await t.submit(member(), 'apologies.send', { reason: 'On leave', substitute: roster.deputy.id }, { meetingId, memberId: seed.member.id });
    await record(roster.fire.id, 'attending');
    const list = as('apologies.list', await t.command(clerk(), 'apologies list'));
    expect(list.apologies).toEqual([{ memberId: seed.member.id, name: 'Richard Norfolk', organisation: 'Metropolitan Police Service', reason: 'On leave', substitute: 'Ms Lynne Abram', countsTowardsQuorum: true }]);
    expect(list.attending.map((p) => [p.name, p.recordedVia])).toEqual([['Steve Leader', 'clerk']]);
    expect(list.noReply.map((p) => p.name)).toEqual(['Alex Dewsnap', 'Chief Inspector Mark Strugnell', 'Cllr Krishna Suresh', 'Ms Lynne Abram']);
    expect(list.forecast).toMatchObject({ counting: 5, apologies: 1, substitutes: 1, expected: 5, quorum: 3, status: 'quorate' });
    await expect(t.command(member(), 'apologies list')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });

  it('"Chase the rest" sends one message to each non-replier, once, however often it is clicked', async () => {
    await record(roster.fire.id, 'attending');
    const first = as('apologies.list', await t.click(clerk(), 'apologies.chase', { meetingId }));
    // The chair, the Borough Commander, the colleague and the deputy; not the clerk who asked.
    expect(first.notice).toBe('Chased 4 members who had not replied.');
    const sent = await chases();
    expect(sent).toHaveLength(8); // each on Slack and on Teams
    expect(new Set(sent.map((c) => c.targetId))).toEqual(
      new Set([seed.chair, seed.member, roster.colleague, roster.deputy].flatMap((p) => [p.slackUserId, p.teamsAadId])),
    );
    expect(sent.every((c) => c.targetKind === 'user')).toBe(true);
    const again = as('apologies.list', await t.click(clerk(), 'apologies.chase', { meetingId }));
    expect(again.notice).toBe('Everyone who has not replied has been chased already: nobody was chased twice.');
    expect(await chases()).toHaveLength(8);
    await expect(t.click(member(), 'apologies.chase', { meetingId })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });
});

describe('the paragraph for the minutes', () => {
  it('in the seeds\u2019 style from the apologies received, with titles on request, and "None." when there are none', async () => {
    expect(as('apologies.minutes', await t.command(clerk(), 'apologies minutes 2026-12-04')).paragraph).toBe('None.');
    await db.prisma.member.update({ where: { id: seed.member.id }, data: { title: 'Borough Commander' } });
    await t.submit(member(), 'apologies.send', { substitute: roster.deputy.id }, { meetingId, memberId: seed.member.id });
    await record(roster.fire.id, 'apologies');
    const plain = as('apologies.minutes', await t.command(clerk(), 'apologies minutes'));
    expect(plain.paragraph).toBe('Apologies were received from Richard Norfolk (Ms Abram was substituting) and Steve Leader.');
    const titled = as('apologies.minutes', await t.click(clerk(), 'apologies.minutes', { meetingId, titles: true }));
    expect(titled.paragraph).toBe('Apologies were received from Richard Norfolk, Borough Commander, Metropolitan Police Service (Ms Abram was substituting) and Steve Leader of London Fire Brigade.');
    expect(titled.bullets).toBe('Apologies:\n- Richard Norfolk, Borough Commander, Metropolitan Police Service (Ms Abram substituting)\n- Steve Leader, London Fire Brigade');
    await expect(t.command(member(), 'apologies minutes')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });

  it('from attendance as marked on the day, once there is any', async () => {
    await record(roster.fire.id, 'apologies');
    now = new Date('2026-12-04T12:30:00Z');
    await t.submit(clerk(), 'apologies.attendance', { present: [seed.clerk.id, seed.chair.id], absent: [roster.fire.id], apologies: [roster.colleague.id] }, { meetingId });
    const minutes = as('apologies.minutes', await t.command(clerk(), 'apologies minutes'));
    expect(minutes.source).toBe('attendance');
    expect(minutes.paragraph).toBe('Apologies were received from Chief Inspector Mark Strugnell.');
  });
});

describe('paste to record', () => {
  beforeEach(async () => {
    // The members the seed minutes name.
    const mopac = await db.prisma.organisation.upsert({ where: { boardId_name: { boardId: seed.boardId, name: "Mayor's Office for Policing and Crime" } }, update: {}, create: { boardId: seed.boardId, name: "Mayor's Office for Policing and Crime", shortName: 'MOPAC' } });
    const council = await db.prisma.organisation.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'London Borough of Harrow' } });
    for (const [name, organisationId] of [['Peter Clifton', council.id], ['Jamie Keddy', mopac.id], ['Lynne Abrams', mopac.id], ['Julie Taylor', council.id]] as const) {
      if (!(await db.prisma.member.findFirst({ where: { boardId: seed.boardId, name } }))) await db.prisma.member.create({ data: { boardId: seed.boardId, organisationId, name } });
    }
  });

  const paste = async (text: string) => as('apologies.paste', await t.submit(clerk(), 'apologies.paste', { text }, { meetingId }));
  const confirm = async (pasteId: string, actor = clerk()) => as('apologies.paste', await t.click(actor, 'apologies.paste.confirm', { pasteId }));

  it('the October 2017 sentence: shown matched first, recorded as apologies only on Confirm, once however often it is clicked', async () => {
    const form = as('form', await t.command(clerk(), 'apologies paste'));
    expect(form.metadata).toEqual({ meetingId });
    const preview = await paste(fixture('minutes-2017-10-27.txt'));
    expect(preview).toMatchObject({ stage: 'preview', recordedAs: 'replies', unresolved: [], none: false });
    expect(preview.matched).toEqual([
      { asWritten: 'Mr Peter Clifton', memberName: 'Peter Clifton' },
      // "Ms Abram" is Ms Lynne Abram of the police here, who cannot stand in for MOPAC: kept as named.
      { asWritten: 'Jamie Keddy', memberName: 'Jamie Keddy', substitute: 'Ms Abram' },
    ]);
    // Nothing recorded, nothing queued, until the clerk confirms.
    expect(await db.prisma.meetingReply.count({ where: { meetingId } })).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { template: 'agenda.card', operation: 'update' } })).toBe(0);

    // Only a clerk confirms.
    await expect(confirm(preview.pasteId, member())).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    expect(await db.prisma.meetingReply.count({ where: { meetingId } })).toBe(0);

    const recorded = await confirm(preview.pasteId);
    expect(recorded).toMatchObject({ stage: 'recorded', matched: preview.matched });
    const rows = await db.prisma.meetingReply.findMany({ where: { meetingId }, include: { member: true, substitute: true }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.member.name, r.reply, r.substitute?.name ?? r.substituteName, r.recordedVia])).toEqual([
      ['Peter Clifton', 'apologies', null, 'minutes'],
      ['Jamie Keddy', 'apologies', 'Ms Abram', 'minutes'],
    ]);
    // One card update per posted card, for both apologies together.
    expect(await db.prisma.outboxMessage.count({ where: { template: 'agenda.card', operation: 'update', status: 'pending' } })).toBe(2);
    // A double click or a retry: told it was done, nothing recorded twice.
    const again = await confirm(preview.pasteId);
    expect(again.stage).toBe('already');
    expect(await db.prisma.meetingReply.count({ where: { meetingId } })).toBe(2);
    // Two clicks at once (two instances): one records, the other is told.
    const second = await paste(fixture('minutes-2017-10-27.txt'));
    const both = await Promise.all([confirm(second.pasteId), confirm(second.pasteId)]);
    expect(both.map((r) => r.stage).sort()).toEqual(['already', 'recorded']);
    expect(await db.prisma.meetingReply.count({ where: { meetingId } })).toBe(2);

    // A spelling one letter off MOPAC's Lynne Abrams: matched, and flagged for the clerk to check.
    const close = await paste('Apologies were received from Jamie Keddy (Ms Abrahms was substituting).');
    expect(close.matched).toEqual([{ asWritten: 'Jamie Keddy', memberName: 'Jamie Keddy', substitute: 'Lynne Abrams', close: true }]);
  });

  it('names it cannot match are shown to resolve, never dropped; after the meeting, Confirm records the 2012 list as attendance marks', async () => {
    now = new Date('2026-12-05T09:00:00Z');
    const preview = await paste(fixture('minutes-2012.txt'));
    expect(preview.recordedAs).toBe('attendance');
    expect(preview.matched.map((r) => r.memberName)).toEqual(['Julie Taylor']);
    const unresolved = [
      'Andrew Nathan, Strategic Policy Adviser, LBB',
      'Jay Mercer, Deputy Director Children\u2019s Services, LBB',
      'Chris Palmer, AD Communications, LBB',
      'T/Chief Supt Neil Seabridge, Metropolitan Police',
      'Ceri Jacob, NC London NHS',
    ];
    expect(preview.unresolved.map((u) => u.asWritten)).toEqual(unresolved);
    expect(preview.unresolved[0]?.why).toContain('Not on the roster');
    expect(await db.prisma.attendanceRecord.count({ where: { meetingId } })).toBe(0);
    const recorded = await confirm(preview.pasteId);
    // The unmatched names are still there after the Confirm, for the clerk to resolve.
    expect(recorded.unresolved.map((u) => u.asWritten)).toEqual(unresolved);
    expect(await db.prisma.attendanceRecord.findMany({ where: { meetingId }, select: { mark: true } })).toEqual([{ mark: 'apologies' }]);
    await expect(paste('The Chairman welcomed all.')).rejects.toMatchObject({ code: 'FORM_INVALID', fieldErrors: { text: expect.stringContaining('I could not find apologies') } });
    await expect(t.submit(member(), 'apologies.paste', { text: 'None.' }, { meetingId })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });

  it('two members who share a surname are shown as candidates; the clerk chooses who it is before confirming; a cancelled meeting takes no paste', async () => {
    const council = await db.prisma.organisation.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'London Borough of Harrow' } });
    const sarah = await db.prisma.member.create({ data: { boardId: seed.boardId, organisationId: council.id, name: 'Sarah Taylor' } });
    const julie = await db.prisma.member.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'Julie Taylor' } });
    const clifton = await db.prisma.member.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'Peter Clifton' } });
    const preview = await paste('Apologies were received from Ms Taylor, Peter Clifton and Ms Jane Nobody.');
    expect(preview.matched.map((m) => m.memberName)).toEqual(['Peter Clifton']);
    expect(preview.unresolved).toEqual([
      { asWritten: 'Ms Taylor', why: expect.stringMatching(/^Could be (Julie Taylor or Sarah Taylor|Sarah Taylor or Julie Taylor): choose who it is before you confirm\.$/) },
      { asWritten: 'Ms Jane Nobody', why: 'Not on the roster: choose a member before you confirm, or add them to the roster.' },
    ]);

    // "Choose who the unmatched names are": one select per name, the candidates first, "leave it out" chosen.
    const form = as('form', await t.click(clerk(), 'apologies.paste.resolve', { pasteId: preview.pasteId }));
    expect(form.form).toBe('apologies.paste.resolve');
    expect(form.metadata).toEqual({ pasteId: preview.pasteId, names: '2' });
    expect(form.values).toEqual({ who_0: '', who_1: '' });
    expect(form.fields?.map((f) => f.label)).toEqual(['Ms Taylor', 'Ms Jane Nobody']);
    expect(form.fields?.[0]?.options?.slice(0, 3).map((o) => o.label).sort()).toEqual(['Julie Taylor', 'Leave it out for now (not recorded)', 'Sarah Taylor']);
    await expect(t.click(member(), 'apologies.paste.resolve', { pasteId: preview.pasteId })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    // Someone already in the list is refused on that name's field, and nothing changes.
    await expect(t.submit(clerk(), 'apologies.paste.resolve', { who_0: clifton.id, who_1: '' }, form.metadata)).rejects.toMatchObject({ code: 'FORM_INVALID', fieldErrors: { who_0: 'Peter Clifton is in the list already.' } });
    // Julie it is; Ms Jane Nobody left out, and still shown.
    const resolved = as('apologies.paste', await t.submit(clerk(), 'apologies.paste.resolve', { who_0: julie.id, who_1: '' }, form.metadata));
    expect(resolved.stage).toBe('preview');
    expect(resolved.matched).toEqual([{ asWritten: 'Peter Clifton', memberName: 'Peter Clifton' }, { asWritten: 'Ms Taylor', memberName: 'Julie Taylor' }]);
    expect(resolved.unresolved.map((u) => u.asWritten)).toEqual(['Ms Jane Nobody']);
    expect(await db.prisma.meetingReply.count({ where: { meetingId } })).toBe(0);
    // The old form (two names) is out of date now.
    await expect(t.submit(clerk(), 'apologies.paste.resolve', { who_0: sarah.id }, form.metadata)).rejects.toMatchObject({ code: 'STALE_FORM' });
    const recorded = await confirm(preview.pasteId);
    expect(recorded.matched.map((m) => m.memberName)).toEqual(['Peter Clifton', 'Julie Taylor']);
    expect((await db.prisma.meetingReply.findMany({ where: { meetingId }, include: { member: true } })).map((r) => r.member.name).sort()).toEqual(['Julie Taylor', 'Peter Clifton']);
    // Confirmed: choosing again changes nothing.
    const late = as('apologies.paste', await t.click(clerk(), 'apologies.paste.resolve', { pasteId: preview.pasteId }));
    expect(late.stage).toBe('already');
    await db.prisma.meetingReply.deleteMany({ where: { meetingId } });
    await db.prisma.member.deleteMany({ where: { id: sarah.id } });

    await t.command(clerk(), 'meeting cancel 2026-12-04 Room unavailable');
    await expect(paste('Apologies were received from Peter Clifton.')).rejects.toMatchObject({ code: 'MEETING_CANCELLED' });
    await expect(confirm(preview.pasteId)).rejects.toMatchObject({ code: 'MEETING_CANCELLED' });
    expect(await db.prisma.meetingReply.count({ where: { meetingId } })).toBe(0);
  });
});
