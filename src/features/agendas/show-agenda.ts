// A member asks for the agenda: the published one (clerks also see a draft), as the board's
// channel shows it.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { isClerk, requireMember } from '../boards/members.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { loadMeeting, type MeetingWithItems } from './agenda-view.ts';

/** `meeting`: the meeting as the command found it, so that it is not read again. */
export async function showAgenda(deps: CoreDeps, input: Invocation & { meetingId: string; meeting?: MeetingWithItems }): Promise<AgendaResult> {
  const meeting = input.meeting?.id === input.meetingId ? input.meeting : await loadMeeting(deps.prisma, input.meetingId);
  const member = await requireMember(deps.prisma, meeting.board, input.actor, 'see its agendas here');
  const clerk = await isClerk(deps.prisma, meeting.boardId, member.id);
  if (meeting.status === 'draft' && !clerk) throw new AppError(ErrorCode.AGENDA_NOT_PUBLISHED, 'The agenda for the next meeting has not been published yet.');
  // Said the same wherever it is read (a Teams channel too): no claim about who else can see it.
  const notice = meeting.status === 'draft' ? 'The draft agenda, as members will see it once it is posted.' : 'The agenda as published.';
  return agendaAnswer(deps, { meetingId: meeting.id, invocation: input, notice, clerk, as: 'members', loaded: meeting });
}
