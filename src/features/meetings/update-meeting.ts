// A clerk changes a meeting's date, time, venue, title or length; on a published agenda the
// posted cards are updated and the channel told what changed. Not onto a time the board already
// meets (meeting-time.ts).
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { requireClerk } from '../boards/members.ts';
import { agendaAnswer, type AgendaResult } from '../agendas/agenda-answer.ts';
import { announceAgendaChange } from '../agendas/agenda-delivery.ts';
import { loadMeeting } from '../agendas/agenda-view.ts';
import type { MeetingDetails } from './meeting-form.ts';
import { lockBoard, requireFreeTime } from './meeting-time.ts';

export async function updateMeeting(deps: CoreDeps, input: Invocation & { meetingId: string; details: MeetingDetails }): Promise<AgendaResult> {
  const { details } = input;
  const existing = await loadMeeting(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, existing.board, input.actor);
  if (existing.status === 'cancelled') throw new AppError(ErrorCode.MEETING_CANCELLED, 'That meeting was cancelled; create a new one instead.');
  const zone = existing.board.timezone;
  const changes: string[] = [];
  if (details.startsAt.getTime() !== existing.startsAt.getTime()) {
    changes.push(`Moved from ${toLocalParts(existing.startsAt, zone).short} to ${toLocalParts(details.startsAt, zone).short}`);
  }
  if ((details.venue ?? null) !== (existing.venue ?? null)) changes.push(details.venue ? `Venue is now ${details.venue}` : 'Venue removed');
  if (details.title !== existing.title) changes.push(`Title is now "${details.title}"`);
  if (details.durationMinutes !== existing.durationMinutes) changes.push(`Now planned to last ${details.durationMinutes} minutes`);
  if (changes.length > 0) {
    await deps.prisma.$transaction(async (tx) => {
      if (details.startsAt.getTime() !== existing.startsAt.getTime()) {
        await lockBoard(tx, existing.boardId);
        await requireFreeTime(tx, existing.board, details.startsAt, existing.id);
      }
      await tx.meeting.update({ where: { id: existing.id }, data: details });
      await announceAgendaChange(tx, existing.id, changes, deps);
    });
    deps.onQueued?.();
  }
  return agendaAnswer(deps, { meetingId: existing.id, invocation: input, notice: changes.length === 0 ? 'Nothing changed.' : `Meeting updated: ${changes.join('; ')}.`, clerk: true });
}
