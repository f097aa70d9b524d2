import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let t: TestCore;
let meetingId: string;
const clerk = (): Actor => ({ platform: 'slack', userId: seed.clerk.slackUserId });
const member = (): Actor => ({ platform: 'slack', userId: seed.member.slackUserId });

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
  t = testCore({ prisma: db.prisma, now: () => new Date('2026-11-24T09:00:00Z'), platforms: ['slack'] });
  meetingId = as('agenda', await t.submit(clerk(), 'meeting.create', { date: '2026-12-04', time: '10:00' }, { boardId: seed.boardId })).agenda.meeting.id;
});

const addAgendaItem = async (actor: Actor, values: Record<string, unknown>) => as('agenda', await t.submit(actor, 'agenda.item.add', values, { meetingId }));
const agendaCommand = async (actor: Actor, text: string) => as('agenda', await t.command(actor, text));
const plan = async (result: Promise<unknown>) => as('forward-plan', (await result) as Awaited<ReturnType<TestCore['command']>>);
const proposeItem = (actor: Actor, values: Record<string, unknown>) => plan(t.submit(actor, 'plan.propose', values, { boardId: seed.boardId }));
const decideProposal = (actor: Actor, payload: Record<string, unknown>) => plan(t.click(actor, 'plan.decide', payload));
const reminders = async (actor: Actor, text: string) => as('board-updated', await t.command(actor, `board reminders ${text}`));

const titles = async () => (await db.prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } })).map((i) => `${i.number}. ${i.title}`);

describe('agenda items', () => {
  it('adds business before Any Other Business, with every field read from the form', async () => {
    const result = await addAgendaItem(clerk(), {
      title: 'Police Update',
      subPoints: '• Performance\n• Crime trends\n',
      reportOf: 'Borough Commander',
      pages: '13 – 18',
      minutes: '10',
      links: 'Police update report https://example.org/police.pdf\nhttps://example.org/annex.pdf',
      exempt: false,
    });
    expect(result.notice).toBe('Added as item 5.');
    expect(result.agenda.items[4]).toEqual({
      number: '5',
      title: 'Police Update',
      subPoints: ['Performance', 'Crime trends'],
      reportOf: 'Borough Commander',
      pages: '13 - 18',
      minutes: 10,
      links: [
        { title: 'Police update report', url: 'https://example.org/police.pdf' },
        { title: 'example.org', url: 'https://example.org/annex.pdf' },
      ],
      exempt: false,
    });
    expect((await titles()).slice(4)).toEqual(['5. Police Update', '6. Any Other Business', '7. Date of Next Meeting']);
  });

  it('reports bad fields against each field and saves nothing', async () => {
    await expect(
      addAgendaItem(clerk(), { title: '', pages: 'twelve', minutes: '-3', links: 'see the report' }),
    ).rejects.toMatchObject({
      fieldErrors: {
        title: 'Enter the item\u2019s title.',
        minutes: 'Enter at least 1 minute.',
        pages: 'Enter pages as a number or a range, e.g. 5 or 5 - 12.',
        links: expect.stringMatching(/"see the report" is not a link/),
      },
    });
    await expect(addAgendaItem(clerk(), { title: 'x'.repeat(201) })).rejects.toMatchObject({
      fieldErrors: { title: 'Keep the title to 200 characters or fewer.' },
    });
    expect(await db.prisma.agendaItem.count({ where: { meetingId } })).toBe(6);
    await expect(addAgendaItem(member(), { title: 'Mine' })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });

  it('moves, edits and removes items, renumbering, and tells the channel once the agenda is out', async () => {
    await addAgendaItem(clerk(), { title: 'Community Safety Strategy' });
    await addAgendaItem(clerk(), { title: 'Police Update' });
    await agendaCommand(clerk(), 'agenda post');
    await agendaCommand(clerk(), 'agenda move 6 to 5');
    expect((await titles()).slice(4, 6)).toEqual(['5. Police Update', '6. Community Safety Strategy']);
    const police = await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId, number: '5' } });
    await t.submit(clerk(), 'agenda.item.edit', { title: 'Police Update (Barnet BCU)', minutes: '15' }, { meetingId, itemId: police.id });
    await agendaCommand(clerk(), 'agenda remove 6');
    expect(await titles()).toEqual([
      '1. Welcome and Introductions',
      '2. Apologies for Absence',
      '3. Minutes of the Previous Meeting',
      '4. Matters Arising',
      '5. Police Update (Barnet BCU)',
      '6. Any Other Business',
      '7. Date of Next Meeting',
    ]);
    const notices = await db.prisma.outboxMessage.findMany({ where: { template: 'agenda.changed' }, orderBy: { createdAt: 'asc' } });
    expect(notices.map((n) => (n.data as { changes: string[] }).changes[0])).toEqual([
      'Item "Police Update" moved from 6 to 5; items renumbered',
      'Item 5 changed: Police Update (Barnet BCU)',
      'Item 6 withdrawn: Community Safety Strategy; items renumbered',
    ]);
    await expect(agendaCommand(clerk(), 'agenda move 5 to 12')).rejects.toThrow(/from 1 to 7/);
    await expect(agendaCommand(clerk(), 'agenda remove 42')).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });
});

describe('forward work plan', () => {
  it('a member proposes, the clerk accepts into a meeting and the item joins its agenda', async () => {
    const proposed = await proposeItem(member(), { title: 'Progress report on anti-social behaviour', overview: 'Partnership response to ASB', reportOf: 'Head of Community Safety' });
    expect(proposed.entries).toEqual([expect.objectContaining({ title: 'Progress report on anti-social behaviour', status: 'proposed', proposedBy: 'Richard Norfolk' })]);
    expect(proposed.canDecide).toBe(false);
    const itemId = proposed.entries[0]!.id;
    await expect(decideProposal(member(), { itemId, decision: 'accept', meetingId })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    const decided = await decideProposal(clerk(), { itemId, decision: 'accept', meetingId });
    expect(decided.notice).toBe('"Progress report on anti-social behaviour" accepted. It is item 5 on the agenda.');
    expect((await titles())[4]).toBe('5. Progress report on anti-social behaviour');
    const listed = await plan(t.command(clerk(), 'plan'));
    expect(listed.entries[0]).toMatchObject({ status: 'accepted', meeting: { id: meetingId, short: 'Fri 4 Dec 2026, 10:00' } });
  });

  it('a double click accepts once: the item joins the agenda once', async () => {
    const proposed = await proposeItem(member(), { title: 'VAWG strategy update' });
    const itemId = proposed.entries[0]!.id;
    const results = await Promise.all([1, 2].map(() => decideProposal(clerk(), { itemId, decision: 'accept', meetingId })));
    expect(results.map((r) => r.notice).sort()).toEqual(['"VAWG strategy update" accepted. It is item 5 on the agenda.', '"VAWG strategy update" was decided a moment ago; nothing more was changed.'].sort());
    expect((await titles()).filter((t) => t.includes('VAWG'))).toHaveLength(1);
  });

  it('keeps "to be allocated" items, and rejects nonsense', async () => {
    await expect(t.command({ platform: 'slack', userId: 'UNOBODY' }, 'plan propose')).rejects.toMatchObject({ code: 'BOARD_NOT_FOUND' });
    await expect(proposeItem({ platform: 'slack', userId: 'UNOBODY' }, { title: 'a proposal' })).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
    await expect(proposeItem(member(), { title: 'ok title', meeting: 'not-a-meeting' })).rejects.toMatchObject({ fieldErrors: { meeting: expect.any(String) } });
    const proposed = await proposeItem(member(), { title: 'Youth Justice Board Update' });
    const decided = await decideProposal(clerk(), { itemId: proposed.entries[0]!.id, decision: 'accept' });
    expect(decided.notice).toMatch(/to be allocated/);
    await expect(decideProposal(clerk(), { itemId: 'x', decision: 'maybe' })).rejects.toMatchObject({ code: 'STALE_CARD' });
  });
});

describe('board setup', () => {
  it('sets a board up in a channel with its creator as clerk, and moves the channel on request', async () => {
    const actor: Actor = { platform: 'teams', userId: 'aad-new-clerk', tenantId: 'tenant-1', displayName: 'Tracy Scollin' };
    const setup = (values: Record<string, unknown>, conversationId?: string) => t.submit(actor, 'board.setup', values, {}, conversationId ? { conversationId } : {});
    const result = as('board-updated', await setup({ name: 'Community Safety Board', slug: 'CSB', quorum: '4' }, '19:new@thread.tacv2'));
    expect(result.notice).toMatch(/you are its clerk/);
    const board = await db.prisma.board.findUniqueOrThrow({ where: { slug: 'csb' }, include: { roles: { include: { member: true } } } });
    expect(board).toMatchObject({ teamsChannelId: '19:new@thread.tacv2', teamsTenantId: 'tenant-1', quorum: 4, timezone: 'Europe/London' });
    expect(board.roles.map((r) => [r.role, r.member.name])).toEqual([['clerk', 'Tracy Scollin']]);
    await expect(setup({ name: 'Another', slug: 'csb' }, '19:other')).rejects.toMatchObject({ fieldErrors: { slug: expect.any(String) } });
    await expect(setup({ name: 'ab', slug: '!', timezone: 'Mars/Olympus', quorum: '0' })).rejects.toMatchObject({
      fieldErrors: { name: expect.any(String), slug: expect.any(String), timezone: expect.any(String), quorum: expect.any(String) },
    });
    const moved = as('board-updated', await t.command(actor, 'board channel --board csb', { conversationId: '19:moved@thread.tacv2' }));
    expect(moved.notice).toMatch(/now Community Safety Board.s channel on Teams/);
    await expect(t.command(member(), 'board channel --board csb', { conversationId: 'CX' })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });
});

describe('reminder schedule', () => {
  it('lets a clerk set when reminders go out, and explains bad input', async () => {
    const set = await reminders(clerk(), '14d 2d 3h');
    expect(set.notice).toBe('Agenda reminders for Safer Communities Partnership Board now go out 14 days and 2 days and 3 hours before each meeting. You can also send one at any time with "agenda remind".');
    expect((await db.prisma.board.findUniqueOrThrow({ where: { id: seed.boardId } })).reminderOffsets).toEqual(['P14D', 'P2D', 'PT3H']);
    await expect(reminders(clerk(), 'tomorrow')).rejects.toThrow(/"tomorrow" is not a reminder time/);
    // Asked with nothing after it, it says what the schedule is.
    expect((await reminders(clerk(), '')).notice).toMatch(/go out 14 days and 2 days and 3 hours before/);
    await expect(reminders(member(), '1d')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await reminders(clerk(), 'none');
    expect((await db.prisma.board.findUniqueOrThrow({ where: { id: seed.boardId } })).reminderOffsets).toEqual([]);
  });
});
