// The clerk (or the chair) accepts or declines a request for more time. Accepting moves the due
// date and starts the chasing afresh. A second click finds it decided and changes nothing.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { isoOf, showDate } from './action-dates.ts';
import { loadAction, requireManager, requireOpen } from './action-access.ts';
import { actionAnswer, type ActionResult } from './action-answer.ts';
import { refreshActionCards } from './action-delivery.ts';

export async function decideExtension(deps: CoreDeps, input: Invocation & { extensionId: string; decision: 'accept' | 'decline' }): Promise<ActionResult> {
  const extension = await deps.prisma.actionExtension.findUnique({ where: { id: input.extensionId } });
  if (!extension) throw new AppError(ErrorCode.EXTENSION_NOT_FOUND, 'That request for more time no longer exists.', { log: `extension ${input.extensionId} not found` });
  const action = await loadAction(deps.prisma, extension.actionId);
  const { member } = await requireManager(deps.prisma, action, input.actor, 'decide requests for more time');
  if (extension.status !== 'requested') return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: action, notice: `That request was already ${extension.status}.` });
  requireOpen(action, 'give it more time');
  const accepted = input.decision === 'accept';
  const newDue = showDate(isoOf(extension.proposedDue));
  const changed = await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.actionExtension.updateMany({
      where: { id: extension.id, status: 'requested' },
      data: { status: accepted ? 'accepted' : 'declined', decidedById: member.id, decidedAt: deps.now() },
    });
    if (count === 0) return false;
    if (accepted) {
      await tx.action.update({ where: { id: action.id }, data: { dueDate: extension.proposedDue } });
      await tx.actionOwner.updateMany({ where: { actionId: action.id }, data: { chasesSent: 0, lastChasedOn: null, escalatedOn: null } });
    }
    await tx.actionUpdate.create({
      data: { createdAt: deps.now(), actionId: action.id, memberId: member.id, kind: accepted ? 'extension_accepted' : 'extension_declined', text: accepted ? `Now due ${newDue}` : `${newDue} declined` },
    });
    return refreshActionCards(tx, action.id, deps);
  });
  if (changed) deps.onQueued?.();
  const notice = !changed ? 'That request was decided a moment ago.' : accepted ? `More time given: now due ${newDue}.` : `Declined: still due ${showDate(isoOf(action.dueDate))}.`;
  return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: changed || undefined, notice });
}
