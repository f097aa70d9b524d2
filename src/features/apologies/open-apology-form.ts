// "Send apologies" (a button on the agenda card and reminders, or the `apologies` command): the
// short form, with the reason and the substitute as they stand, or the member's standing deputy
// pre-filled.
import type { Choice } from '../../kernel/results.ts';
import { openForm } from '../../kernel/results.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { toLocalParts } from '../../domain/time.ts';
import type { Member } from '../../persistence/generated/client.ts';
import { apologyForm } from './forms.ts';
import { loadMeetingForReplies, requireOpenForReplies } from './open-meeting.ts';
import { replyMember } from './reply-member.ts';
import { substituteChoices } from './save-reply.ts';
import { requireReplier } from './who-may-reply.ts';

export const NO_SUBSTITUTE: Choice = { value: '', label: 'No substitute' };

export function substituteOptions(member: Member, choices: Member[]): Choice[] {
  return [
    NO_SUBSTITUTE,
    ...choices.map((m) => ({ value: m.id, label: m.id === member.standingDeputyId ? `${m.name} (standing deputy)` : m.name })),
  ];
}

export async function openApologyForm(deps: CoreDeps, input: Invocation & { meetingId: string; memberId?: string }) {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  const member = await replyMember(deps.prisma, meeting, input.actor, input.memberId);
  // No member named: replyMember found the clicker's own record, so they reply as the member
  // (requireReplier would find the same record again to say so).
  const { via } = input.memberId ? await requireReplier(deps.prisma, meeting.board, input.actor, member) : { via: 'member' as const };
  await requireOpenForReplies(deps.prisma, meeting, deps.now(), { forClerk: via === 'clerk' });
  const current = await deps.prisma.meetingReply.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } } });
  const choices = await substituteChoices(deps.prisma, member);
  const apologies = current?.reply === 'apologies' ? current : null;
  const substitute = apologies ? (apologies.substituteMemberId ?? '') : (member.standingDeputyId && choices.some((c) => c.id === member.standingDeputyId) ? member.standingDeputyId : '');
  const when = toLocalParts(meeting.startsAt, meeting.board.timezone).short;
  const upcoming = await deps.prisma.meeting.count({ where: { boardId: meeting.boardId, startsAt: { gt: deps.now() }, status: { notIn: ['cancelled', 'held', 'minutes_approved'] } } });
  return openForm(apologyForm, {
    values: {
      ...(apologies?.reason ? { reason: apologies.reason } : {}),
      substitute,
      ...(apologies?.substituteName ? { substituteName: apologies.substituteName } : {}),
    },
    metadata: { meetingId: meeting.id, memberId: member.id },
    options: { substitute: substituteOptions(member, choices) },
    context: `${meeting.board.name}: apologies ${via === 'member' ? '' : `for ${member.name} `}for the meeting of ${when}${
      upcoming > 1 ? `. ${upcoming} meetings are coming up: for another, type "apologies" and its date (YYYY-MM-DD)` : ''
    }`,
  });
}
