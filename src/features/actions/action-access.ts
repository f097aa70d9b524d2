// Who may do what with an action, decided here and nowhere else: an owner or a clerk changes it
// (done, updates, more time); the chair and clerks reassign, extend or drop it and decide requests
// for more time.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Member, Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { findMemberAndRole } from '../boards/members.ts';
import { actionInclude, type ActionRights, type LoadedAction } from './action-view.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const notFound = (actionId: string) => new AppError(ErrorCode.ACTION_NOT_FOUND, 'That action no longer exists. Run "actions" for the current list.', { log: `action ${actionId} not found` });

export async function loadAction(prisma: Db, actionId: string): Promise<LoadedAction> {
  const action = await prisma.action.findUnique({ where: { id: actionId }, include: actionInclude });
  if (!action) throw notFound(actionId);
  return action;
}

/** What the rights below and a form's opening need of an action: its meeting's board and its
 * owners (four statements). A use case that answers with the card (LoadedAction, ten) reads that
 * after its change. */
const accessInclude = { meeting: { include: { board: true } }, owners: true } satisfies Prisma.ActionInclude;
export type ActionForAccess = Prisma.ActionGetPayload<{ include: typeof accessInclude }>;

export async function loadActionForAccess(prisma: Db, actionId: string): Promise<ActionForAccess> {
  const action = await prisma.action.findUnique({ where: { id: actionId }, include: accessInclude });
  if (!action) throw notFound(actionId);
  return action;
}

export interface ActionActor extends ActionRights {
  member: Member | null;
  isOwner: boolean;
}

export async function rightsOn(prisma: Db, action: ActionForAccess, actor: Actor): Promise<ActionActor> {
  const found = await findMemberAndRole(prisma, action.boardId, actor);
  const member = found?.member ?? null;
  const isOwner = Boolean(member && action.owners.some((o) => o.memberId === member.id));
  const clerk = found?.clerk ?? false;
  return { member, isOwner, canChange: isOwner || clerk, canManage: clerk };
}

/** An owner or a clerk, or NOT_AN_OWNER. */
export async function requireOwnerOrClerk(prisma: Db, action: ActionForAccess, actor: Actor): Promise<ActionActor & { member: Member }> {
  const rights = await rightsOn(prisma, action, actor);
  if (!rights.canChange || !rights.member) {
    throw new AppError(ErrorCode.NOT_AN_OWNER, 'Only the action\u2019s owners or the clerk can change it.', { log: `not an owner of action ${action.id}` });
  }
  return rights as ActionActor & { member: Member };
}

/** A clerk or the chair, or NOT_A_CLERK. */
export async function requireManager(prisma: Db, action: ActionForAccess, actor: Actor, toDo: string): Promise<ActionActor & { member: Member }> {
  const rights = await rightsOn(prisma, action, actor);
  if (!rights.canManage || !rights.member) {
    throw new AppError(ErrorCode.NOT_A_CLERK, `Only the clerk or the chair of ${action.meeting.board.name} can ${toDo}.`, { log: `not a clerk for action ${action.id}` });
  }
  return rights as ActionActor & { member: Member };
}

/** Refuses a change to an action that is done or dropped. */
export function requireOpen(action: ActionForAccess, toDo: string): void {
  if (action.status !== 'open') {
    throw new AppError(ErrorCode.ACTION_CLOSED, `That action is ${action.status}; you can't ${toDo}.`, { log: `action ${action.id} is ${action.status}` });
  }
}
