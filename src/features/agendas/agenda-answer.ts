// Answers that show an agenda: the notice of what happened and the card, built for whoever will
// read the answer (the exempt rule is agenda-view.ts's), with the clerk's buttons when the person
// is a clerk or the chair.
import type { Invocation } from '../../kernel/feature.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import { buildAgendaView, channelAudience, CLERK_ALONE, loadMeeting, memberAudience, type AgendaAudience, type AgendaView, type MeetingWithItems } from './agenda-view.ts';

export interface AgendaResult {
  kind: 'agenda';
  /** What happened, in a sentence for the person. */
  notice: string;
  agenda: AgendaView;
  /** The person may post or refresh it (the card offers the clerk's buttons). */
  forClerk: boolean;
}

export const EXEMPT_NOTE = 'Exempt items are shown as "Exempt item" here, where others can see them; ask in your own chat with Quorum to see them in full.';

/** `as`: the audience the person asked to see it as (a preview shows what members will see).
 * `loaded`: the meeting as it now is, when the use case has it (read after its change, if any),
 * so that it is not read again. */
export async function agendaAnswer(
  deps: Pick<CoreDeps, 'prisma' | 'publicBaseUrl'>,
  input: { meetingId: string; invocation: Invocation; notice: string; clerk: boolean; as?: 'members'; loaded?: MeetingWithItems },
): Promise<AgendaResult> {
  const meeting = input.loaded ?? (await loadMeeting(deps.prisma, input.meetingId));
  const { invocation } = input;
  const inConversation = invocation.audience === 'conversation';
  const audience: AgendaAudience = inConversation
    ? channelAudience(meeting.board, invocation.actor.platform, invocation.conversationId)
    : input.clerk && input.as !== 'members'
      ? CLERK_ALONE
      : memberAudience(meeting.board);
  const agenda = buildAgendaView(meeting, audience, deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {});
  const withheld = inConversation && agenda.items.some((i) => i.redacted);
  return { kind: 'agenda', notice: withheld ? `${input.notice} ${EXEMPT_NOTE}` : input.notice, agenda, forClerk: input.clerk };
}
