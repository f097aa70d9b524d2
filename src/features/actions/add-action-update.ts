// An owner (or a clerk) adds an update to an action: what has happened so far. Kept in its history
// with who wrote it and when.
import { z } from 'zod';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { loadActionForAccess, requireOwnerOrClerk } from './action-access.ts';
import { actionAnswer, type ActionResult } from './action-answer.ts';
import { applyOnce } from './apply-once.ts';

export const UPDATE_MAX = 1000;

export const actionUpdateValues = z.object({
  text: z
    .string({ error: 'Write the update.' })
    .trim()
    .min(1, { error: 'Write the update.' })
    .max(UPDATE_MAX, { error: `Keep the update to ${UPDATE_MAX.toLocaleString('en-GB')} characters or fewer.` }),
});

export async function addActionUpdate(deps: CoreDeps, input: Invocation & { actionId: string; key: string; text: string }): Promise<ActionResult> {
  const action = await loadActionForAccess(deps.prisma, input.actionId);
  const { member } = await requireOwnerOrClerk(deps.prisma, action, input.actor);
  const added = await applyOnce(deps, action.id, input.key, async (tx) => {
    await tx.actionUpdate.create({ data: { createdAt: deps.now(), actionId: action.id, memberId: member.id, kind: 'update', text: input.text, requestKey: input.key } });
  });
  return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: added, notice: added ? 'Update added.' : 'That update was already added.' });
}
