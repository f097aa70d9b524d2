// Which meeting a reply command means: the board's next meeting, or the one on the date given.
import { DateTime } from 'luxon';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';
import { findMeeting } from '../meetings/find-meeting.ts';

export async function findReplyMeeting(deps: CoreDeps, input: Invocation & { date?: string }): Promise<{ board: Board; meetingId: string }> {
  const board = await findBoard(deps.prisma, input);
  const meeting = await findMeeting(deps.prisma, board, input.date, deps.now(), { includeCancelled: Boolean(input.date) });
  return { board, meetingId: meeting.id };
}

/** For attendance: the meeting on the date given, or today's (in the board's timezone). */
export async function findAttendanceMeeting(deps: CoreDeps, input: Invocation & { date?: string }): Promise<{ board: Board; meetingId: string }> {
  const board = await findBoard(deps.prisma, input);
  const date = input.date ?? DateTime.fromJSDate(deps.now(), { zone: board.timezone }).toFormat('yyyy-LL-dd');
  const meeting = await findMeeting(deps.prisma, board, date, deps.now(), { includeCancelled: true });
  return { board, meetingId: meeting.id };
}

/** For the minutes: the meeting on the date given, or the latest that has started, or the next. */
export async function findMinutesMeeting(deps: CoreDeps, input: Invocation & { date?: string }): Promise<{ board: Board; meetingId: string }> {
  const board = await findBoard(deps.prisma, input);
  if (input.date) return { board, meetingId: (await findMeeting(deps.prisma, board, input.date, deps.now(), { includeCancelled: true })).id };
  const latest = await deps.prisma.meeting.findFirst({ where: { boardId: board.id, startsAt: { lte: deps.now() }, status: { not: 'cancelled' } }, orderBy: { startsAt: 'desc' } });
  if (latest) return { board, meetingId: latest.id };
  return { board, meetingId: (await findMeeting(deps.prisma, board, undefined, deps.now())).id };
}
