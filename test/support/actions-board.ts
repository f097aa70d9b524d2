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
