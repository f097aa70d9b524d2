// A meeting whose agenda can be posted or reminded: a clerk asks, it has not started, it has
// items, and the board has a channel to post to.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import { requireClerk } from '../boards/members.ts';
import { boardChannels } from './agenda-delivery.ts';
import { loadMeeting, type MeetingWithItems } from './agenda-view.ts';

/** Given the meeting (as the command found it), it is checked without being read again. */
export async function postableMeeting(deps: CoreDeps, actor: Actor, meetingOrId: string | MeetingWithItems): Promise<MeetingWithItems> {
  const meeting =
    typeof meetingOrId !== 'string'
      ? meetingOrId
      : await loadMeeting(deps.prisma, meetingOrId).catch(() => {
          throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.', { log: `meeting ${meetingOrId} not found` });
        });
  await requireClerk(deps.prisma, meeting.board, actor);
  if (meeting.status === 'cancelled') throw new AppError(ErrorCode.MEETING_CANCELLED, 'That meeting is cancelled, so its agenda can no longer be posted or reminded.');
  if (meeting.startsAt.getTime() <= deps.now().getTime()) {
    throw new AppError(ErrorCode.MEETING_PASSED, 'That meeting has already started, so its agenda can no longer be posted or reminded.');
  }
  if (meeting.items.length === 0) throw new AppError(ErrorCode.AGENDA_EMPTY, 'The agenda has no items yet. Add items with "agenda add" or "agenda paste" first.');
  if (boardChannels(meeting.board, deps.platforms).length === 0) {
    throw new AppError(
      ErrorCode.NO_BOARD_CHANNEL,
      `${meeting.board.name} has no board channel yet. Run "board channel" in the channel where the board meets, after inviting Quorum to it.`,
    );
  }
  return meeting;
}
