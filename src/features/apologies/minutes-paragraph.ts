// The apologies paragraph for the minutes, ready to paste, in the seeds' style: from attendance as
// marked on the day when there is any, otherwise from the apologies received.
import { minutesBullets, minutesParagraph, type MinutesApology } from '../../domain/apologies/minutes-paragraph.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { requireClerk } from '../boards/members.ts';
import { meetingView, type MeetingView } from '../agendas/agenda-view.ts';
import { meetingReplies } from './meeting-replies.ts';
import { loadMeetingForReplies } from './open-meeting.ts';

export interface MinutesResult {
  kind: 'apologies.minutes';
  meeting: MeetingView;
  withTitles: boolean;
  paragraph: string;
  bullets: string;
  /** "attendance" when taken from the marks on the day, else "replies". */
  source: 'attendance' | 'replies';
}

export async function apologiesForMinutes(deps: CoreDeps, input: Invocation & { meetingId: string; withTitles: boolean }): Promise<MinutesResult> {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, meeting.board, input.actor);
  const organisations = new Map((await deps.prisma.organisation.findMany({ where: { boardId: meeting.boardId } })).map((o) => [o.id, o.shortName ?? o.name]));
  const marks = await deps.prisma.attendanceRecord.findMany({ where: { meetingId: meeting.id }, include: { member: true }, orderBy: { member: { name: 'asc' } } });
  const replies = await meetingReplies(deps.prisma, meeting.id);
  const describe = (member: { name: string; title: string | null; organisationId: string | null }, substitute?: string | null): MinutesApology => {
    const organisation = member.organisationId ? organisations.get(member.organisationId) : undefined;
    return { name: member.name, ...(member.title ? { title: member.title } : {}), ...(organisation ? { organisation } : {}), ...(substitute ? { substitute } : {}) };
  };
  const source = marks.length > 0 ? 'attendance' : 'replies';
  const apologies =
    source === 'attendance'
      ? marks.filter((m) => m.mark === 'apologies' || m.mark === 'substitute').map((m) => describe(m.member, m.mark === 'substitute' ? m.substituteName : undefined))
      : replies.filter((r) => r.reply === 'apologies').map((r) => describe(r.member, r.substitute?.name ?? r.substituteName));
  return {
    kind: 'apologies.minutes',
    meeting: meetingView(meeting),
    withTitles: input.withTitles,
    paragraph: minutesParagraph(apologies, { withTitles: input.withTitles }),
    bullets: minutesBullets(apologies),
    source,
  };
}
