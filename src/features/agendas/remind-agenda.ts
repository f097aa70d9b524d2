// A clerk sends a reminder now, on top of the scheduled ones. One per minute at most: a double
// click or a retried command sends it once.
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { enqueueReminder } from './agenda-delivery.ts';
import { describe } from './post-agenda.ts';
import { postableMeeting } from './postable-meeting.ts';
import type { MeetingWithItems } from './agenda-view.ts';

/** `meeting`: the meeting as the command found it, so that it is not read again before the checks. */
export async function remindAgenda(deps: CoreDeps, input: Invocation & { meetingId: string; meeting?: MeetingWithItems }): Promise<AgendaResult> {
  const meeting = await postableMeeting(deps, input.actor, input.meeting?.id === input.meetingId ? input.meeting : input.meetingId);
  if (meeting.status !== 'agenda_published') {
    throw new AppError(ErrorCode.AGENDA_NOT_PUBLISHED, 'The agenda has not been posted yet. Post it first with "agenda post".');
  }
  const minute = Math.floor(deps.now().getTime() / 60_000);
  const channels = await deps.prisma.$transaction((tx) => enqueueReminder(tx, meeting.id, { kind: 'on-demand', key: `agenda-remind:${meeting.id}:${minute}` }, deps));
  deps.onQueued?.();
  const notice = `Reminder sent to ${describe(channels)} for the meeting on ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}.`;
  // A reminder changes nothing of the meeting: the answer shows it as it was read.
  return agendaAnswer(deps, { meetingId: meeting.id, invocation: input, notice, clerk: false, loaded: meeting });
}
