// Which meeting a clerk means: the one on the date they give, or the board's next one.
import { DateTime } from 'luxon';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, PrismaClient } from '../../persistence/generated/client.ts';
import { toLocalParts } from '../../domain/time.ts';
import { MEETING_WITH_ITEMS, type MeetingWithItems } from '../agendas/agenda-view.ts';
import { findBoard, type BoardContext } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';

/** `ref` is empty (the next meeting) or a local date "2026-12-04". */
export async function findMeeting(
  prisma: PrismaClient,
  board: Board,
  ref: string | undefined,
  now: Date,
  options: { includeCancelled?: boolean } = {},
): Promise<MeetingWithItems> {
  const statuses = options.includeCancelled
    ? undefined
    : { notIn: ['cancelled' as const, 'held' as const, 'minutes_approved' as const] };
  const date = ref?.trim();
  if (date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new AppError(ErrorCode.INVALID_DATE, `"${date.slice(0, 40)}" is not a date. Give the meeting's date as YYYY-MM-DD, e.g. 2026-12-04.`);
    }
    const day = DateTime.fromISO(date, { zone: board.timezone });
    if (!day.isValid) throw new AppError(ErrorCode.INVALID_DATE, `${date} is not a date in the calendar.`);
    const found = await prisma.meeting.findFirst({
      where: {
        boardId: board.id,
        startsAt: { gte: day.startOf('day').toJSDate(), lt: day.plus({ days: 1 }).startOf('day').toJSDate() },
        ...(statuses ? { status: statuses } : {}),
      },
      orderBy: { startsAt: 'asc' },
      include: MEETING_WITH_ITEMS,
    });
    if (!found) throw new AppError(ErrorCode.MEETING_NOT_FOUND, `${board.name} has no meeting on ${toLocalParts(day.toJSDate(), board.timezone).date}.`);
    return found;
  }
  const next = await prisma.meeting.findFirst({
    where: { boardId: board.id, startsAt: { gt: now }, ...(statuses ? { status: statuses } : {}) },
    orderBy: { startsAt: 'asc' },
    include: MEETING_WITH_ITEMS,
  });
  if (!next) {
    throw new AppError(ErrorCode.MEETING_NOT_FOUND, `${board.name} has no meeting coming up. A clerk can create one with "meeting new".`);
  }
  return next;
}

/** For a clerk's command: the board they mean, checked, and its meeting on that date (or next). */
export async function findClerkMeeting(deps: { prisma: PrismaClient; now: () => Date }, input: BoardContext & { date?: string }): Promise<MeetingWithItems> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  return findMeeting(deps.prisma, board, input.date, deps.now());
}

/** "Safer Communities Partnership Board: Fri 4 Dec 2026, 10:00", above a form. */
export const meetingContext = (m: MeetingWithItems): string => `${m.board.name}: ${m.title}, ${toLocalParts(m.startsAt, m.board.timezone).short}`;
