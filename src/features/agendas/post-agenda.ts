// A clerk posts the agenda to the board's channels. Posting again brings the cards already posted
// up to date; when they already show this version nothing is sent twice.
import { toLocalParts } from '../../domain/time.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { postOrRefreshAgenda, type BoardChannel } from './agenda-delivery.ts';
import { postableMeeting } from './postable-meeting.ts';
import type { MeetingWithItems } from './agenda-view.ts';

/** `meeting`: the meeting as the command found it, so that it is not read again before the checks. */
export async function postAgenda(deps: CoreDeps, input: Invocation & { meetingId: string; meeting?: MeetingWithItems }): Promise<AgendaResult> {
  const meeting = await postableMeeting(deps, input.actor, input.meeting?.id === input.meetingId ? input.meeting : input.meetingId);
  const outcome = await deps.prisma.$transaction(async (tx) => {
    // Published first, so the card posted says so (and carries the calendar link).
    if (meeting.status !== 'agenda_published') await tx.meeting.update({ where: { id: meeting.id }, data: { status: 'agenda_published' } });
    return postOrRefreshAgenda(tx, meeting.id, deps);
  });
  if (outcome.posted.length + outcome.refreshed.length > 0) deps.onQueued?.();
  const when = toLocalParts(meeting.startsAt, meeting.board.timezone).short;
  const parts = [
    outcome.posted.length > 0 ? `posted to ${describe(outcome.posted)}` : '',
    outcome.refreshed.length > 0 ? `already posted in ${describe(outcome.refreshed)}, so the card there is brought up to date` : '',
    outcome.current.length > 0 ? `already posted in ${describe(outcome.current)} and up to date` : '',
  ].filter(Boolean);
  // Answered with the meeting as the transaction read it, after publishing it.
  return agendaAnswer(deps, { meetingId: meeting.id, invocation: input, notice: `Agenda for ${when}: ${parts.join('; ')}. Reminders follow on schedule.`, clerk: false, loaded: outcome.meeting });
}

export const describe = (channels: BoardChannel[]): string =>
  [...new Set(channels.map((c) => (c.platform === 'slack' ? 'the Slack channel' : 'the Teams channel')))].join(' and ');
