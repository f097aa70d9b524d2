// A clerk cancels a meeting: the posted agenda says so, and reminders stop.
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { requireClerk } from '../boards/members.ts';
import { agendaAnswer, type AgendaResult } from '../agendas/agenda-answer.ts';
import { announceAgendaChange } from '../agendas/agenda-delivery.ts';

export async function cancelMeeting(deps: CoreDeps, input: Invocation & { meetingId: string; reason?: string }): Promise<AgendaResult> {
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: input.meetingId }, include: { board: true } });
  if (!meeting) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.', { log: `meeting ${input.meetingId} not found` });
  await requireClerk(deps.prisma, meeting.board, input.actor);
  const reason = input.reason?.trim().slice(0, 300) || undefined;
  const when = toLocalParts(meeting.startsAt, meeting.board.timezone).short;
  const cancelled = await deps.prisma.$transaction(async (tx) => {
    // Conditional on its status: a retried or replayed cancel finds it cancelled and stops.
    const changed = await tx.meeting.updateMany({ where: { id: meeting.id, status: { not: 'cancelled' } }, data: { status: 'cancelled', cancelReason: reason ?? null } });
    if (changed.count === 0) return false;
    await announceAgendaChange(tx, meeting.id, [`The meeting is cancelled${reason ? `: ${reason}` : ''}`], deps);
    return true;
  });
  if (cancelled) deps.onQueued?.();
  return agendaAnswer(deps, { meetingId: meeting.id, invocation: input, notice: cancelled ? `The meeting of ${when} is cancelled.` : `The meeting of ${when} was already cancelled.`, clerk: true });
}
