// The rows the action tests start from: a held meeting of the seed board, and open actions from
// it whose owners were told on a given day. Written straight to the database, so that each test
// sets up only what it is about.
import type { PrismaClient } from '../../src/persistence/database.ts';

/** Midnight UTC on this ISO date. */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A held meeting of the board (by default the one of Sat 20 Mar 2027, 10:00). Returns its id. */
export async function createHeldMeeting(prisma: PrismaClient, boardId: string, startsAt = '2027-03-20T10:00:00Z'): Promise<string> {
  return (await prisma.meeting.create({ data: { boardId, title: 'SCPB', startsAt: new Date(startsAt), status: 'held', calendarToken: 'tok' } })).id;
}

/** An open action from that meeting, due on `due`, its owners told of it on `notifiedOn`. */
export function createOpenAction(prisma: PrismaClient, a: { boardId: string; meetingId: string; description: string; due: string; owners: string[]; notifiedOn: string }) {
  return prisma.action.create({
    data: { boardId: a.boardId, meetingId: a.meetingId, description: a.description, dueDate: day(a.due), owners: { create: a.owners.map((memberId) => ({ memberId, notifiedOn: day(a.notifiedOn) })) } },
  });
}

/** The board `actions chase` is tried on, on either platform: a held meeting of Fri 20 Nov 2026
 * with five actions due Thu 10 Dec: two for the seed member, one for the chair, one snoozed until
 * 1 Dec (Sam Snoozer) and one done (Fran Finisher). `person` gives those two their platform ids. */
export async function createChaseBoard(prisma: PrismaClient, board: { boardId: string; memberId: string; chairId: string }, person: (id: 'snoozer' | 'finisher') => { slackUserId: string } | { teamsAadId: string }) {
  const snoozer = await prisma.member.create({ data: { boardId: board.boardId, name: 'Sam Snoozer', ...person('snoozer') } });
  const finisher = await prisma.member.create({ data: { boardId: board.boardId, name: 'Fran Finisher', ...person('finisher') } });
  const heldId = await createHeldMeeting(prisma, board.boardId, '2026-11-20T10:00:00Z');
  const action = (description: string, memberId: string, extra: { status?: 'done'; snoozedUntil?: Date } = {}) =>
    prisma.action.create({
      data: {
        boardId: board.boardId,
        meetingId: heldId,
        description,
        dueDate: day('2026-12-10'),
        ...(extra.status ? { status: extra.status } : {}),
        owners: { create: [{ memberId, notifiedOn: day('2026-11-10'), ...(extra.snoozedUntil ? { snoozedUntil: extra.snoozedUntil } : {}) }] },
      },
    });
  await action('Bring the ward burglary figures', board.memberId);
  await action('Invite DVIP to the next board meeting', board.memberId);
  await action('Circulate the hate crime report', board.chairId);
  await action('Book the venue for March', snoozer.id, { snoozedUntil: day('2026-12-01') });
  await action('Send the minutes to the PCC', finisher.id, { status: 'done' });
  return { heldId, snoozer, finisher };
}
