// "apologies list": for the clerk (and chair), who has sent apologies (reasons, substitutes), who
// will attend, who has not replied, and the quorum forecast, with "Chase the rest". Names are for
// the clerk alone: the answer is the person's (ephemeral on Slack, their own chat on Teams).
import type { QuorumForecast } from '../../domain/apologies/quorum-forecast.ts';
import { forecastQuorum } from '../../domain/apologies/quorum-forecast.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { requireClerk } from '../boards/members.ts';
import { meetingView, type MeetingView } from '../agendas/agenda-view.ts';
import { boardForecastOptions, boardRoster, forecastReplies, meetingReplies } from './meeting-replies.ts';
import { loadMeetingForReplies } from './open-meeting.ts';

export interface ListedPerson {
  memberId: string;
  name: string;
  organisation?: string;
  reason?: string;
  substitute?: string;
  /** Recorded by someone else: "clerk", "deputy", "minutes". */
  recordedVia?: string;
  countsTowardsQuorum: boolean;
}

export interface RepliesListResult {
  kind: 'apologies.list';
  notice?: string;
  meeting: MeetingView;
  forecast: QuorumForecast;
  apologies: ListedPerson[];
  attending: ListedPerson[];
  noReply: ListedPerson[];
  /** Whether replies can still be sent (and so chased). */
  open: boolean;
}

export async function listReplies(deps: CoreDeps, input: Invocation & { meetingId: string; notice?: string }): Promise<RepliesListResult> {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, meeting.board, input.actor);
  const [roster, replies, organisations] = await Promise.all([
    boardRoster(deps.prisma, meeting.boardId),
    meetingReplies(deps.prisma, meeting.id),
    deps.prisma.organisation.findMany({ where: { boardId: meeting.boardId } }),
  ]);
  const orgName = new Map(organisations.map((o) => [o.id, o.shortName ?? o.name]));
  const person = (memberId: string): ListedPerson => {
    const member = roster.find((m) => m.id === memberId) ?? replies.find((r) => r.memberId === memberId)?.member;
    const reply = replies.find((r) => r.memberId === memberId);
    const organisation = member?.organisationId ? orgName.get(member.organisationId) : undefined;
    const substitute = reply?.substitute?.name ?? reply?.substituteName ?? undefined;
    return {
      memberId,
      name: member?.name ?? '',
      countsTowardsQuorum: member?.countsTowardsQuorum ?? false,
      ...(organisation ? { organisation } : {}),
      ...(reply?.reason ? { reason: reply.reason } : {}),
      ...(substitute ? { substitute } : {}),
      ...(reply && reply.recordedVia !== 'member' ? { recordedVia: reply.recordedVia } : {}),
    };
  };
  const replied = new Set(replies.map((r) => r.memberId));
  return {
    kind: 'apologies.list',
    ...(input.notice ? { notice: input.notice } : {}),
    meeting: meetingView(meeting),
    forecast: forecastQuorum(roster, forecastReplies(replies), meeting.board.quorum, boardForecastOptions(meeting.board)),
    apologies: replies.filter((r) => r.reply === 'apologies').map((r) => person(r.memberId)),
    attending: replies.filter((r) => r.reply === 'attending').map((r) => person(r.memberId)),
    noReply: roster.filter((m) => !replied.has(m.id)).map((m) => person(m.id)),
    open: meeting.status !== 'cancelled' && meeting.startsAt > deps.now(),
  };
}
