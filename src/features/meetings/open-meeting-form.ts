// "meeting new" and "meeting edit": the meeting form, for the board (or the meeting) meant.
import { toLocalParts } from '../../domain/time.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { findClerkMeeting, meetingContext } from './find-meeting.ts';
import { meetingCreateForm, meetingEditForm } from './forms.ts';

export async function openNewMeetingForm(deps: CoreDeps, input: Invocation) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  return openForm(meetingCreateForm, { values: { title: board.name, time: '10:00', duration: '120' }, metadata: { boardId: board.id }, context: board.name });
}

export async function openMeetingEditForm(deps: CoreDeps, input: Invocation & { date?: string }) {
  const meeting = await findClerkMeeting(deps, input);
  const local = toLocalParts(meeting.startsAt, meeting.board.timezone);
  return openForm(meetingEditForm, {
    values: { title: meeting.title, date: local.isoDate, time: local.time, duration: String(meeting.durationMinutes), venue: meeting.venue ?? '' },
    metadata: { meetingId: meeting.id },
    context: meetingContext(meeting),
  });
}
