// The meeting a reply is for, still open to replies: not cancelled, not started. Replies may be
// changed or withdrawn until the meeting starts; after that the clerk marks attendance instead.
import { DateTime } from 'luxon';
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, Meeting, Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { clerksToAsk } from './who-may-reply.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export type MeetingWithBoard = Meeting & { board: Board };

export async function loadMeetingForReplies(db: Db, meetingId: string): Promise<MeetingWithBoard> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { board: true } });
  if (!meeting) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.', { log: `meeting ${meetingId} not found` });
  return meeting;
}

/** Refuses a cancelled meeting or one that has started, saying what to do instead: a member is
 * told to tell the clerk; the clerk (or chair) is told to mark attendance. */
export async function requireOpenForReplies(db: Db, meeting: MeetingWithBoard, now: Date, options: { forClerk?: boolean } = {}): Promise<void> {
  const when = toLocalParts(meeting.startsAt, meeting.board.timezone).short;
  if (meeting.status === 'cancelled') {
    throw new AppError(ErrorCode.MEETING_CANCELLED, `The meeting of ${when} was cancelled, so there is nothing to reply to.`, { log: `meeting ${meeting.id} cancelled` });
  }
  if (meeting.startsAt <= now || meeting.status === 'held' || meeting.status === 'minutes_approved') {
    const instead = options.forClerk
      ? `Mark who came, and who sent apologies, with "attendance ${DateTime.fromJSDate(meeting.startsAt, { zone: meeting.board.timezone }).toISODate() ?? ''}".`
      : `Tell ${await clerksToAsk(db, meeting.board)}, who can mark attendance on the day.`;
    throw new AppError(ErrorCode.MEETING_PASSED, `The meeting of ${when} has started, so replies can no longer be changed. ${instead}`, { log: `meeting ${meeting.id} started` });
  }
}

/** Serialises replies to one meeting (two instances, two clicks): the forecast each transaction
 * computes then sees every reply committed before it, so a warning is never missed or doubled. */
export async function lockMeeting(tx: Prisma.TransactionClient, meetingId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "meeting" WHERE "id" = ${meetingId}::uuid FOR UPDATE`;
}
