// The clerk accepts, defers or declines a proposal. An accepted item allocated to a meeting joins
// its agenda, before Any Other Business.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { requireClerk } from '../boards/members.ts';
import { announceAgendaChange } from '../agendas/agenda-delivery.ts';
import { insertItemBeforeClosing } from '../agendas/insert-agenda-item.ts';
import { listForwardPlan, type ForwardPlanResult } from './list-forward-plan.ts';
import { isFutureMeeting } from './propose-item.ts';

export type Decision = 'accept' | 'defer' | 'decline';

export async function decideProposal(deps: CoreDeps, input: Invocation & { itemId: string; decision: Decision; meetingId?: string; note?: string }): Promise<ForwardPlanResult> {
  const item = await deps.prisma.forwardPlanItem.findUnique({ where: { id: input.itemId }, include: { board: true } });
  if (!item) throw new AppError(ErrorCode.PROPOSAL_NOT_FOUND, 'That proposal no longer exists.', { log: `proposal ${input.itemId} not found` });
  await requireClerk(deps.prisma, item.board, input.actor);
  const targetMeeting = input.meetingId ?? item.meetingId ?? undefined;
  if (input.decision === 'accept' && targetMeeting && !(await isFutureMeeting(deps, item.boardId, targetMeeting))) {
    throw new AppError(ErrorCode.MEETING_PASSED, 'That meeting has passed or was cancelled. Open the forward plan again and choose another.');
  }
  const status = input.decision === 'accept' ? 'accepted' : input.decision === 'defer' ? 'deferred' : 'declined';
  const notice = await deps.prisma.$transaction(async (tx) => {
    // Conditional on the status read: a double click finds it changed and adds nothing twice.
    const changed = await tx.forwardPlanItem.updateMany({
      where: { id: item.id, status: item.status },
      data: { status, decisionNote: input.note ?? null, ...(input.decision === 'accept' && targetMeeting ? { meetingId: targetMeeting } : {}) },
    });
    if (changed.count === 0) return `"${item.title}" was decided a moment ago; nothing more was changed.`;
    let text = `"${item.title}" ${status}.`;
    if (input.decision === 'accept' && targetMeeting && item.status !== 'accepted') {
      const added = await insertItemBeforeClosing(tx, targetMeeting, { title: item.title, reportOf: item.reportOf, subPoints: item.overview ? [item.overview] : [] });
      text += ` It is item ${added.number} on the agenda.`;
      await announceAgendaChange(tx, targetMeeting, [`Item ${added.number} added: ${item.title}`], deps);
    } else if (input.decision === 'accept') {
      text += ' It stays on the plan as "to be allocated" until you give it a meeting.';
    }
    return text;
  });
  deps.onQueued?.();
  return listForwardPlan(deps, { ...input, board: item.board, notice });
}
