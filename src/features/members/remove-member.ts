// "members remove <name>": a card asking the clerk to confirm, then the person leaves the roster.
// Their history stays: the row is kept (inactive), with their apologies, actions and figures.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { requireSomeoneToRunTheBoard } from './edit-member.ts';
import { findRosterMember } from './find-roster-member.ts';
import { rosterOf, type RosterResult } from './list-members.ts';
import { inTransactionOnce } from './save-members.ts';

export interface MemberRemovalResult {
  kind: 'member-removal';
  board: { name: string };
  member: { id: string; name: string; title?: string };
}

export async function confirmRemoval(deps: CoreDeps, input: Invocation & { name: string }): Promise<MemberRemovalResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const member = await findRosterMember(deps.prisma, board.id, input.name, 'members remove');
  return { kind: 'member-removal', board: { name: board.name }, member: { id: member.id, name: member.name, ...(member.title ? { title: member.title } : {}) } };
}

export async function removeMember(deps: CoreDeps, input: Invocation & { memberId: string }): Promise<RosterResult> {
  const member = await deps.prisma.member.findUnique({ where: { id: input.memberId }, include: { board: true } });
  if (!member) throw new AppError(ErrorCode.MEMBER_NOT_FOUND, 'That person is no longer on the roster.', { log: `member ${input.memberId} not found` });
  await requireClerk(deps.prisma, member.board, input.actor);
  const removed = await inTransactionOnce(deps.prisma, async (tx) => {
    // Conditional on still being active: a double click removes once and says so.
    const changed = await tx.member.updateMany({ where: { id: member.id, active: true }, data: { active: false } });
    if (changed.count === 0) return false;
    await tx.boardRole.deleteMany({ where: { boardId: member.boardId, memberId: member.id } });
    await requireSomeoneToRunTheBoard(tx, member.boardId);
    return true;
  });
  const notice = removed
    ? `${member.name} is no longer on ${member.board.name}. Their apologies, actions and figures are kept.`
    : `${member.name} was already removed; nothing more was changed.`;
  return rosterOf(deps, member.board, { canManage: true, notice });
}
