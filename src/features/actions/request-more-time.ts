// An owner asks for more time: a new date and a reason, which the clerk accepts or declines.
import { z } from 'zod';
import { localDate } from '../../domain/time.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { dbDate, isoOf, showDate } from './action-dates.ts';
import { loadActionForAccess, requireOpen, requireOwnerOrClerk } from './action-access.ts';
import { actionAnswer, type ActionResult } from './action-answer.ts';
import { dueDate, reason } from './action-fields.ts';
import { applyOnce } from './apply-once.ts';
import { sendExtensionRequest } from './action-delivery.ts';

/** The "need more time" form for one action: a date after its due date. */
export async function moreTimeValues(deps: CoreDeps, metadata: { actionId: string }) {
  const action = await loadActionForAccess(deps.prisma, metadata.actionId);
  return z.object({ due: dueDate(localDate(deps.now(), action.meeting.board.timezone), isoOf(action.dueDate)), reason: reason('a reason for the new date') });
}

export async function requestMoreTime(deps: CoreDeps, input: Invocation & { actionId: string; key: string; due: string; reason: string }): Promise<ActionResult> {
  const action = await loadActionForAccess(deps.prisma, input.actionId);
  const { member } = await requireOwnerOrClerk(deps.prisma, action, input.actor);
  requireOpen(action, 'ask for more time');
  const asked = await applyOnce(deps, action.id, input.key, async (tx) => {
    const extension = await tx.actionExtension.create({ data: { actionId: action.id, requestedById: member.id, proposedDue: dbDate(input.due), reason: input.reason, requestKey: input.key } });
    await tx.actionUpdate.create({ data: { createdAt: deps.now(), actionId: action.id, memberId: member.id, kind: 'extension_requested', text: `Asked for ${showDate(input.due)}: ${input.reason}`, requestKey: input.key } });
    // The action as the request left it: the cards are brought up to date from it.
    return sendExtensionRequest(tx, action.id, extension.id, deps);
  });
  return actionAnswer(deps, {
    actionId: action.id,
    actor: input.actor,
    loaded: asked,
    notice: asked ? `You asked for ${showDate(input.due)}. The clerk will accept or decline it; until then the due date stays ${showDate(isoOf(action.dueDate))}.` : 'That request was already sent.',
  });
}
