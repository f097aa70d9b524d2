// An action's card as it is now, for the person looking: what Teams asks for when an action's card
// is shown (its `refresh`), so every owner's copy shows the same state. Members of the board only.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findMember } from '../boards/members.ts';
import { loadAction } from './action-access.ts';
import { actionAnswer, type ActionResult } from './action-answer.ts';

export async function viewAction(deps: CoreDeps, input: Invocation & { actionId: string }): Promise<ActionResult> {
  const action = await loadAction(deps.prisma, input.actionId);
  if (!(await findMember(deps.prisma, action.boardId, input.actor))) {
    throw new AppError(ErrorCode.NOT_A_MEMBER, `Only members of ${action.meeting.board.name} can see its actions.`, { log: `not a member for action ${action.id}` });
  }
  return actionAnswer(deps, { actionId: action.id, actor: input.actor, loaded: action });
}
