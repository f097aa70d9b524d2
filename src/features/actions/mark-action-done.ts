// An owner (or a clerk) marks an action done. A second click finds it done and changes nothing.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { loadAction, requireOpen, requireOwnerOrClerk } from './action-access.ts';
import { actionAnswer, type ActionResult } from './action-answer.ts';
import { refreshActionCards } from './action-delivery.ts';

export async function markActionDone(deps: CoreDeps, input: Invocation & { actionId: string }): Promise<ActionResult> {
  const action = await loadAction(deps.prisma, input.actionId);
  const { member } = await requireOwnerOrClerk(deps.prisma, action, input.actor);
  if (action.status === 'done') return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: action, notice: 'This action is already done.' });
  requireOpen(action, 'mark it done');
  const changed = await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.action.updateMany({ where: { id: action.id, status: 'open' }, data: { status: 'done', completedAt: deps.now() } });
    if (count === 0) return false;
    await tx.actionUpdate.create({ data: { createdAt: deps.now(), actionId: action.id, memberId: member.id, kind: 'done' } });
    return refreshActionCards(tx, action.id, deps);
  });
  if (changed) deps.onQueued?.();
  return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: changed || undefined, notice: changed ? 'Marked done. Thank you.' : 'This action was marked done a moment ago.' });
}
