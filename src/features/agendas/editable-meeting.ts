// A meeting whose agenda a clerk may change: it exists, the person is a clerk or the chair of its
// board, and it is neither cancelled nor started.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { loadMeeting, type MeetingWithItems } from './agenda-view.ts';

export async function editableMeeting(deps: { prisma: PrismaClient; now: () => Date }, actor: Actor, meetingId: string): Promise<MeetingWithItems> {
  const meeting = await loadMeeting(deps.prisma, meetingId).catch(() => {
    throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.', { log: `meeting ${meetingId} not found` });
  });
  await requireClerk(deps.prisma, meeting.board, actor);
  if (meeting.status === 'cancelled') throw new AppError(ErrorCode.MEETING_CANCELLED, 'That meeting is cancelled; its agenda cannot change.');
  if (meeting.startsAt <= deps.now()) throw new AppError(ErrorCode.MEETING_PASSED, 'That meeting has started; its agenda can no longer change.');
  return meeting;
}
