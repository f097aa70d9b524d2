// On the day, the clerk marks attendance in one form: present, apologies, absent, substitute
// present. The form opens with what the replies say; submitting it sets every member's mark (a
// member left out of every list has no mark). Permitted from the meeting's day onwards.
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, openForm, type NoticeResult } from '../../kernel/results.ts';
import { requireClerk } from '../boards/members.ts';
import type { attendanceValues } from './apology-values.ts';
import { attendanceForm } from './forms.ts';
import { boardRoster, meetingReplies } from './meeting-replies.ts';
import { loadMeetingForReplies, lockMeeting, type MeetingWithBoard } from './open-meeting.ts';

const MARKS = ['present', 'apologies', 'absent', 'substitute'] as const;
type Mark = (typeof MARKS)[number];

async function meetingForAttendance(deps: CoreDeps, input: Invocation & { meetingId: string }): Promise<MeetingWithBoard> {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, meeting.board, input.actor);
  const when = toLocalParts(meeting.startsAt, meeting.board.timezone);
  if (meeting.status === 'cancelled') throw new AppError(ErrorCode.MEETING_CANCELLED, `The meeting of ${when.short} was cancelled, so there is no attendance to mark.`);
  const day = DateTime.fromJSDate(meeting.startsAt, { zone: meeting.board.timezone }).startOf('day');
  if (deps.now() < day.toJSDate()) {
    throw new AppError(ErrorCode.ATTENDANCE_TOO_EARLY, `Attendance is marked on the day of the meeting (${when.date}) or after. Until then, record apologies with "apologies record".`);
  }
  return meeting;
}

export async function openAttendanceForm(deps: CoreDeps, input: Invocation & { meetingId: string }) {
  const meeting = await meetingForAttendance(deps, input);
  const [roster, replies, marks] = await Promise.all([
    boardRoster(deps.prisma, meeting.boardId),
    meetingReplies(deps.prisma, meeting.id),
    deps.prisma.attendanceRecord.findMany({ where: { meetingId: meeting.id } }),
  ]);
  const initial: Record<Mark, string[]> = { present: [], apologies: [], absent: [], substitute: [] };
  for (const member of roster) {
    const marked = marks.find((m) => m.memberId === member.id)?.mark;
    const reply = replies.find((r) => r.memberId === member.id);
    const mark: Mark | undefined = marked ?? (reply?.reply === 'attending' ? 'present' : reply?.reply === 'apologies' ? (reply.substituteMemberId || reply.substituteName ? 'substitute' : 'apologies') : undefined);
    if (mark) initial[mark].push(member.id);
  }
  const people = roster.map((m) => ({ value: m.id, label: m.name }));
  return openForm(attendanceForm, {
    values: initial,
    metadata: { meetingId: meeting.id },
    options: { present: people, apologies: people, absent: people, substitute: people },
    context: `${meeting.board.name}: attendance at the meeting of ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}`,
  });
}

export async function markAttendance(deps: CoreDeps, input: Invocation & { meetingId: string; values: z.output<typeof attendanceValues> }): Promise<NoticeResult> {
  const meeting = await meetingForAttendance(deps, input);
  const roster = await boardRoster(deps.prisma, meeting.boardId);
  const known = new Map(roster.map((m) => [m.id, m]));
  const markOf = new Map<string, Mark>();
  const errors: Record<string, string> = {};
  for (const mark of MARKS) {
    for (const id of input.values[mark] ?? []) {
      const member = known.get(id);
      if (!member) errors[mark] ??= 'Choose members of this board only.';
      else if (markOf.has(id)) errors[mark] ??= `${member.name} is in two lists: choose one.`;
      else markOf.set(id, mark);
    }
  }
  if (Object.keys(errors).length > 0) throw formInvalid(errors, 'Each member goes in one list at most.');
  const clerk = await requireClerk(deps.prisma, meeting.board, input.actor);
  const replies = await meetingReplies(deps.prisma, meeting.id);
  await deps.prisma.$transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    await tx.attendanceRecord.deleteMany({ where: { meetingId: meeting.id, memberId: { notIn: [...markOf.keys()] } } });
    for (const [memberId, mark] of markOf) {
      const reply = replies.find((r) => r.memberId === memberId);
      const substituteName = mark === 'substitute' ? (reply?.substitute?.name ?? reply?.substituteName ?? null) : null;
      await tx.attendanceRecord.upsert({
        where: { meetingId_memberId: { meetingId: meeting.id, memberId } },
        create: { meetingId: meeting.id, memberId, mark, substituteName, markedById: clerk.id },
        update: { mark, substituteName, markedById: clerk.id },
      });
    }
  });
  const count = (mark: Mark) => [...markOf.values()].filter((m) => m === mark).length;
  return notice(
    `Attendance marked for the meeting of ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}: ${count('present')} present, ${count('substitute')} represented by a substitute, ${count('apologies')} apologies, ${count('absent')} absent.`,
    'good',
  );
}
