// A clerk sees the agenda card as members in the board channel will, before posting. The notice
// makes no claim about who else can read it: on Teams it may be read in the person's own chat.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { requireClerk } from '../boards/members.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { loadMeeting, type MeetingWithItems } from './agenda-view.ts';

/** `meeting`: the meeting as the command found it, so that it is not read again. */
export async function previewAgenda(deps: CoreDeps, input: Invocation & { meetingId: string; meeting?: MeetingWithItems }): Promise<AgendaResult> {
  const meeting = input.meeting?.id === input.meetingId ? input.meeting : await loadMeeting(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, meeting.board, input.actor);
  const exempt = meeting.items.filter((i) => i.exempt).length;
  const hidden = exempt > 0 && !meeting.board.channelIsPrivate;
  const notice =
    `A preview of the agenda card as members will see it${meeting.status === 'draft' ? ' (not posted yet)' : ''}.` +
    (hidden ? ` ${exempt} exempt item${exempt > 1 ? 's are' : ' is'} shown as "Exempt item", as members will see ${exempt > 1 ? 'them' : 'it'}.` : '');
  return agendaAnswer(deps, { meetingId: meeting.id, invocation: input, notice, clerk: true, as: 'members', loaded: meeting });
}
