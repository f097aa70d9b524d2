// The chair and clerks reassign an action, give it a new date or drop it, each with a reason
// kept in its history. Applied once per form (see apply-once.ts).
import { z } from 'zod';
import { localDate } from '../../domain/time.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { dbDate, isoOf, showDate } from './action-dates.ts';
import { loadAction, loadActionForAccess, requireManager, requireOpen } from './action-access.ts';
import { actionAnswer, type ActionResult } from './action-answer.ts';
import { dueDate, owners, reason, rosterOf } from './action-fields.ts';
import { applyOnce } from './apply-once.ts';

type Change = Invocation & { actionId: string; key: string; reason: string };

export async function reassignValues(deps: CoreDeps, metadata: { actionId: string }) {
  const action = await loadActionForAccess(deps.prisma, metadata.actionId);
  return z.object({ owners: owners(await rosterOf(deps.prisma, action.boardId)), reason: reason('a reason') });
}

export async function extendValues(deps: CoreDeps, metadata: { actionId: string }) {
  const action = await loadActionForAccess(deps.prisma, metadata.actionId);
  return z.object({ due: dueDate(localDate(deps.now(), action.meeting.board.timezone)), reason: reason('a reason') });
}

export const dropValues = z.object({ reason: reason('the reason for dropping it') });

export async function reassignAction(deps: CoreDeps, input: Change & { owners: string[] }): Promise<ActionResult> {
  const action = await loadActionForAccess(deps.prisma, input.actionId);
  const { member } = await requireManager(deps.prisma, action, input.actor, 'reassign actions');
  requireOpen(action, 'reassign it');
  const today = dbDate(localDate(deps.now(), action.meeting.board.timezone));
  const roster = await rosterOf(deps.prisma, action.boardId);
  const names = input.owners.map((id) => roster.find((m) => m.id === id)?.name ?? 'someone').join(', ');
  const applied = await applyOnce(deps, action.id, input.key, async (tx) => {
    await tx.actionOwner.deleteMany({ where: { actionId: action.id, memberId: { notIn: input.owners } } });
    const kept = new Set(action.owners.map((o) => o.memberId));
    const added = input.owners.filter((id) => !kept.has(id));
    if (added.length > 0) await tx.actionOwner.createMany({ data: added.map((memberId) => ({ actionId: action.id, memberId, notifiedOn: today })) });
    await tx.actionUpdate.create({ data: { createdAt: deps.now(), actionId: action.id, memberId: member.id, kind: 'reassigned', text: `To ${names}: ${input.reason}`, requestKey: input.key } });
  });
  return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: applied, notice: applied ? `Reassigned to ${names}.` : 'That change was already made.' });
}

export async function extendAction(deps: CoreDeps, input: Change & { due: string }): Promise<ActionResult> {
  const action = await loadActionForAccess(deps.prisma, input.actionId);
  const { member } = await requireManager(deps.prisma, action, input.actor, 'change due dates');
  requireOpen(action, 'give it a new date');
  const was = showDate(isoOf(action.dueDate));
  const applied = await applyOnce(deps, action.id, input.key, async (tx) => {
    await tx.action.update({ where: { id: action.id }, data: { dueDate: dbDate(input.due) } });
    await tx.actionOwner.updateMany({ where: { actionId: action.id }, data: { chasesSent: 0, lastChasedOn: null, escalatedOn: null } });
    await tx.actionUpdate.create({ data: { createdAt: deps.now(), actionId: action.id, memberId: member.id, kind: 'extended', text: `From ${was} to ${showDate(input.due)}: ${input.reason}`, requestKey: input.key } });
  });
  return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: applied, notice: applied ? `Now due ${showDate(input.due)}.` : 'That change was already made.' });
}

export async function dropAction(deps: CoreDeps, input: Change): Promise<ActionResult> {
  const action = await loadAction(deps.prisma, input.actionId);
  const { member } = await requireManager(deps.prisma, action, input.actor, 'drop actions');
  if (action.status === 'dropped') return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: action, notice: 'That action was already dropped.' });
  requireOpen(action, 'drop it');
  const applied = await applyOnce(deps, action.id, input.key, async (tx) => {
    await tx.action.update({ where: { id: action.id }, data: { status: 'dropped', statusReason: input.reason } });
    await tx.actionUpdate.create({ data: { createdAt: deps.now(), actionId: action.id, memberId: member.id, kind: 'dropped', text: input.reason, requestKey: input.key } });
  });
  return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: applied, notice: applied ? 'Action dropped.' : 'That change was already made.' });
}
